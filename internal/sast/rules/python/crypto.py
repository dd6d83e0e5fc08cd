import hashlib
import hashlib as h
from hashlib import sha1


def digests(data, password):
    # ruleid: python.crypto.weak-hash, python.crypto.weak-password-hash
    token = h.md5(password.encode()).hexdigest()
    # ruleid: python.crypto.weak-hash
    sig = sha1(data)
    # ruleid: python.crypto.weak-hash
    legacy = hashlib.new('md5', data)
    # ok: python.crypto.weak-hash
    etag = hashlib.md5(data, usedforsecurity=False)
    # ok: python.crypto.weak-hash
    good = hashlib.sha256(data).hexdigest()
    # ok: python.crypto.weak-hash
    other = hashlib.new("sha256", data)
    return token, sig, legacy, etag, good, other
