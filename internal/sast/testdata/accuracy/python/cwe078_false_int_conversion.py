import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/sleep")
def nap():
    seconds = int(request.args.get("s", "1"))
    # ok: python.taint.command-injection
    subprocess.run("sleep %d" % seconds, shell=True, check=False)
    return "ok"
