from flask import Flask, request, session

from lib_text import wrap

app = Flask(__name__)
app.secret_key = b"dev"


@app.route("/cart", methods=["POST"])
def cart():
    # ruleid: python.taint.trust-boundary
    session["cart"] = wrap(request.form["items"])
    return "ok"
