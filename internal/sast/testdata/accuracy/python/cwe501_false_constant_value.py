from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"dev"


@app.route("/prefs", methods=["POST"])
def prefs():
    theme = request.form.get("theme", "light")
    chosen = "dark" if theme == "dark" else "light"
    # ok: python.taint.trust-boundary
    session["theme"] = "light"
    return {"theme": chosen}
