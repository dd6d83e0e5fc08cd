import os

# ruleid: secrets.database-url
DATABASE_URL = "postgres://billing:Vq7mZ2xK9pLw@db.acme.internal:5432/billing"
# ruleid: secrets.database-url
CACHE = "redis://:s9Jk2LmQ4xPz@cache.acme.internal:6379/0"
# ok: secrets.database-url
EXAMPLE_DB = "postgres://user:password@localhost:5432/app"
# ok: secrets.database-url
TEMPLATE_DB = f"postgres://{user}:{password}@{host}/app"
# ok: secrets.database-url
LOCAL_DB = "postgresql://postgres:postgres@localhost/postgres"
# ok: secrets.database-url
DB_FROM_ENV = os.environ["DATABASE_URL"]

# ruleid: secrets.url-credentials
REPO = "https://deploy:Hx7kP2mQ9vLz@git.acme.io/platform/infra.git"
# ok: secrets.url-credentials
DOCS = "https://user:pass@example.com/private"
# ok: secrets.url-credentials
HOME = "https://github.com/acme/infra"
