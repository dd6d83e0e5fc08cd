import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/pair")
def pair():
    user, table = request.args.get("user", ""), "profiles"
    cur = sqlite3.connect("p.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM " + table + " WHERE user = ?", (user,))
    return {"rows": cur.fetchall()}
