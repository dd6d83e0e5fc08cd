from django.http import JsonResponse


def formula(request):
    src = request.POST.get("src", "0")
    # ruleid: python.taint.code-injection
    code = compile(src, "<formula>", "eval")
    return JsonResponse({"names": list(code.co_names)})
