import logging.config
from logging import config as logconfig


def start(verify_signature):
    # ruleid: python.lang.logging-config-listen
    t = logging.config.listen(9030)
    # ruleid: python.lang.logging-config-listen
    u = logconfig.listen()
    # ok: python.lang.logging-config-listen
    v = logging.config.listen(9031, verify=verify_signature)
    # ok: python.lang.logging-config-listen
    logging.config.dictConfig({"version": 1})
    return t, u, v
