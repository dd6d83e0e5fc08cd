import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    # ruleid: python.taint.command-injection
    rc = os.system("ping -c 1 " + host)
    return {"rc": rc}
