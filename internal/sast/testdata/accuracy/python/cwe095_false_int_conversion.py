from flask import Flask, request

app = Flask(__name__)


@app.route("/double")
def double():
    n = int(request.args.get("n", "0"))
    # ok: python.taint.code-injection
    return {"result": eval(str(n) + " * 2")}
