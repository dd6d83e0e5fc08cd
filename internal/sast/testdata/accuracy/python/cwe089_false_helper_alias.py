import sqlite3

from flask import Flask, request

import lib_sql as q

app = Flask(__name__)


@app.route("/orders")
def orders():
    customer = request.form["customer"]
    sql = q.fixed_query(customer)
    cur = sqlite3.connect("shop.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute(sql, (customer,))
    return {"rows": cur.fetchall()}
