import hashlib
import os
import pickle
import sqlite3
import subprocess

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    # The host name goes straight into a shell command line.
    os.system("ping -c 1 " + host)
    return subprocess.check_output("nslookup " + host, shell=True)


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "1+1")
    return str(eval(expression))


@app.route("/user")
def user():
    name = request.args.get("name", "")
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    cur.execute("SELECT id, email FROM users WHERE name = '%s'" % name)
    return str(cur.fetchall())


def store_password(conn, user, password):
    digest = hashlib.md5(password.encode()).hexdigest()
    conn.execute("UPDATE users SET pw = ? WHERE name = ?", (digest, user))


@app.route("/import", methods=["POST"])
def import_settings():
    settings = yaml.load(request.data, Loader=yaml.Loader)
    session_state = pickle.loads(request.files["state"].read())
    return str((settings, session_state))
