import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/batch")
def batch():
    cmd = "rm -f"
    for name in request.form.getlist("files"):
        cmd += " /tmp/uploads/" + name
    # ruleid: python.taint.command-injection
    os.system(cmd)
    return "ok"
