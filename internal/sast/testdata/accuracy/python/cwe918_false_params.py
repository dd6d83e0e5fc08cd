import requests

from flask import Flask, request

app = Flask(__name__)

SEARCH_API = "https://search.example.org/v1/find"


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # ok: python.taint.ssrf
    resp = requests.get(SEARCH_API, params={"q": q}, timeout=5)
    return resp.json()
