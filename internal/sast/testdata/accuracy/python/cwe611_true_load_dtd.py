from django.http import JsonResponse
from lxml import etree


def upload(request):
    # ruleid: python.xml.external-entities
    parser = etree.XMLParser(load_dtd=True, no_network=False)
    root = etree.fromstring(request.body, parser)
    return JsonResponse({"children": len(root)})
