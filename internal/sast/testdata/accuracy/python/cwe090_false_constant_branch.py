import ldap

from flask import Flask, request

app = Flask(__name__)


@app.route("/admins")
def admins():
    who = request.args.get("who", "")
    flt = "(cn=admins)"
    if len("abc") > 5:
        flt = "(cn=" + who + ")"
    conn = ldap.initialize("ldap://directory.internal")
    # ok: python.taint.ldap-injection
    res = conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, flt)
    return {"n": len(res)}
