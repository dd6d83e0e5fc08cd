import subprocess as sp
from subprocess import run as go

# ruleid: test.python-exec
sp.run(cmd, shell=True)
# ruleid: test.python-exec
go(
    cmd,
    check=True)
# ok: test.python-exec
sp.run('ls', "-l")
# ok: test.python-exec
go("""ls""")
# ok: test.python-exec
other.run(cmd)
