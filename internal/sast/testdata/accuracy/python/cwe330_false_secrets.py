import secrets


def make_reset_token():
    # ok: python.crypto.insecure-random
    return secrets.token_urlsafe(24)
