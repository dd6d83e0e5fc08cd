from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["doc"]
    # ruleid: python.taint.xss
    return make_response("<p>Stored " + f.filename + "</p>")
