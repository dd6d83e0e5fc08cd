import os
import socket

import jinja2
import requests
import uvicorn
from django import forms
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS
from markupsafe import Markup, escape
from rest_framework import serializers
from sqlalchemy import text

from .models import Profile

app = Flask(__name__)
api = FastAPI()


@csrf_exempt
# ruleid: python.django.csrf-exempt
def transfer(request):
    return HttpResponse("ok")


@csrf_exempt
# ruleid: python.django.csrf-exempt
def change_email(request):
    return HttpResponse("ok")


# ok: python.django.csrf-exempt
def profile(request):
    return HttpResponse("ok")


def healthz(request):
    # ok: python.django.csrf-exempt
    return HttpResponse("ok")


def cookies(resp, sid, debug_flag):
    # ruleid: python.web.cookie-missing-secure, python.web.cookie-missing-httponly
    resp.set_cookie("sid", sid)
    # ruleid: python.web.cookie-missing-secure
    resp.set_cookie("sid", sid, httponly=True, secure=False)
    # ruleid: python.web.cookie-missing-httponly
    resp.set_cookie("sid", sid, secure=True, samesite="Lax")
    # ok: python.web.cookie-missing-secure, python.web.cookie-missing-httponly
    resp.set_cookie("sid", sid, secure=True, httponly=True, samesite="Lax")
    # ok: python.web.cookie-missing-secure, python.web.cookie-missing-httponly
    resp.set_cookie("sid", sid, secure=not debug_flag, httponly=True)
    # ok: python.web.cookie-missing-secure, python.web.cookie-missing-httponly
    resp.delete_cookie("sid")


def start_flask():
    # ruleid: python.flask.debug-enabled
    app.run(debug=True)
    # ruleid: python.flask.debug-enabled
    app.config["DEBUG"] = True
    # ok: python.flask.debug-enabled
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    # ok: python.flask.debug-enabled
    app.run(host="127.0.0.1", port=5000)


# ruleid: python.web.cors-any-origin-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
# ruleid: python.web.cors-any-origin-with-credentials
CORS(app, supports_credentials=True)
# ok: python.web.cors-any-origin-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
# ok: python.web.cors-any-origin-with-credentials
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
# ok: python.web.cors-any-origin-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"])


def serve():
    # ruleid: python.web.bind-all-interfaces
    uvicorn.run(api, host="0.0.0.0", port=8000)
    s = socket.socket()
    # ruleid: python.web.bind-all-interfaces
    s.bind(("0.0.0.0", 9000))
    # ok: python.web.bind-all-interfaces
    uvicorn.run(api, host="127.0.0.1", port=8000)
    # ok: python.web.bind-all-interfaces
    s.bind(("127.0.0.1", 9000))


# ruleid: python.web.hardcoded-secret-key
app.secret_key = "dev-key-please-change"
# ruleid: python.web.hardcoded-secret-key
app.config["SECRET_KEY"] = "0c9d8f7e6a5b4c3d"
# ok: python.web.hardcoded-secret-key
app.secret_key = os.environ["FLASK_SECRET_KEY"]
# ok: python.web.hardcoded-secret-key
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")


def environments():
    # ruleid: python.jinja2.autoescape-disabled
    e1 = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))
    # ruleid: python.jinja2.autoescape-disabled
    e2 = jinja2.Environment(loader=jinja2.PackageLoader("app"), autoescape=False)
    # ok: python.jinja2.autoescape-disabled
    e3 = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=jinja2.select_autoescape(["html"]))
    # ok: python.jinja2.autoescape-disabled
    e4 = jinja2.Environment(autoescape=True)
    return e1, e2, e3, e4


def render_bio(user):
    # ruleid: python.web.unescaped-markup
    a = mark_safe(user.bio)
    # ruleid: python.web.unescaped-markup
    b = Markup("<b>%s</b>" % user.name)
    # ok: python.web.unescaped-markup
    c = mark_safe("<br>")
    # ok: python.web.unescaped-markup
    d = format_html("<b>{}</b>", user.name)
    # ok: python.web.unescaped-markup
    e = Markup(escape(user.name))
    # ok: python.web.unescaped-markup
    f = Markup(user.bio).striptags()
    return a, b, c, d, e, f


class Badge:
    def __init__(self, label):
        self.label = escape(label)

    def __html__(self):
        # ok: python.web.unescaped-markup
        return Markup(f'<span class="badge">{self.label}</span>')


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        # ruleid: python.django.modelform-all-fields
        fields = "__all__"


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        # ruleid: python.django.modelform-all-fields
        fields = '__all__'


class SafeProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        # ok: python.django.modelform-all-fields
        fields = ["display_name", "bio"]


class Export:
    # ok: python.django.modelform-all-fields
    fields = "__all__"


def calls(url):
    # ruleid: python.requests.no-timeout
    r1 = requests.get(url)
    # ruleid: python.requests.no-timeout
    r2 = requests.post(url, json={"a": 1})
    # ok: python.requests.no-timeout
    r3 = requests.get(url, timeout=10)
    # ok: python.requests.no-timeout
    r4 = requests.post(url, json={"a": 1}, timeout=(3, 30))
    return r1, r2, r3, r4


def queries(cursor, conn, email, uid):
    # ruleid: python.sql.format-string-query
    cursor.execute(f"SELECT id FROM users WHERE email = '{email}'")
    # ruleid: python.sql.format-string-query
    cursor.execute("DELETE FROM sessions WHERE user_id = %s" % uid)
    # ruleid: python.sql.format-string-query
    conn.execute(text("UPDATE users SET seen = 1 WHERE id = {}".format(uid)))
    # ok: python.sql.format-string-query
    cursor.execute("SELECT id FROM users WHERE email = %s", (email,))
    # ok: python.sql.format-string-query
    conn.execute(text("UPDATE users SET seen = 1 WHERE id = :id"), {"id": uid})
    # ok: python.sql.format-string-query
    cursor.execute(f"SET search_path TO {'app'}")


def client_side(jar, cookie, parser):
    # ok: python.web.cookie-missing-secure, python.web.cookie-missing-httponly
    jar.set_cookie(cookie)
    # ok: python.flask.debug-enabled
    parser.debug = True
