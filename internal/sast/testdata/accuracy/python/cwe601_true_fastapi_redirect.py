from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/go")
def go(to: str):
    # ruleid: python.taint.open-redirect
    return RedirectResponse(to)
