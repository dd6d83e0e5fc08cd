import hashlib


def store_password(db, user, password):
    # ruleid: python.crypto.weak-hash
    digest = hashlib.md5(password.encode()).hexdigest()
    db.save(user, digest)
