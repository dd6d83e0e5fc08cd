from django.http import HttpResponseRedirect


def logout(request):
    back = request.GET.get("return_to", "/")
    # ruleid: python.taint.open-redirect
    return HttpResponseRedirect(back)
