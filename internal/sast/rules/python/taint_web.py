import functools
import html
import os
import shlex
import subprocess
import urllib.request

import requests
from django.http import HttpResponse
from flask import Flask, request, send_file
from werkzeug.utils import secure_filename

import taint_web_helpers as helpers

app = Flask(__name__)


@app.route("/search")
def search():
    term = request.args.get("q")
    cur = helpers.cursor()
    # ruleid: python.taint.sql-injection
    # ok: python.sql.format-string-query -- the taint rule decides inside handlers
    cur.execute("SELECT * FROM items WHERE name = '" + term + "'")
    # ruleid: python.taint.sql-injection
    cur.execute(helpers.select("orders", helpers.where_owner(request.form["owner"])))
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM items WHERE name = %s", (term,))
    limit = int(request.args.get("limit", "10"))
    # ok: python.taint.sql-injection
    # ok: python.sql.format-string-query -- the taint rule decides inside handlers
    cur.execute("SELECT * FROM items LIMIT %d" % limit)
    return "ok"


@app.route("/user/<name>")
def user(name):
    cur = helpers.cursor()
    # ruleid: python.taint.sql-injection
    # ok: python.sql.format-string-query -- the taint rule decides inside handlers
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    return "ok"


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # ruleid: python.taint.command-injection
    # ok: python.lang.subprocess-non-constant-command -- the taint rule decides inside handlers
    os.system("ping -c 1 " + host)
    # ruleid: python.taint.command-injection
    # ok: python.lang.subprocess-non-constant-command -- the taint rule decides inside handlers
    subprocess.run("nslookup %s" % host, shell=True)
    # ok: python.taint.command-injection
    # ok: python.lang.subprocess-non-constant-command -- the taint rule decides inside handlers
    os.system("ping -c 1 " + shlex.quote(host))
    # ok: python.taint.command-injection
    subprocess.run(["ping", "-c", "1", host])
    return "ok"


@app.route("/calc")
def calc():
    expr = request.args.get("expr")
    # ruleid: python.taint.code-injection
    # ok: python.lang.eval-non-literal -- the taint rule decides inside handlers
    result = eval(expr)
    # ruleid: python.taint.code-injection
    # ok: python.lang.eval-non-literal -- the taint rule decides inside handlers
    exec("x = " + request.form.get("x"))
    n = int(expr)
    # ok: python.taint.code-injection
    # ok: python.lang.eval-non-literal -- the taint rule decides inside handlers
    eval("1 + %d" % n)
    opts = {"a": expr, "b": "2 + 2"}
    # ok: python.taint.code-injection
    # ok: python.lang.eval-non-literal -- the taint rule decides inside handlers
    eval(opts["b"])
    return str(result)


@app.route("/download")
def download():
    name = request.args.get("file")
    # ruleid: python.taint.path-traversal
    data = open("/srv/files/" + name).read()
    # ruleid: python.taint.path-traversal
    return send_file(os.path.join("/srv/files", name)) if data else "none"


@app.route("/download2")
def download2():
    name = request.args.get("file")
    # ok: python.taint.path-traversal
    data = open(os.path.join("/srv/files", secure_filename(name))).read()
    # ok: python.taint.path-traversal
    other = open("/srv/files/" + os.path.basename(name)).read()
    return data + other


def greet(request):
    who = request.GET.get("who", "")
    # ruleid: python.taint.xss
    resp = HttpResponse("<h1>Hello " + who + "</h1>")
    # ruleid: python.taint.xss
    resp = HttpResponse(helpers.card(request.POST["title"]))
    # ok: python.taint.xss
    resp = HttpResponse("<h1>Hello " + html.escape(who) + "</h1>")
    # ok: python.taint.xss
    resp = HttpResponse("<h1>Hello</h1>" if len(who) > 3 else "<h1>Hi</h1>")
    return resp


@app.route("/proxy")
def proxy():
    url = request.args.get("url")
    # ruleid: python.taint.ssrf
    r = requests.get(url, timeout=5)
    # ruleid: python.taint.ssrf
    r = requests.post("http://" + request.headers["X-Backend"] + "/hook", timeout=5)
    num = 106
    target = "https://api.example.com/status"
    if (7 * 42) - num > 200:
        target = url
    # ok: python.taint.ssrf
    r = requests.get(target, timeout=5)
    # ok: python.taint.ssrf
    r = requests.get("https://api.example.com/items/%d" % int(url), timeout=5)
    # ruleid: python.taint.ssrf
    urllib.request.urlopen("https://" + url + "/health", timeout=5)
    # ok: python.taint.ssrf
    urllib.request.urlopen("https://api.example.com/health", timeout=5)
    return r.text


@app.get("/items/{item_id}")
def read_item(item_id: str):
    cur = helpers.cursor()
    # ruleid: python.taint.sql-injection
    # ok: python.sql.format-string-query -- the taint rule decides inside handlers
    cur.execute("SELECT * FROM items WHERE id = '" + item_id + "'")
    return {"ok": True}


@functools.lru_cache(maxsize=32)
def cached_lookup(key):
    cur = helpers.cursor()
    # ok: python.taint.sql-injection
    # ruleid: python.sql.format-string-query
    cur.execute("SELECT * FROM config WHERE k = '" + key + "'")


@app.post("/async-items")
async def async_items(name: str):
    cur = helpers.cursor()
    # ruleid: python.taint.sql-injection
    cur.execute("SELECT * FROM items WHERE name = '%s'" % name)
    # ok: python.taint.sql-injection
    cur.execute("SELECT * FROM items WHERE name = %s", (name,))
