from defusedxml import ElementTree
from django.http import JsonResponse


def upload(request):
    # ok: python.xml.external-entities
    root = ElementTree.fromstring(request.body)
    return JsonResponse({"children": len(root)})
