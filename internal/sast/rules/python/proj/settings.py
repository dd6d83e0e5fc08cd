import os

# ruleid: python.django.debug-enabled
DEBUG = True
# ruleid: python.django.insecure-cookie-setting
SESSION_COOKIE_SECURE = False
# ruleid: python.django.insecure-cookie-setting
CSRF_COOKIE_SECURE = False
# ok: python.django.insecure-cookie-setting
SESSION_COOKIE_HTTPONLY = True
# ruleid: python.web.hardcoded-secret-key
SECRET_KEY = "django-insecure-4f$x!k2@8q"
# ruleid: python.web.cors-any-origin-with-credentials
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
# ruleid: python.django.debug-enabled
DEBUG = True
