import re

from flask import abort, request
from db import cursor


class Repo:
    def __init__(self, table):
        self.table = table

    def quote(self, v):
        return "'" + v + "'"

    def by_name(self, name):
        # ruleid: test.python.sqli
        cursor.execute("SELECT * FROM " + self.table + " WHERE n = " + self.quote(name))

    def count(self, name):
        # ok: test.python.sqli
        cursor.execute("SELECT count(*) FROM " + self.table + " WHERE n = %s", (name,))


def handler():
    repo = Repo("users")
    repo.by_name(request.args.get("name"))
    repo.count(request.args.get("name"))
    names = request.args.getlist("n")
    for n in names:
        # ruleid: test.python.sqli
        cursor.execute("DELETE FROM t WHERE n = '%s'" % n)
    ids = ",".join(str(int(i)) for i in names)
    # ok: test.python.sqli
    cursor.execute("DELETE FROM t WHERE id IN (" + ids + ")")

    def inner():
        # ruleid: test.python.sqli
        cursor.execute("SELECT '" + names[0] + "'")

    inner()
    mode = request.args.get("mode", "fast")
    opts = {"fast": "SELECT 1", "slow": "SELECT pg_sleep(1)"}
    # ok: test.python.sqli
    cursor.execute(opts.get("fast"))


class Search:
    def __init__(self):
        self.term = request.args.get("q")
        self.order = "name"

    def run(self):
        # ruleid: test.python.sqli
        cursor.execute("SELECT * FROM t WHERE a = '" + self.term + "'")
        # ok: test.python.sqli
        cursor.execute("SELECT * FROM t ORDER BY " + self.order)


class Filter:
    def __init__(self, column, value):
        self.column = column
        self.value = value

    def clause(self):
        return self.column + " = '" + self.value + "'"


def filters():
    f = Filter("name", request.args.get("v"))
    # ruleid: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE " + f.clause())
    g = Filter("name", "fixed")
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE " + g.clause())


class Lookup:
    def __init__(self, column, table):
        self.column = column
        self.table = table

    def by_column(self):
        # ruleid: test.python.sqli
        cursor.execute("SELECT " + self.column + " FROM t")

    def by_table(self):
        # ok: test.python.sqli
        cursor.execute("SELECT * FROM " + self.table)


def new_object_method():
    Lookup(request.args.get("c"), "items").by_column()
    Lookup(request.args.get("c"), "items").by_table()


def walrus():
    if (name := request.args.get("n")) is not None:
        # ruleid: test.python.sqli
        cursor.execute("SELECT '" + name + "'")
    if (fixed := "x") and request.args.get("n"):
        # ok: test.python.sqli
        cursor.execute("SELECT '" + fixed + "'")


def guarded_by_abort():
    name = request.args.get("n")
    if not re.fullmatch(r"[a-z]+", name):
        abort(400)
    # ok: test.python.sqli
    cursor.execute("SELECT '" + name + "'")
    other = request.args.get("o")
    if not re.fullmatch(r"[a-z]+", other):
        log(400)
    # ruleid: test.python.sqli
    cursor.execute("SELECT '" + other + "'")


def guarded_by_isdigit():
    pid = request.args.get("pid")
    if not pid.isdigit():
        raise ValueError(pid)
    # ok: test.python.sqli
    cursor.execute("SELECT '" + pid + "'")
    word = request.args.get("w")
    if not word.strip():
        raise ValueError(word)
    # ruleid: test.python.sqli
    cursor.execute("SELECT '" + word + "'")
