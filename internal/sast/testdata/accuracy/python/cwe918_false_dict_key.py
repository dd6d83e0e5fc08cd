import requests

from flask import Flask, request

app = Flask(__name__)


@app.route("/weather")
def weather():
    cfg = {"city": request.args.get("city", ""), "endpoint": "https://weather.example.org/v2"}
    # ok: python.taint.ssrf
    return requests.get(cfg["endpoint"], params={"city": cfg["city"]}, timeout=5).json()
