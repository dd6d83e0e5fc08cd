import subprocess

from flask import Flask, request

app = Flask(__name__)

build = lambda target: "make " + target


@app.route("/build")
def run_build():
    cmd = build(request.args["target"])
    # ruleid: python.taint.command-injection
    return subprocess.getoutput(cmd)
