from django.http import HttpResponse

SHOW_RAW = False


def preview(request):
    raw = request.POST.get("body", "")
    text = raw if SHOW_RAW else "preview disabled"
    # ok: python.taint.xss
    return HttpResponse("<div>" + text + "</div>")
