import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/users")
def users():
    name = request.args.get("name", "")
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
    return {"rows": cur.fetchall()}
