import os
import subprocess as sp
from subprocess import check_output
import subprocess


def run(user_cmd, path, request):
    # ruleid: python.lang.subprocess-non-constant-command
    subprocess.run(user_cmd, shell=True)
    # ruleid: python.lang.subprocess-non-constant-command
    sp.Popen(
        "tar xf " + path,
        shell=True,
    )
    # ruleid: python.lang.subprocess-non-constant-command
    check_output(request.args["cmd"])
    # ruleid: python.lang.subprocess-non-constant-command
    os.system("rm -rf " + path)
    # ok: python.lang.subprocess-non-constant-command
    subprocess.run(["ls", "-l", path], check=True)
    # ok: python.lang.subprocess-non-constant-command
    subprocess.check_call('git ' 'status')
    # ok: python.lang.subprocess-non-constant-command
    os.system("uptime")
    # ok: python.lang.subprocess-non-constant-command
    subprocess.list2cmdline(user_cmd)
    args = ["git", "-C", path, "status"]
    # ok: python.lang.subprocess-non-constant-command
    subprocess.run(args, check=True)
    # ok: python.lang.subprocess-non-constant-command
    proc = sp.Popen(args, stdout=sp.PIPE)
    # ruleid: python.lang.subprocess-non-constant-command
    subprocess.getoutput("du -sh " + path)
    report = "df -h"
    # ok: python.lang.subprocess-non-constant-command
    subprocess.check_output(report, shell=True)


def calc(expr, request):
    # ruleid: python.lang.eval-non-literal
    value = eval(expr)
    # ruleid: python.lang.eval-non-literal
    exec(request.form["code"], {})
    # ok: python.lang.eval-non-literal
    eval("1 + 2")
    # ok: python.lang.eval-non-literal
    model.eval(expr)
    return value
