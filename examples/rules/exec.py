import subprocess


def run(user_cmd):
    # ruleid: examples.python-exec
    subprocess.run(user_cmd)
    # ruleid: examples.python-exec
    subprocess.run(
        user_cmd,
        shell=True,
    )
    # ruleid: examples.python-exec
    subprocess.Popen(["sh", "-c", user_cmd])
    # ok: examples.python-exec
    subprocess.run("ls", check=True)
    # ok: examples.python-exec
    subprocess.Popen('ls')
    # ok: examples.python-exec
    subprocess.run("l" "s")
    # ok: examples.python-exec
    subprocess.check_output(user_cmd)
