def labels():
    u = user_input()
    c = read_config()
    # ruleid: test.labels.run
    run(u)
    # ok: test.labels.run
    run(c)
    box = []
    copy_into(u, box)
    # ruleid: test.labels.run
    run(box)
    other = []
    copy_into(c, other)
    # ok: test.labels.run
    run(other)
    # ruleid: test.labels.both
    combine(u + c)
    # ok: test.labels.both
    combine(u)
    # ok: test.labels.both
    combine(c)
    # ruleid: test.labels.both
    combine(helper(u, c))


def helper(a, b):
    return a + ":" + b
