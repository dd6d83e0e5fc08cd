import urllib.request

from django.http import JsonResponse

from lib_net import status_url


def health(request):
    host = request.GET.get("host", "")
    # ruleid: python.taint.ssrf
    with urllib.request.urlopen(status_url(host), timeout=5) as resp:
        return JsonResponse({"status": resp.status})
