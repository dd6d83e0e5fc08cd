import shlex

from django.http import HttpResponse


def echo(request):
    msg = shlex.quote(request.GET.get("msg", ""))
    # ruleid: python.taint.xss
    return HttpResponse("<pre>" + msg + "</pre>")
