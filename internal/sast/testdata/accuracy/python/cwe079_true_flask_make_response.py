from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    who = request.cookies.get("who", "")
    body = f"<p>Welcome back, {who}</p>"
    # ruleid: python.taint.xss
    return make_response(body, 200)
