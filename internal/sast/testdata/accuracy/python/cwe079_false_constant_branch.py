from django.http import HttpResponse


def banner(request):
    text = request.GET.get("banner", "")
    shown = "Welcome"
    if 3 > 10:
        shown = text
    # ok: python.taint.xss
    return HttpResponse("<div>" + shown + "</div>")
