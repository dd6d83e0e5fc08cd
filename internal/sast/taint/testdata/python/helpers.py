def build_query(name):
    return add_order("SELECT * FROM users WHERE name = '" + name + "'")


def add_order(q):
    out = q + " ORDER BY id"
    return out


def make_command(host):
    return "nslookup {}".format(host)


def run_query(cur, ident):
    sql = "SELECT * FROM t WHERE id = " + ident
    # ruleid: test.python.sqli
    cur.execute(sql)
