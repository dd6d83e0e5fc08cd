import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/prices")
def prices():
    ceiling = float(request.args.get("max", "10"))
    active = bool(request.args.get("active"))
    cur = sqlite3.connect("p.db").cursor()
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM items WHERE price < %f AND active = %d" % (ceiling, active))
    return {"rows": cur.fetchall()}
