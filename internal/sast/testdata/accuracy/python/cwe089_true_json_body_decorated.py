import sqlite3

from flask import Flask, request

from lib_decorators import audited

app = Flask(__name__)


@audited
def find(email):
    cur = sqlite3.connect("u.db").cursor()
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT id FROM users WHERE email = '%s'" % email)
    return cur.fetchone()


@app.route("/find", methods=["POST"])
def find_view():
    payload = request.get_json()
    return {"id": find(payload["email"])}
