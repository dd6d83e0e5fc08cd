import hashlib


def cache_key(url: str) -> str:
    # ok: python.crypto.weak-hash
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
