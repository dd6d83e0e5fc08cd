from django.http import HttpResponse


def greet(request):
    name = request.GET.get("name", "guest")
    # ruleid: python.taint.xss
    return HttpResponse("<h1>Hello " + name + "</h1>")
