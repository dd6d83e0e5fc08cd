from flask import Flask, make_response, request

import lib_text as tx

app = Flask(__name__)


@app.route("/hello")
def hello():
    who = tx.safe_html(request.args.get("who", ""))
    # ok: python.taint.xss
    return make_response("<p>Hi " + who + "</p>")
