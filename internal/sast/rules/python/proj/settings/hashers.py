# ruleid: python.django.weak-password-hasher
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
# ok: python.django.weak-password-hasher
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
# ruleid: python.django.weak-password-hasher
PASSWORD_HASHERS = ("django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",)
# ok: python.django.weak-password-hasher
PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]

# ruleid: python.web.samesite-none
SESSION_COOKIE_SAMESITE = "None"
# ruleid: python.web.samesite-none
CSRF_COOKIE_SAMESITE = "None"
# ok: python.web.samesite-none
SESSION_COOKIE_SAMESITE = "Lax"
# ok: python.web.samesite-none
CSRF_COOKIE_SAMESITE = "Strict"
