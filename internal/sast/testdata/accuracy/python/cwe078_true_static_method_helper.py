import os

from flask import Flask, request

from lib_shell import Commands

app = Flask(__name__)


@app.route("/tool")
def tool():
    cmd = Commands.tool("convert", request.values.get("file", ""))
    # ruleid: python.taint.command-injection
    os.system(cmd)
    return "ok"
