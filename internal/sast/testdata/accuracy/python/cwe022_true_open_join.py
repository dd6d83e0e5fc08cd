import os

from flask import Flask, request

app = Flask(__name__)

BASE = "/srv/reports"


@app.route("/report")
def report():
    name = request.args.get("file", "")
    path = os.path.join(BASE, name)
    # ruleid: python.taint.path-traversal
    with open(path) as fh:
        return fh.read()
