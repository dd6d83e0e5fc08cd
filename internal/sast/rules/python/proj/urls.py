from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from . import views

urlpatterns = [
    path("", views.index),
    # ruleid: python.django.directory-listing
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT, "show_indexes": True}),
    # ruleid: python.django.directory-listing
    re_path(r"^backups/(?P<path>.*)$", serve, {'show_indexes': True, 'document_root': "/srv/backups"}),
    # ok: python.django.directory-listing
    re_path(r"^static/(?P<path>.*)$", serve, {"document_root": settings.STATIC_ROOT}),
    # ok: python.django.directory-listing
    re_path(r"^docs/(?P<path>.*)$", serve, {"document_root": "/srv/docs", "show_indexes": False}),
]
