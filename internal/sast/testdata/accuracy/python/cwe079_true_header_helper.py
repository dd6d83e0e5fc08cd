from flask import Flask, Response, request

from lib_text import quoted

app = Flask(__name__)


@app.route("/agent")
def agent():
    ua = quoted(request.headers.get("User-Agent", ""))
    # ruleid: python.taint.xss
    return Response("<p>Your agent: " + ua + "</p>", mimetype="text/html")
