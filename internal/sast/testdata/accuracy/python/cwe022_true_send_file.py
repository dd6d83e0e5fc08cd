from flask import Flask, request, send_file

from lib_text import wrap

app = Flask(__name__)


@app.route("/download")
def download():
    target = "/srv/files/" + wrap(request.args["f"]).strip("[]")
    # ruleid: python.taint.path-traversal
    return send_file(target)
