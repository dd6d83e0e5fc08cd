import html
import shlex
from flask import request
from db import cursor
from report_queries import invoice_query
import report_queries


def found():
    customer = request.args.get("customer")
    sql = invoice_query(customer)
    # ruleid: test.python.sqli
    cursor.execute(sql)


def found_module():
    # ruleid: test.python.sqli
    cursor.execute(report_queries.invoice_query(request.args.get("customer")))


def dead_branch():
    customer = request.args.get("customer")
    who = "guest"
    limit = 90
    if (7 * 42) - limit > 300:
        who = customer
    # ok: test.python.sqli
    cursor.execute(invoice_query(who))
    debug = False
    if debug:
        who = customer
    # ok: test.python.sqli
    cursor.execute(invoice_query(who))


def other_key():
    form = {"customer": request.args.get("customer"), "region": "emea"}
    form["status"] = "open"
    # ok: test.python.sqli
    cursor.execute(invoice_query(form["region"]))
    # ok: test.python.sqli
    cursor.execute(invoice_query(form.get("status")))
    # ruleid: test.python.sqli
    cursor.execute(invoice_query(form["customer"]))


def sanitized():
    number = request.args.get("number")
    # ok: test.python.sqli
    cursor.execute(report_queries.invoice_by_number(number))
    customer = request.args.get("customer")
    # An HTML escaper is the wrong sanitizer for SQL.
    # ruleid: test.python.sqli
    cursor.execute(invoice_query(html.escape(customer)))
    # ok: test.python.sqli
    cursor.execute(invoice_query(str(int(customer))))


def parameterised():
    customer = request.args.get("customer")
    # ok: test.python.sqli
    cursor.execute("SELECT id FROM invoices WHERE customer = %s", (invoice_query(customer),))
    # ok: test.python.sqli
    cursor.execute("SELECT id FROM invoices WHERE customer = :c", {"c": customer})


def matches():
    p = request.args.get("p")
    mode = "b"
    match mode:
        case "a":
            bar = p
        case "b":
            bar = "fixed"
        case _:
            bar = p
    # ok: test.python.sqli
    cursor.execute("SELECT '" + bar + "'")
    mode = request.args.get("mode")
    match mode:
        case "a":
            baz = "x"
        case _:
            baz = p
    # ruleid: test.python.sqli
    cursor.execute("SELECT '" + baz + "'")


def lists():
    p = request.args.get("p")
    items = []
    items.append(p)
    items.append("safe")
    items.pop(0)
    # ok: test.python.sqli
    cursor.execute("SELECT '" + items[0] + "'")
    more = ["safe"]
    more.append(p)
    more.pop(0)
    # ruleid: test.python.sqli
    cursor.execute("SELECT '" + more[0] + "'")
    pair = ("x", p)
    # ok: test.python.sqli
    cursor.execute("SELECT '" + pair[0] + "'")


def conversions():
    flag = bool(request.args.get("flag"))
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE f = %s" % flag)
    ratio = float(request.args.get("ratio"))
    # ok: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE r > " + str(ratio))
    raw = request.args.get("ratio")
    # ruleid: test.python.sqli
    cursor.execute("SELECT * FROM t WHERE r > " + str(raw))


class Report:
    def __init__(self, owner):
        self.owner = owner
        self.table = "invoices"

    def query(self):
        return "SELECT * FROM " + self.table + " WHERE owner = '" + self.owner + "'"

    def table_query(self):
        return "SELECT * FROM " + self.table


def reports():
    r = Report(request.args.get("owner"))
    # ruleid: test.python.sqli
    cursor.execute(r.query())
    # Another field of the same object stays clean.
    # ok: test.python.sqli
    cursor.execute(r.table_query())
    mine = Report("me")
    # ok: test.python.sqli
    cursor.execute(mine.query())
