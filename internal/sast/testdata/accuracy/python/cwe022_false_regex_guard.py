import re

from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/avatar")
def avatar():
    user = request.args.get("user", "")
    if not re.fullmatch(r"[a-z0-9]{3,16}", user):
        abort(400)
    # ok: python.taint.path-traversal
    with open("/srv/avatars/" + user + ".png", "rb") as fh:
        return fh.read()
