import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    param = request.args.get("year", "2024")
    limit = 7 * 3
    if limit - 20 > 5:
        year = param
    else:
        year = "2024"
    cur = sqlite3.connect("r.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM sales WHERE year = " + year)
    return {"rows": cur.fetchall()}
