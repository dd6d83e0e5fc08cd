import base64
import hashlib
import os
import random
import secrets
import ssl
import string

import bcrypt
import jwt
import requests
import urllib3
from Crypto.Cipher import AES, DES, ARC4, DES3
from Crypto.PublicKey import RSA
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def ciphers(key, data):
    # ruleid: python.crypto.weak-cipher
    c1 = DES.new(key[:8], DES.MODE_CBC, iv=os.urandom(8))
    # ruleid: python.crypto.weak-cipher
    c2 = ARC4.new(key)
    # ruleid: python.crypto.weak-cipher
    c3 = Cipher(algorithms.TripleDES(key), modes.CBC(os.urandom(8)))
    # ok: python.crypto.weak-cipher
    c4 = Cipher(algorithms.AES(key), modes.GCM(os.urandom(12)))
    # ok: python.crypto.weak-cipher
    c5 = AES.new(key, AES.MODE_GCM)
    return c1, c2, c3, c4, c5


def modes_used(key):
    # ruleid: python.crypto.ecb-mode
    a = AES.new(key, AES.MODE_ECB)
    # ruleid: python.crypto.ecb-mode
    b = Cipher(algorithms.AES(key), modes.ECB())
    # ok: python.crypto.ecb-mode
    c = AES.new(key, AES.MODE_GCM)
    # ok: python.crypto.ecb-mode
    d = Cipher(algorithms.AES(key), modes.CBC(os.urandom(16)))
    return a, b, c, d


def ivs(key, data):
    # ruleid: python.crypto.static-iv
    a = Cipher(algorithms.AES(key), modes.CBC(b"\x00" * 16))
    # ruleid: python.crypto.static-iv
    b = AES.new(key, AES.MODE_CBC, b"0123456789abcdef")
    # ruleid: python.crypto.static-iv
    ct = AESGCM(key).encrypt(b"fixednonce12", data, None)
    iv = os.urandom(16)
    # ok: python.crypto.static-iv
    c = Cipher(algorithms.AES(key), modes.CBC(iv))
    # ok: python.crypto.static-iv
    d = AES.new(key, AES.MODE_CBC, iv)
    nonce = os.urandom(12)
    # ok: python.crypto.static-iv
    ct2 = AESGCM(key).encrypt(nonce, data, None)
    return a, b, c, d, ct, ct2


def keys(claims, data):
    # ruleid: python.crypto.hardcoded-key
    f = Fernet(b"q8m3cEOQ7h0rYw2o3i4dWk1e2ZlR7bHk9nY6Vt5uXs0=")
    # ruleid: python.crypto.hardcoded-key
    token = jwt.encode(claims, "super-secret", algorithm="HS256")
    # ok: python.crypto.hardcoded-key
    f2 = Fernet(os.environ["FERNET_KEY"].encode())
    # ok: python.crypto.hardcoded-key
    token2 = jwt.encode(claims, os.environ["JWT_SECRET"], algorithm="HS256")
    return f, token, f2, token2


ALPHABET = string.ascii_letters + string.digits


def make_reset_token():
    # ruleid: python.crypto.insecure-random
    return "".join(random.choice(ALPHABET) for _ in range(32))


def generate_password(n=12):
    # ruleid: python.crypto.insecure-random
    return "".join(random.choices(ALPHABET, k=n))


def make_api_token():
    # ok: python.crypto.insecure-random
    return secrets.token_urlsafe(32)


def pick_server(servers):
    # ok: python.crypto.insecure-random
    return random.choice(servers)


def keygen():
    # ruleid: python.crypto.rsa-short-key
    k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    # ruleid: python.crypto.rsa-short-key
    k2 = RSA.generate(1024)
    # ok: python.crypto.rsa-short-key
    k3 = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    # ok: python.crypto.rsa-short-key
    k4 = RSA.generate(2048)
    return k1, k2, k3, k4


def fetch(url, session):
    # ruleid: python.tls.verification-disabled
    r1 = requests.get(url, verify=False, timeout=5)
    # ruleid: python.tls.verification-disabled
    ctx = ssl._create_unverified_context()
    ctx2 = ssl.create_default_context()
    # ruleid: python.tls.verification-disabled
    ctx2.verify_mode = ssl.CERT_NONE
    # ok: python.tls.verification-disabled
    r2 = requests.get(url, verify="/etc/ssl/internal-ca.pem", timeout=5)
    # ok: python.tls.verification-disabled
    r3 = requests.post(url, json={}, timeout=5)
    # ok: python.tls.verification-disabled
    ctx2.verify_mode = ssl.CERT_REQUIRED
    return r1, r2, r3, ctx


def protocols():
    # ruleid: python.tls.weak-protocol
    a = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    ctx = ssl.create_default_context()
    # ruleid: python.tls.weak-protocol
    ctx.minimum_version = ssl.TLSVersion.TLSv1
    # ok: python.tls.weak-protocol
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    # ok: python.tls.weak-protocol
    b = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return a, b


def tokens(token, key, claims):
    # ruleid: python.jwt.unverified-decode
    c1 = jwt.decode(token, options={"verify_signature": False})
    # ruleid: python.jwt.unverified-decode
    c2 = jwt.decode(token, key, algorithms=["HS256", "none"])
    # ok: python.jwt.unverified-decode
    c3 = jwt.decode(token, key, algorithms=["HS256"])
    # ok: python.jwt.unverified-decode
    c4 = jwt.decode(token, key, algorithms=["RS256"], options={"require": ["exp"]})
    return c1, c2, c3, c4


def store_password(password, salt):
    # ruleid: python.crypto.weak-password-hash
    a = hashlib.sha256(password.encode()).hexdigest()
    # ruleid: python.crypto.weak-password-hash
    b = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000)
    # ruleid: python.crypto.weak-password-hash
    c = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4))
    # ok: python.crypto.weak-password-hash
    d = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    # ok: python.crypto.weak-password-hash
    e = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))
    # ok: python.crypto.weak-password-hash
    f = hashlib.sha256(salt).hexdigest()
    return a, b, c, d, e, f


_VERSIONS = {
    # ok: python.tls.weak-protocol
    ssl.PROTOCOL_TLSv1: "TLSv1",
}


def archives(path, dest):
    import zipfile
    with zipfile.ZipFile(path) as zf:
        # ok: python.lang.tarfile-extractall
        zf.extractall(dest)
