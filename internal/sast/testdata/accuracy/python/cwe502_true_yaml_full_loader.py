import yaml

from django.http import JsonResponse


def import_config(request):
    text = request.POST.get("config", "")
    # ruleid: python.taint.unsafe-deserialization
    cfg = yaml.load(text, Loader=yaml.FullLoader)
    return JsonResponse({"keys": list(cfg)})
