from django.http import HttpResponse


def page(request):
    num = int(request.GET.get("page", "1"))
    # ok: python.taint.xss
    return HttpResponse("<p>Page %d</p>" % num)
