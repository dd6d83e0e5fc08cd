from Crypto.Cipher import AES


def encrypt_card(number: bytes, key: bytes) -> bytes:
    # ok: python.crypto.weak-cipher
    cipher = AES.new(key, AES.MODE_GCM)
    data, tag = cipher.encrypt_and_digest(number)
    return cipher.nonce + tag + data
