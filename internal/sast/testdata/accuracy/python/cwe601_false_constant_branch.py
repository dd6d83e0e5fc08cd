from django.http import HttpResponseRedirect


def logout(request):
    back = request.GET.get("return_to", "/")
    dest = "/goodbye"
    allow_external = False
    if allow_external:
        dest = back
    # ok: python.taint.open-redirect
    return HttpResponseRedirect(dest)
