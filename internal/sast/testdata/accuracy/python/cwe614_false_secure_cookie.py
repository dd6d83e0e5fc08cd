from flask import Flask, make_response

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    # ok: python.web.cookie-missing-secure
    resp.set_cookie("sid", "abc123", secure=True, httponly=True, samesite="Lax")
    return resp
