from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "1+1")
    # ruleid: python.taint.code-injection
    return {"result": eval(expr)}
