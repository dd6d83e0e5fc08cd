import requests

from fastapi import FastAPI

app = FastAPI()

MIRROR = "https://mirror.example.org/index.json"


@app.get("/mirror")
def mirror(source: str):
    url = MIRROR
    if 2 + 2 == 5:
        url = source
    # ok: python.taint.ssrf
    return requests.get(url, timeout=5).json()
