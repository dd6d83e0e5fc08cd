import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/thumb")
def thumb():
    name = os.path.basename(request.args.get("img", ""))
    # ruleid: python.taint.command-injection
    os.system("convert /srv/img/" + name + " -resize 64x64 /tmp/thumb.png")
    return "ok"
