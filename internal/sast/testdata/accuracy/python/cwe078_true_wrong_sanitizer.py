import html
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/notify")
def notify():
    msg = html.escape(request.args.get("msg", ""))
    # ruleid: python.taint.command-injection
    os.system("logger " + msg)
    return "ok"
