from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    page = request.args.get("page", "index")
    # ok: python.taint.open-redirect
    return redirect(url_for("index", page=page))
