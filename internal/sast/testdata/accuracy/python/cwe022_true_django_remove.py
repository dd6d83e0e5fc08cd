import os

from django.http import JsonResponse


def delete_upload(request):
    name = request.POST.get("name", "")
    # ruleid: python.taint.path-traversal
    os.remove("/var/uploads/{}".format(name))
    return JsonResponse({"deleted": name})
