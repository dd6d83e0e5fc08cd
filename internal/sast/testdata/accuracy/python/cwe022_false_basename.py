import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    name = os.path.basename(request.args.get("file", ""))
    # ok: python.taint.path-traversal
    with open(os.path.join("/srv/reports", name)) as fh:
        return fh.read()
