from django.db import connection
from django.http import JsonResponse


def by_owner(request):
    params = request.GET.dict()
    sql = "SELECT id FROM docs WHERE owner = '{owner}'".format(owner=params.get("owner", ""))
    with connection.cursor() as cursor:
        # ruleid: python.taint.sql-injection
        cursor.execute(sql)
        return JsonResponse({"ids": [r[0] for r in cursor.fetchall()]})
