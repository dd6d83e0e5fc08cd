import sqlite3

from flask import Flask, request

from lib_sql import where_customer

app = Flask(__name__)


@app.route("/orders")
def orders():
    customer = request.form["customer"]
    sql = where_customer(customer)
    cur = sqlite3.connect("shop.db").cursor()
    # ruleid: python.taint.sql-injection
    cur.execute(sql)
    return {"rows": cur.fetchall()}
