import os

from flask import Flask, request

app = Flask(__name__)

DEBUG_TOOLS = False


@app.route("/disk")
def disk():
    path = request.args.get("path", "/")
    target = "/var/data"
    if DEBUG_TOOLS:
        target = path
    # ok: python.taint.command-injection
    os.system("du -sh " + target)
    return "ok"
