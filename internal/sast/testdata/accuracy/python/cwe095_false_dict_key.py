from flask import Flask, request

app = Flask(__name__)

FORMULAS = {"double": "x * 2", "square": "x * x"}


@app.route("/apply")
def apply():
    params = {"name": request.args.get("name", ""), "formula": FORMULAS["double"]}
    x = 3
    # ok: python.taint.code-injection
    return {"result": eval(params["formula"], {"x": x})}
