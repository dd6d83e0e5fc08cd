import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/filter")
def filter_rows():
    cols = [c for c in request.args.getlist("col")]
    sql = "SELECT " + ", ".join(cols) + " FROM metrics"
    cur = sqlite3.connect("m.db").cursor()
    # ruleid: python.taint.sql-injection
    cur.execute(sql)
    return {"rows": cur.fetchall()}
