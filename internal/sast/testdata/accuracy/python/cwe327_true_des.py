from Crypto.Cipher import DES


def encrypt_card(number: bytes, key: bytes) -> bytes:
    # ruleid: python.crypto.weak-cipher
    cipher = DES.new(key, DES.MODE_CBC)
    return cipher.iv + cipher.encrypt(number.ljust(16, b"\0"))
