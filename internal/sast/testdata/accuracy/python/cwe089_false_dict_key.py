import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/lookup")
def lookup():
    data = {}
    data["user"] = request.args.get("user", "")
    data["table"] = "accounts"
    sql = "SELECT * FROM " + data["table"]
    cur = sqlite3.connect("l.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute(sql)
    return {"rows": cur.fetchall()}
