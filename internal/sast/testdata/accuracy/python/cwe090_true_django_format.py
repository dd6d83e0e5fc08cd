import ldap

from django.http import JsonResponse


def group_members(request):
    group = request.GET["group"]
    conn = ldap.initialize("ldap://directory.internal")
    # ruleid: python.taint.ldap-injection
    res = conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(cn={})".format(group))
    return JsonResponse({"n": len(res)})
