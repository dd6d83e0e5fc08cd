from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"dev"


@app.route("/prefs", methods=["POST"])
def prefs():
    role = request.form.get("role", "user")
    # ruleid: python.taint.trust-boundary
    session["role"] = role
    return "saved"
