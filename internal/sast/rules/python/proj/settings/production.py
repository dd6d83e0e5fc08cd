import os

# ok: python.django.debug-enabled
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ok: python.django.insecure-cookie-setting
SESSION_COOKIE_SECURE = True
# ok: python.web.hardcoded-secret-key
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ok: python.web.cors-any-origin-with-credentials
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
CORS_ALLOW_CREDENTIALS = True
