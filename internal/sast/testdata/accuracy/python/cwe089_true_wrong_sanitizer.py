import html
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/comment")
def comment():
    text = html.escape(request.args.get("text", ""))
    db = sqlite3.connect("c.db")
    # ruleid: python.taint.sql-injection
    db.execute("INSERT INTO comments(body) VALUES ('%s')" % text)
    db.commit()
    return "ok"
