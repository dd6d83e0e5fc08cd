import logging
import os

import requests
from argon2 import PasswordHasher
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from loguru import logger

log = logging.getLogger(__name__)


def login(request, user, password, api_token, page_token):
    # ruleid: python.sensitive.secret-in-log
    log.info("login %s with %s", user.email, password)
    # ruleid: python.sensitive.secret-in-log
    logger.debug(f"calling upstream with token {api_token}")
    # ruleid: python.sensitive.secret-in-log
    logging.warning("form data: password=" + request.POST["password"])
    # ruleid: python.sensitive.secret-in-log
    print("db secret:", os.getenv("DB_PASSWORD"))
    # ruleid: python.sensitive.secret-in-log
    log.error("auth failed for %s", user.access_token)
    # ok: python.sensitive.secret-in-log
    log.info("password reset requested for %s", user.email)
    # ok: python.sensitive.secret-in-log
    log.info("login attempt for user %s (password given: %s)", user.id, bool(password))
    # ok: python.sensitive.secret-in-log
    log.debug("token has %d characters", len(api_token))
    # ok: python.sensitive.secret-in-log
    log.debug("next page: %s", page_token)
    password_policy, token_count = "strict", 3
    # ok: python.sensitive.secret-in-log
    log.info("policy %s, %d tokens issued", password_policy, token_count)
    # ok: python.sensitive.secret-in-log
    log.info("config loaded from %s", os.getenv("CONFIG_PATH"))
    # ok: python.sensitive.secret-in-log
    print(render(TEMPLATE, name=user.name, tokens=[t.kind for t in user.recent_tokens()]))
    # ok: python.sensitive.secret-in-log
    log.info("proxy %s", mask_credentials(os.getenv("HTTPS_PROXY")))
    # ok: python.sensitive.secret-in-log
    log.info("token expires at %s", user.access_token.expires_at)
    pwd = os.getcwd()
    # ok: python.sensitive.secret-in-log
    print("working directory:", pwd)
    # ok: python.sensitive.secret-in-log
    log.warning("passwords must be strings, got %s", type(password))


def tokenize(source):
    for token in source.split():
        # ok: python.sensitive.secret-in-log
        log.debug("lexer token %r", token)


def pay(order, card_number, iban, customer):
    # ruleid: python.sensitive.personal-data-in-log
    log.info("charging card %s for order %s", card_number, order.id)
    # ruleid: python.sensitive.personal-data-in-log
    logger.info(f"payout to {customer.iban}")
    # ruleid: python.sensitive.personal-data-in-log
    print("ssn on file:", customer.ssn)
    # ok: python.sensitive.personal-data-in-log
    log.info("charging card ending %s for order %s", card_number[-4:], order.id)
    # ok: python.sensitive.personal-data-in-log
    log.info("payout for customer %s", customer.id)
    time_span, company = "3d", "ACME"
    # ok: python.sensitive.personal-data-in-log
    log.info("%s over %s", company, time_span)


def call_api(base, token, password, email, card_number):
    # ruleid: python.sensitive.secret-in-url
    r = requests.get(base + "/v1/reports?format=csv&access_token=" + token, timeout=10)
    # ruleid: python.sensitive.secret-in-url
    r = requests.get(f"{base}/login?user={email}&password={password}", timeout=10)
    # ruleid: python.sensitive.secret-in-url
    url = "https://pay.example.com/check?card_number=%s" % card_number
    # ruleid: python.sensitive.secret-in-url
    url = "https://api.example.com/v2/me?api_key={}".format(token)
    # ok: python.sensitive.secret-in-url
    r = requests.get(f"{base}/v1/reports?format=csv", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    # ok: python.sensitive.secret-in-url
    r = requests.get(base + "/v1/items?page_token=" + token, timeout=10)
    # ok: python.sensitive.secret-in-url
    body = "grant_type=password&username=" + email
    # ok: python.sensitive.secret-in-url
    r = requests.post(f"{base}/login", data={"user": email, "password": password}, timeout=10)
    return r, url, body


def register(request, form, cur, email, password):
    # ruleid: python.sensitive.plaintext-password-storage
    User.objects.create(username=email, password=request.POST["password"])
    # ok: python.sensitive.plaintext-password-storage
    User.objects.create_user(username=email, password=request.POST["password"])
    # ok: python.sensitive.plaintext-password-storage
    User.objects.create(username=email, password=make_password(password))
    user = User.objects.get(email=email)
    # ruleid: python.sensitive.plaintext-password-storage
    user.password = form.cleaned_data["password"]
    user.save()
    # ruleid: python.sensitive.plaintext-password-storage
    cur.execute("INSERT INTO users (email, password) VALUES (%s, %s)", (email, password))
    # ok: python.sensitive.plaintext-password-storage
    cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, %s)", (email, PasswordHasher().hash(password)))
    # ok: python.sensitive.plaintext-password-storage
    cur.execute("UPDATE users SET last_login = now() WHERE email = %s", (email,))


def report(user, card_number, api_token):
    import sentry_sdk
    from segment import analytics
    # ruleid: python.sensitive.data-sent-to-third-party
    sentry_sdk.set_extra("upstream", api_token)
    # ruleid: python.sensitive.data-sent-to-third-party
    analytics.track(user.id, "checkout", {"card": card_number})
    # ruleid: python.sensitive.data-sent-to-third-party
    sentry_sdk.set_user({"id": user.id, "password": user.password})
    # ok: python.sensitive.data-sent-to-third-party
    sentry_sdk.set_user({"id": user.id})
    # ok: python.sensitive.data-sent-to-third-party
    analytics.track(user.id, "checkout", {"card_last4": card_number[-4:]})
    # ok: python.sensitive.data-sent-to-third-party
    sentry_sdk.set_tag("token_type", "bearer")
