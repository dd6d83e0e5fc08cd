#!/bin/sh
# ruleid: secrets.generic-secret
curl -H "Authorization: Bearer 8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc" https://api.acme.io/v1/orders
# ruleid: secrets.generic-password
curl -H "Authorization: Basic ZGVwbG95OlFtN3hLMnZMOXBadw==" https://api.acme.io/v1/orders
# ok: secrets.generic-secret
curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.io/v1/orders
# ok: secrets.generic-password
curl -H "Authorization: Basic dXNlcjpwYXNzd29yZA==" https://example.com/
# ok: secrets.generic-secret
echo "the bearer token is read from the vault"
