import yaml

from django.http import JsonResponse


def import_config(request):
    text = request.POST.get("config", "")
    # ok: python.taint.unsafe-deserialization
    cfg = yaml.safe_load(text)
    return JsonResponse({"keys": list(cfg)})
