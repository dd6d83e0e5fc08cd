import html

from django.http import HttpResponse


def greet(request):
    name = html.escape(request.GET.get("name", "guest"))
    # ok: python.taint.xss
    return HttpResponse("<h1>Hello " + name + "</h1>")
