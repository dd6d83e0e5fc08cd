from django.db import connection
from django.http import JsonResponse


def search(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cursor:
        # ruleid: python.taint.sql-injection
        cursor.execute(f"SELECT id FROM articles WHERE title LIKE '%{term}%'")
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})
