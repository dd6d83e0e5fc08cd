<?php
define('DB_USER', 'wordpress');
// ruleid: secrets.generic-password
define('DB_PASSWORD', 'Zt4!pK9wQx2M');
// ruleid: secrets.generic-secret
define('AUTH_KEY', 'h3Kq9Zx2Lm7Wp4Rv8Tn1Yb6Cd5Fg0Js');
// ok: secrets.generic-password
define('DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD'));
// ok: secrets.generic-secret
define('AUTH_KEY', 'put your unique phrase here');
