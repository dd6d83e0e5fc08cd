from flask import Flask, redirect, request

app = Flask(__name__)

TARGETS = {"home": "/", "docs": "/docs", "blog": "/blog"}


@app.route("/jump")
def jump():
    key = request.args.get("to", "home")
    dest = TARGETS.get(key, "/")
    # ok: python.taint.open-redirect
    return redirect(dest)
