from django.http import JsonResponse


def remember(request):
    values = {"raw": request.GET.get("account", ""), "fixed": "guest"}
    # ok: python.taint.trust-boundary
    request.session["account"] = values["fixed"]
    return JsonResponse({"ok": True})
