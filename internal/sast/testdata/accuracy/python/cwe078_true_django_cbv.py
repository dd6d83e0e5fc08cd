import subprocess

from django.http import HttpResponse
from django.views import View


class DigView(View):
    def get(self, request):
        name = request.GET.get("name", "example.org")
        # ruleid: python.taint.command-injection
        out = subprocess.check_output("dig +short " + name, shell=True)
        return HttpResponse(out, content_type="text/plain")
