import sqlite3

from flask import Flask, request

app = Flask(__name__)


class Lookup:
    def __init__(self, column):
        self.column = column
        self.conn = sqlite3.connect("a.db")

    def rows(self):
        sql = "SELECT {} FROM items".format(self.column)
        # ruleid: python.taint.sql-injection
        return self.conn.execute(sql).fetchall()


@app.route("/items")
def items():
    return {"rows": Lookup(request.args["col"]).rows()}
