from django.http import JsonResponse
from lxml import etree


def product(request):
    sku = request.GET.get("sku", "")
    doc = etree.parse("/srv/data/catalog.xml")
    query = "//product[sku='" + sku + "']/price"
    # ruleid: python.taint.xpath-injection
    prices = doc.xpath(query)
    return JsonResponse({"n": len(prices)})
