import json
import pickle

from flask import Flask, request

app = Flask(__name__)

LEGACY = False


@app.route("/state", methods=["POST"])
def state():
    data = request.get_data()
    if LEGACY:
        return {"keys": list(pickle.loads(data))}
    # ok: python.taint.unsafe-deserialization
    return {"keys": list(json.loads(data))}
