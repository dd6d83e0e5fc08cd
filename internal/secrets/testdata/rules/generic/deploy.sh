#!/bin/sh
# ruleid: secrets.generic-password
mysqldump --user backup --password Wx9!kL3mQz7R orders > /backup/orders.sql
# ruleid: secrets.generic-secret
vault-cli login --token "h8Kz3Lq7Xm2Vp9Wr4Tn6Yb1C"
# ok: secrets.generic-password
mysqldump --user backup --password "$MYSQL_PASSWORD" orders
# ok: secrets.generic-secret
vault-cli login --token-file /run/secrets/vault-token
# ruleid: secrets.generic-password
curl -u admin:Qw9!zX3kLm7P https://nexus.acme.io/repository/releases/
# ok: secrets.generic-password
sort -u names.txt
# ok: secrets.generic-password
curl -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.acme.io/repository/releases/
