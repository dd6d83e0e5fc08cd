from flask import Flask, abort, request

app = Flask(__name__)

FILES = {"terms": "/srv/static/terms.txt", "privacy": "/srv/static/privacy.txt"}


@app.route("/doc")
def doc():
    key = request.args.get("doc", "terms")
    if key not in FILES:
        abort(404)
    path = FILES["terms"] if key == "terms" else FILES["privacy"]
    # ok: python.taint.path-traversal
    with open(path) as fh:
        return fh.read()
