from django.db import connection
from django.http import JsonResponse


def track(request):
    ref = request.META.get("HTTP_REFERER", "")
    parts = ["INSERT INTO visits(ref) VALUES ('", ref, "')"]
    with connection.cursor() as cursor:
        # ruleid: python.taint.sql-injection
        cursor.execute("".join(parts))
    return JsonResponse({"ok": True})
