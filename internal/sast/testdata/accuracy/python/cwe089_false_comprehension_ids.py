from django.db import connection
from django.http import JsonResponse


def bulk(request):
    ids = [int(x) for x in request.GET.getlist("id")]
    marks = ", ".join("%s" for _ in ids)
    with connection.cursor() as cursor:
        # ok: python.taint.sql-injection
        cursor.execute("SELECT name FROM items WHERE id IN (" + marks + ")", ids)
        rows = cursor.fetchall()
    return JsonResponse({"names": [r[0] for r in rows]})
