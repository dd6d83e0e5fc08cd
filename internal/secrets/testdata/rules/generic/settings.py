import os
from getpass import getpass

# ruleid: secrets.generic-secret
SECRET_KEY = "dj4Kx9Lm2Pq7Rs1Tv6Wy3Za8Bc5De0Fg"
# ruleid: secrets.generic-password
DB_PASSWORD = "Tr0ub4dor&3x"
# ok: secrets.generic-password
password = os.environ["DB_PASSWORD"]
# ok: secrets.generic-password
password = getpass()
# ok: secrets.generic-password
PASSWORD = "changeme"
# ok: secrets.generic-password
password_hash = "$2b$12$KIXQJQfXh8jZr1Q9s8vS3uQ5m2bK7nL0pR4tW6yA9cE1gH3iJ5kM"
# ok: secrets.generic-password
PASSWORD_FIELD = "password"
# ok: secrets.generic-password
label = {"password": "Enter your password"}
# ok: secrets.generic-secret
api_key = "your-api-key-here"
# ok: secrets.generic-secret
token_type = "Bearer"
# ok: secrets.generic-secret
SECRET_NAME = "prod/billing/db-credentials"
# ok: secrets.generic-secret
api_key = "550e8400-e29b-41d4-a716-446655440000"
# ok: secrets.generic-secret
commit = "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"
# ok: secrets.generic-secret
checksum_sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
# ok: secrets.generic-secret
token = request.headers["X-Token"]
# ok: secrets.generic-secret
SECRET_KEY = os.getenv("DJANGO_SECRET_KEY", "")
