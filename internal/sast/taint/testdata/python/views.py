import os
import shlex
from flask import request
from db import cursor
import helpers
from helpers import build_query


def cross_file():
    name = request.args.get("name")
    q = helpers.build_query(name)
    # ruleid: test.python.sqli
    cursor.execute(q)


def cross_file_imported():
    name = request.args.get("name")
    # ruleid: test.python.sqli
    cursor.execute(build_query(name))


def helper_sink():
    helpers.run_query(cursor, request.args.get("id"))


def dead_branch():
    param = request.args.get("name")
    num = 86
    bar = "safe"
    if (7 * 42) - num > 200:
        bar = "constant"
    else:
        bar = param
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE n = '%s'" % bar)
    other = param if num > 500 else "fixed"
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE n = '" + other + "'")
    other = param if num < 500 else "fixed"
    # ruleid: test.python.sqli
    cursor.execute(f"SELECT * FROM t WHERE n = '{other}'")


def dict_keys():
    param = request.args.get("name")
    d = {"a": param, "b": "safe"}
    d["c"] = "also safe"
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE n = '" + d["b"] + "'")
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE n = '" + d.get("c") + "'")
    # ruleid: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE n = '" + d["a"] + "'")


def lists():
    param = request.args.get("name")
    items = ["safe", param, "moresafe"]
    items.pop(0)
    # ok: test.python.sqli
    cursor.execute("SELECT " + items[1])
    # ruleid: test.python.sqli
    cursor.execute("SELECT " + items[0])


def parameterised():
    name = request.args.get("name")
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    n = int(request.args.get("n"))
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM t LIMIT %d" % n)
    joined = " ".join(["SELECT", request.form["cols"], "FROM t"])
    # ruleid: test.python.sqli
    cursor.execute(joined)


class Service:
    def __init__(self):
        self.table = "users"

    def find(self):
        self.name = request.args.get("name")
        # ok: test.python.sqli
        cursor.execute("SELECT * FROM " + self.table)
        # ruleid: test.python.sqli
        cursor.execute("SELECT * FROM t WHERE n = '{}'".format(self.name))


def commands():
    host = request.args.get("host")
    # ruleid: test.python.cmdi
    os.system("ping -c 1 " + host)
    # ok: test.python.cmdi
    os.system("ping -c 1 " + shlex.quote(host))
    # A shell quoter does not make SQL safe.
    # ruleid: test.python.sqli
    cursor.execute("SELECT '" + shlex.quote(host) + "'")
    port = int(request.args.get("port"))
    # ok: test.python.cmdi
    os.system("nc -z localhost %d" % port)
    cmd = helpers.make_command(host)
    # ruleid: test.python.cmdi
    os.system(cmd)
