from flask import Blueprint
from flask_login import login_required

bp = Blueprint("shop", __name__)


@bp.route("/")
# ok: python.flask.route-missing-auth
def index():
    return "hi"


@bp.route("/orders")
@login_required
# ok: python.flask.route-missing-auth
def orders():
    return "[]"


@bp.route("/orders/<int:oid>", methods=["DELETE"])
# ruleid: python.flask.route-missing-auth
def delete_order(oid):
    return "", 204


@bp.route("/login", methods=["POST"])
# ok: python.flask.route-missing-auth
def login():
    return "ok"


@bp.route("/admin/users")
# ruleid: python.flask.route-missing-auth
def admin_users():
    return "[]"


@bp.route("/profile")
@login_required
# ok: python.flask.route-missing-auth
def profile():
    return "me"
