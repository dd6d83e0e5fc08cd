import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/page", methods=["POST"])
def page():
    body = request.get_json()
    opts = {"q": body.get("q", ""), "order": "created_at"}
    cur = sqlite3.connect("p.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM posts WHERE title LIKE ? ORDER BY " + opts["order"], ("%" + opts["q"] + "%",))
    return {"rows": cur.fetchall()}
