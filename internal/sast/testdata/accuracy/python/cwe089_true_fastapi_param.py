import sqlite3

from fastapi import FastAPI

app = FastAPI()


@app.get("/products")
def products(category: str):
    conn = sqlite3.connect("p.db")
    query = "SELECT name FROM products WHERE category = '%s'" % category
    # ruleid: python.taint.sql-injection
    rows = conn.execute(query).fetchall()
    return {"names": [r[0] for r in rows]}
