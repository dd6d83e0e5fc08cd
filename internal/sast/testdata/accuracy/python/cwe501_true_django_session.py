from django.http import JsonResponse


def remember(request):
    account = request.GET.get("account", "")
    # ruleid: python.taint.trust-boundary
    request.session["account"] = "acct-" + account
    return JsonResponse({"ok": True})
