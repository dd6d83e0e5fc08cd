from django.http import HttpResponse


def card(request):
    ctx = {"name": request.GET.get("name", "")}
    # ruleid: python.taint.xss
    return HttpResponse("<div class='card'>%(name)s</div>" % ctx)
