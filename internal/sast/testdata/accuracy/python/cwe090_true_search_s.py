import ldap

from flask import Flask, request

app = Flask(__name__)


@app.route("/people")
def people():
    uid = request.args.get("uid", "")
    conn = ldap.initialize("ldap://directory.internal")
    flt = "(&(objectClass=person)(uid=" + uid + "))"
    # ruleid: python.taint.ldap-injection
    res = conn.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, flt)
    return {"n": len(res)}
