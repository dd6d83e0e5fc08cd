import os

from flask import Flask, request

import lib_shell as sh

app = Flask(__name__)


@app.route("/tool")
def tool():
    arg = sh.safe_arg(request.args.get("file", ""))
    # ok: python.taint.command-injection
    os.system("convert " + arg + " out.png")
    return "ok"
