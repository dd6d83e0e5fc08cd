from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


@app.get("/logs/{name}")
def read_log(name: str):
    # ruleid: python.taint.path-traversal
    return {"text": Path("/var/log/app/" + name).read_text()}
