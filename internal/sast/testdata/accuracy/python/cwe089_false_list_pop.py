import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/queue")
def queue():
    values = []
    values.append("pending")
    values.append(request.args.get("state", ""))
    values.pop()
    cur = sqlite3.connect("q.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM jobs WHERE state = '" + values[0] + "'")
    return {"rows": cur.fetchall()}
