import random
import string


def make_reset_token():
    alphabet = string.ascii_letters + string.digits
    # ruleid: python.crypto.insecure-random
    return "".join(random.choice(alphabet) for _ in range(24))
