from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    target = request.args.get("next", "/")
    # ruleid: python.taint.open-redirect
    return redirect(target)
