import hashlib


def fingerprint(payload: bytes) -> str:
    # ok: python.crypto.weak-hash
    return hashlib.sha256(payload).hexdigest()
