import json
import logging

import flask
import jinja2
from bson import ObjectId
from flask import Flask, render_template, render_template_string, request
from pymongo import MongoClient

app = Flask(__name__)
log = logging.getLogger(__name__)
db = MongoClient()["shop"]
users = db.users
env = jinja2.Environment(autoescape=True)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: python.taint.template-injection
    page = render_template_string("<h1>Hello " + name + "</h1>")
    # ruleid: python.taint.template-injection
    tmpl = env.from_string(request.form["template"])
    # ok: python.taint.template-injection
    safe = render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    # ok: python.taint.template-injection
    other = render_template("hello.html", name=name)
    return page + tmpl.render() + safe + other


@app.post("/login")
def login():
    body = request.get_json()
    # ruleid: python.taint.nosql-injection
    user = users.find_one({"email": body["email"], "password": body["password"]})
    # ruleid: python.taint.nosql-injection
    orders = db.orders.find({"$where": "this.owner == '" + request.args["owner"] + "'"})
    # ok: python.taint.nosql-injection
    same = users.find_one({"email": str(body["email"])})
    # ok: python.taint.nosql-injection
    by_name = db.orders.find({"owner": request.args.get("owner", "")})
    # ok: python.taint.nosql-injection
    by_id = users.find_one({"_id": ObjectId(body["id"])})
    return flask.jsonify(user=bool(user), n=len(list(orders)), same=bool(same), by_name=len(list(by_name)), by_id=bool(by_id))


@app.route("/audit", methods=["POST"])
def audit():
    user = request.form.get("user", "")
    # ruleid: python.taint.log-injection
    log.info("login failed for %s", user)
    # ruleid: python.taint.log-injection
    logging.warning("bad token from " + request.headers.get("X-Client", ""))
    # ok: python.taint.log-injection
    log.info("login failed for %s", user.replace("\r", "\\r").replace("\n", "\\n"))
    # ok: python.taint.log-injection
    log.info("login failed for %s", json.dumps(user))
    # ok: python.taint.log-injection
    log.info("login failed (%d characters)", len(user))
    return "", 204
