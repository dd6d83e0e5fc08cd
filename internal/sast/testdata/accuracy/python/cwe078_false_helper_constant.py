import os

from flask import Flask, request

from lib_text import constant

app = Flask(__name__)


@app.route("/svc")
def svc():
    unit = constant(request.args.get("unit", ""))
    # ok: python.taint.command-injection
    os.system("systemctl " + unit + " nginx")
    return "ok"
