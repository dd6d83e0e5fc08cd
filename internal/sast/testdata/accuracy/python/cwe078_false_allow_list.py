import os

from flask import Flask, abort, request

app = Flask(__name__)

SERVICES = {"web": "nginx", "db": "postgresql"}


@app.route("/restart")
def restart():
    key = request.args.get("svc", "")
    unit = SERVICES.get("web")
    if key not in SERVICES:
        abort(400)
    # ok: python.taint.command-injection
    os.system("systemctl restart " + unit)
    return "ok"
