import subprocess

from flask import Flask, request

import lib_text as tx

app = Flask(__name__)


@app.route("/archive")
def archive():
    name = tx.wrap(request.form["name"])
    # ruleid: python.taint.command-injection
    subprocess.run("tar czf /tmp/out.tgz " + name, shell=True, check=False)
    return "done"
