import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/sort")
def sort_rows():
    parts = ["name", request.args.get("dir", "asc")]
    sql = "SELECT * FROM people ORDER BY " + parts[0]
    cur = sqlite3.connect("p.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute(sql)
    return {"rows": cur.fetchall()}
