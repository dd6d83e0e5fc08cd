from flask import request
from db import cursor
from qb import select, only_table


def kw():
    p = request.args.get("p")
    # ruleid: test.python.sqli
    cursor.execute(select("t", where=p))
    # ok: test.python.sqli
    cursor.execute(only_table("t", where=p))
    # ok: test.python.sqli
    cursor.execute(only_table(where=p, table="t"))
    # ruleid: test.python.sqli
    cursor.execute(select(order=p, table="t"))


class Box:
    pass


def local_obj():
    o = Box()
    o.a = request.args.get("a")
    o.b = "fixed"
    # ok: test.python.sqli
    cursor.execute("SELECT " + o.b)
    # ruleid: test.python.sqli
    cursor.execute("SELECT " + o.a)
