import ldap
import ldap.filter

from flask import Flask, request

app = Flask(__name__)


@app.route("/people")
def people():
    uid = ldap.filter.escape_filter_chars(request.args.get("uid", ""))
    conn = ldap.initialize("ldap://directory.internal")
    # ok: python.taint.ldap-injection
    res = conn.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")
    return {"n": len(res)}
