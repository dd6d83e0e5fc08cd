import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/stats")
def stats():
    raw = request.args.get("col", "")
    mode = "fixed"
    match mode:
        case "user":
            column = raw
        case _:
            column = "count"
    cur = sqlite3.connect("s.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute("SELECT " + column + " FROM stats")
    return {"rows": cur.fetchall()}
