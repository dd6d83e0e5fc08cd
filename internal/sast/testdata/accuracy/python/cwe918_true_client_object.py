import requests

from flask import Flask, request

import lib_net as net

app = Flask(__name__)


class Backend:
    scheme = "https"

    def __init__(self, host):
        self.host = host

    def url(self, path):
        return net.status_url(self.host) + path


@app.route("/probe")
def probe():
    backend = Backend(request.headers.get("X-Backend", "localhost"))
    # ruleid: python.taint.ssrf
    return requests.get(backend.url("/ping"), timeout=5).text
