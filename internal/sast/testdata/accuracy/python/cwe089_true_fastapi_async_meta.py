import sqlite3

from fastapi import FastAPI

app = FastAPI()


@app.get("/audit")
async def audit(user_agent: str = ""):
    conn = sqlite3.connect("a.db")
    sql = "INSERT INTO audit(agent) VALUES ('{}')".format(user_agent)
    # ruleid: python.taint.sql-injection
    conn.execute(sql)
    return {"ok": True}
