from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["doc"]
    name = secure_filename(f.filename)
    # ok: python.taint.path-traversal
    with open("/srv/uploads/" + name, "wb") as out:
        out.write(f.read())
    return "stored"
