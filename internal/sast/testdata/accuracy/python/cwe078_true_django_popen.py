import os

from django.http import JsonResponse


def lookup(request):
    domain = request.POST.get("domain", "")
    # ruleid: python.taint.command-injection
    out = os.popen(f"nslookup {domain}").read()
    return JsonResponse({"out": out})
