from flask import request
from db import cursor

DEBUG = False
LIMIT = 5


def a():
    p = request.args.get("p")
    bar = "x"
    if DEBUG:
        bar = p
    # ok: test.python.sqli
    cursor.execute("SELECT '" + bar + "'")
    if LIMIT > 10:
        bar = p
    # ok: test.python.sqli
    cursor.execute("SELECT '" + bar + "'")
    num = 86
    baz = "safe" if (7 * 42) - num > 200 else p
    # ok: test.python.sqli
    cursor.execute("SELECT '" + baz + "'")
    d = {}
    d["a"] = p
    del d["a"]
    # ok: test.python.sqli
    cursor.execute("SELECT '" + d.get("a", "") + "'")
    items = [p, "x"]
    last = items.pop()
    # ok: test.python.sqli
    cursor.execute("SELECT '" + last + "'")
    # ruleid: test.python.sqli
    cursor.execute("SELECT '" + items[0] + "'")
    # ruleid: test.python.sqli
    cursor.execute("SELECT '{}'".format(p.strip()))
    # ok: test.python.sqli
    cursor.execute("SELECT '%s'" % len(p))
    mode = "x"
    if len("abc") > 5:
        mode = p
    # ok: test.python.sqli
    cursor.execute("SELECT '" + mode + "'")
    if len("abcdef") > 5:
        mode = p
    # ruleid: test.python.sqli
    cursor.execute("SELECT '" + mode + "'")


def unknown_list(items):
    items.pop(0)
    # ruleid: test.python.sqli
    cursor.execute("SELECT '" + items[0] + "'")


unknown_list([request.args.get("a"), request.args.get("b")])
