from flask import Flask, request

app = Flask(__name__)


@app.route("/read")
def read():
    if (name := request.args.get("name")) is None:
        return "missing", 400
    # ruleid: python.taint.path-traversal
    with open("/srv/notes/" + name, encoding="utf-8") as fh:
        return fh.read()
