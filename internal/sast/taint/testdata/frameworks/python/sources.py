from django.db import connection
from django.http import HttpResponse
from fastapi import FastAPI
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()


@app.route("/flask")
def flask_sources():
    cur = connection.cursor()
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE a = '%s'" % request.args.get("a"))
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE b = '" + request.form["b"] + "'")
    body = request.get_json()
    # ruleid: python.taint.sql-injection
    cur.execute(f"SELECT * FROM t WHERE c = '{body['c']}'")
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE d = '" + request.cookies.get("d") + "'")
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE e = '" + request.headers["X-E"] + "'")
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE a = %s", (request.args.get("a"),))
    return "ok"


@app.route("/user/<name>")
def flask_path(name):
    cur = connection.cursor()
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM users WHERE name = %s", [name])


def django_view(request):
    cur = connection.cursor()
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE a = '" + request.GET.get("a", "") + "'")
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE b = '" + request.POST["b"] + "'")
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE c = '" + request.COOKIES["c"] + "'")
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM t WHERE d = '" + request.META["HTTP_X_D"] + "'")
    page = int(request.GET.get("page", "1"))
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM t LIMIT 20 OFFSET %d" % (page * 20))
    return HttpResponse("ok")


@api.get("/items/{item_id}")
def fastapi_item(item_id: str, q: str = ""):
    cur = connection.cursor()
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM items WHERE id = '" + item_id + "'")
    # ruleid: python.taint.sql-injection
    cur.execute(f"SELECT * FROM items WHERE name LIKE '%{q}%'")
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM items WHERE id = %s", (item_id,))


def not_a_view(name):
    cur = connection.cursor()
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
