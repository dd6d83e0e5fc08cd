from flask import Flask, request
from lxml import etree

from lib_text import quoted

app = Flask(__name__)


@app.route("/book")
def book():
    doc = etree.parse("/srv/data/books.xml")
    # ruleid: python.taint.xpath-injection
    hits = doc.xpath("//book[title=" + quoted(request.args.get("t", "")) + "]")
    return {"n": len(hits)}
