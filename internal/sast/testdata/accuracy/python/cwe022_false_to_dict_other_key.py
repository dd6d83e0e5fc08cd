from flask import Flask, request

app = Flask(__name__)


@app.route("/theme")
def theme():
    args = request.args.to_dict()
    args["file"] = "default.css"
    # ok: python.taint.path-traversal
    with open("/srv/themes/" + args["file"], encoding="utf-8") as fh:
        return fh.read()
