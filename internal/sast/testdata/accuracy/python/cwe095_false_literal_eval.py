import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/parse")
def parse():
    text = request.args.get("v", "[]")
    # ok: python.taint.code-injection
    value = ast.literal_eval(text)
    return {"len": len(value)}
