from django.http import JsonResponse
from lxml import etree

QUERIES = {}


def product(request):
    opts = {"sku": request.GET.get("sku", ""), "path": "//product/price"}
    doc = etree.parse("/srv/data/catalog.xml")
    # ok: python.taint.xpath-injection
    prices = doc.xpath(opts["path"])
    return JsonResponse({"n": len(prices), "sku": opts["sku"]})
