from fastapi import FastAPI

app = FastAPI()


@app.post("/rules")
def rule(condition: str):
    code = "lambda row: " + condition
    # ruleid: python.taint.code-injection
    fn = eval(code)
    return {"ok": callable(fn)}
