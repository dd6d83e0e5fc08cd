import os

from django.http import FileResponse, Http404

ALLOWED = {"report.pdf", "summary.pdf"}


def download(request):
    name = os.path.basename(request.GET.get("f", ""))
    if name not in ALLOWED:
        raise Http404()
    # ok: python.taint.path-traversal
    return FileResponse(open(os.path.join("/srv/pdf", name), "rb"))
