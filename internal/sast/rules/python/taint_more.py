import json
import pickle

import ldap
import ldap.filter
import yaml
from django.http import HttpResponseRedirect
from flask import Flask, redirect, request, session, url_for
from lxml import etree

import taint_more_helpers as helpers

app = Flask(__name__)
conn = ldap.initialize("ldap://localhost")
doc = etree.parse("users.xml")


@app.route("/ldap")
def ldap_search():
    uid = request.args.get("uid")
    # ruleid: python.taint.ldap-injection
    conn.search_s("ou=people", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")
    # ruleid: python.taint.ldap-injection
    conn.search_s("ou=people", ldap.SCOPE_SUBTREE, helpers.filter_for(request.form["user"]))
    # ok: python.taint.ldap-injection
    conn.search_s("ou=people", ldap.SCOPE_SUBTREE, "(uid=%s)" % ldap.filter.escape_filter_chars(uid))
    # ok: python.taint.ldap-injection
    conn.search_s("ou=people", ldap.SCOPE_SUBTREE, "(objectClass=person)")
    return "ok"


@app.route("/xpath")
def xpath():
    name = request.args.get("name")
    # ruleid: python.taint.xpath-injection
    a = doc.xpath("//user[@name='" + name + "']")
    # ruleid: python.taint.xpath-injection
    b = doc.xpath(helpers.user_path(name))
    # ok: python.taint.xpath-injection
    c = doc.xpath("//user[@name = $name]", name=name)
    # ok: python.taint.xpath-injection
    d = doc.xpath("//user[@id = %d]" % int(name))
    return str([a, b, c, d])


@app.route("/go")
def go():
    nxt = request.args.get("next")
    if nxt.startswith("/"):
        # "//evil.example" starts with "/" too.
        # ruleid: python.taint.open-redirect
        return redirect(nxt)
    if nxt == "/account":
        # ok: python.taint.open-redirect
        return redirect(nxt)
    num = 106
    target = "/home"
    if (7 * 42) - num > 200:
        target = nxt
    if nxt == "y":
        # ok: python.taint.open-redirect
        return redirect(target)
    if nxt:
        # ok: python.taint.open-redirect
        return redirect(url_for("index"))
    # ruleid: python.taint.open-redirect
    return HttpResponseRedirect("https://" + request.headers["Host"] + "/x")


@app.route("/prefs", methods=["POST"])
def prefs():
    theme = request.form["theme"]
    # ruleid: python.taint.trust-boundary
    session["theme"] = theme
    # ruleid: python.taint.trust-boundary
    session["user"] = helpers.normalise(request.form["user"])
    # ok: python.taint.trust-boundary
    session["count"] = int(request.form["count"])
    # ok: python.taint.trust-boundary
    session["lang"] = "en"
    return "ok"


@app.route("/load", methods=["POST"])
def load():
    raw = request.get_data()
    # ruleid: python.taint.unsafe-deserialization
    # ruleid: python.deserialization.pickle
    obj = pickle.loads(raw)
    # ruleid: python.taint.unsafe-deserialization
    # ruleid: python.deserialization.yaml-load
    cfg = yaml.load(request.form["cfg"], Loader=yaml.Loader)
    # ok: python.taint.unsafe-deserialization
    safe = yaml.safe_load(request.form["cfg"])
    # ok: python.taint.unsafe-deserialization
    # ruleid: python.deserialization.pickle
    local = pickle.loads(open("/var/cache/app.pkl", "rb").read())
    return json.dumps([str(obj), str(cfg), str(safe), str(local)])


@app.get("/async-go")
async def async_go(to: str):
    # ruleid: python.taint.open-redirect
    return redirect(to)


@app.get("/async-home")
async def async_home(to: str):
    # ok: python.taint.open-redirect
    return redirect("/home")
