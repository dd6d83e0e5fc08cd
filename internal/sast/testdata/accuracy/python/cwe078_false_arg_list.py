import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    # ok: python.taint.command-injection
    proc = subprocess.run(["ping", "-c", "1", host], capture_output=True, check=False)
    return {"rc": proc.returncode}
