import shlex
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/host")
def host():
    name = shlex.quote(request.args.get("name", ""))
    cur = sqlite3.connect("h.db").cursor()
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT ip FROM hosts WHERE name = " + name)
    return {"rows": cur.fetchall()}
