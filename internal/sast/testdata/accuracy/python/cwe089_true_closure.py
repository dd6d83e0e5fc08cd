import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/tags")
def tags():
    tag = request.args.get("tag", "")

    def query():
        return "SELECT * FROM posts WHERE tag = '" + tag + "'"

    cur = sqlite3.connect("t.db").cursor()
    # ruleid: python.taint.sql-injection
    cur.execute(query())
    return {"rows": cur.fetchall()}
