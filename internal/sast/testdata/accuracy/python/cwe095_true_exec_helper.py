from django.http import HttpResponse

from lib_text import wrap


def hook(request):
    body = wrap(request.POST["code"])
    scope = {}
    # ruleid: python.taint.code-injection
    exec("result = " + body, scope)
    return HttpResponse(str(scope.get("result")))
