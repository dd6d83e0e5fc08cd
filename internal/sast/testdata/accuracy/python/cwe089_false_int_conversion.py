from django.db import connection
from django.http import JsonResponse


def invoice(request):
    invoice_id = int(request.GET["id"])
    with connection.cursor() as cursor:
        # ok: python.taint.sql-injection
        cursor.execute("SELECT total FROM invoices WHERE id = %d" % invoice_id)
        row = cursor.fetchone()
    return JsonResponse({"total": row[0]})
