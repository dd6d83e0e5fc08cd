from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from .models import Order


def orders(request):
    status = request.GET.get("status", "open")
    sort = request.GET.get("sort", "id")
    # ruleid: python.taint.sql-injection
    qs = Order.objects.extra(where=["status = '%s'" % status])
    # ruleid: python.taint.sql-injection
    qs = qs.annotate(rank=RawSQL("SELECT rank FROM ranks WHERE col = " + sort, []))
    # ok: python.taint.sql-injection
    qs = Order.objects.extra(where=["status = %s"], params=[status])
    # ok: python.taint.sql-injection
    qs = qs.annotate(rank=RawSQL("SELECT rank FROM ranks WHERE col = %s", [sort]))
    return JsonResponse({"n": qs.count()})
