import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/page")
def page():
    n = request.args.get("n", default=1, type=int)
    cur = sqlite3.connect("p.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM posts LIMIT 10 OFFSET " + str(n * 10))
    return {"rows": cur.fetchall()}
