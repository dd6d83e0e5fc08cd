import json

from django.http import JsonResponse
from flask import Flask, request, jsonify
from pydantic import BaseModel

from .models import Account, Order, Profile, db

app = Flask(__name__)


class AccountIn(BaseModel):
    name: str
    email: str


@app.post("/accounts")
def create_account():
    # ruleid: python.orm.mass-assignment
    account = Account(**request.json)
    db.session.add(account)
    db.session.commit()
    return jsonify(id=account.id)


@app.put("/accounts/<int:aid>")
def update_account(aid):
    account = Account.query.get_or_404(aid)
    data = request.get_json()
    # ruleid: python.orm.mass-assignment
    for key, value in data.items():
        setattr(account, key, value)
    db.session.commit()
    return jsonify(ok=True)


@app.patch("/accounts/<int:aid>")
def patch_account(aid):
    account = Account.query.get_or_404(aid)
    # ruleid: python.orm.mass-assignment
    account.__dict__.update(request.json)
    db.session.commit()
    return jsonify(ok=True)


@app.post("/accounts/safe")
def create_account_safe():
    data = request.get_json()
    # ok: python.orm.mass-assignment
    account = Account(name=data["name"], email=data["email"])
    db.session.add(account)
    db.session.commit()
    return jsonify(id=account.id)


@app.post("/accounts/validated")
def create_account_validated():
    # ok: python.orm.mass-assignment
    payload = AccountIn(**request.json)
    # ok: python.orm.mass-assignment
    account = Account(**payload.model_dump())
    db.session.add(account)
    return jsonify(id=account.id)


EDITABLE = ("display_name", "bio")


@app.put("/profile/<int:pid>")
def update_profile(pid):
    profile = Profile.query.get_or_404(pid)
    data = request.get_json()
    # ok: python.orm.mass-assignment
    for key, value in data.items():
        if key in EDITABLE:
            setattr(profile, key, value)
    db.session.commit()
    return jsonify(ok=True)


def django_create_order(request):
    # ruleid: python.orm.mass-assignment
    order = Order.objects.create(**request.POST.dict())
    return JsonResponse({"id": order.pk})


def django_update_order(request, pk):
    body = json.loads(request.body)
    # ruleid: python.orm.mass-assignment
    Order.objects.filter(pk=pk, owner=request.user).update(**body)
    return JsonResponse({"ok": True})


def django_create_order_safe(request):
    # ok: python.orm.mass-assignment
    order = Order.objects.create(note=request.POST["note"], owner=request.user)
    return JsonResponse({"id": order.pk})


async def starlette_create(request):
    # ruleid: python.orm.mass-assignment
    await Account.create(**(await request.json()))
    return JsonResponse({})


def render_filters(request):
    context = {"title": "Orders"}
    # ok: python.orm.mass-assignment
    context.update(**request.POST.dict())
    return context


def django_upsert_profile(request):
    # ruleid: python.orm.mass-assignment
    Profile.objects.update_or_create(user=request.user, defaults=request.POST.dict())
    return JsonResponse({"ok": True})


@app.put("/orders/<int:oid>")
def replace_order(oid):
    order = Order.query.get_or_404(oid)
    form = request.form
    # ruleid: python.orm.mass-assignment
    for field in form:
        setattr(order, field, form[field])
    db.session.commit()
    return jsonify(ok=True)
