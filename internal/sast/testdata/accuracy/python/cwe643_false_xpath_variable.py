from flask import Flask, request
from lxml import etree

app = Flask(__name__)

TREE = etree.parse("/srv/data/users.xml")


@app.route("/user")
def user():
    name = request.args.get("name", "")
    # ok: python.taint.xpath-injection
    nodes = TREE.xpath("//user[@name=$n]/email/text()", n=name)
    return {"emails": [str(n) for n in nodes]}
