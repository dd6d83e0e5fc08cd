from flask import Flask, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/note")
def note():
    text = escape(request.args.get("text", ""))
    # ok: python.taint.xss
    return Markup(f"<p>{text}</p>")
