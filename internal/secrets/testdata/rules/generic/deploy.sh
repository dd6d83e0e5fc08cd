#!/bin/sh
# ruleid: secrets.generic-password
mysqldump --user backup --password Wx9!kL3mQz7R orders > /backup/orders.sql
# ruleid: secrets.generic-secret
vault-cli login --token "h8Kz3Lq7Xm2Vp9Wr4Tn6Yb1C"
# ok: secrets.generic-password
mysqldump --user backup --password "$MYSQL_PASSWORD" orders
# ok: secrets.generic-secret
vault-cli login --token-file /run/secrets/vault-token
