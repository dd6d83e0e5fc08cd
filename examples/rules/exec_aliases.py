import subprocess as sp
from subprocess import run as r
from subprocess import Popen


def run(user_cmd, runner):
    # ruleid: examples.python-exec
    sp.run(user_cmd)
    # ruleid: examples.python-exec
    r(
        user_cmd,
        check=True)
    # ruleid: examples.python-exec
    Popen(user_cmd)
    # ok: examples.python-exec
    sp.run("ls")
    # ok: examples.python-exec
    r('ls', "-la")
    # ok: examples.python-exec
    runner.run(user_cmd)
