"""Query helpers shared by the report views."""

TABLE = "orders"


def where_customer(name):
    return "SELECT id, total FROM " + TABLE + " WHERE customer = '" + name + "'"


def fixed_query(_name):
    return "SELECT id, total FROM " + TABLE + " WHERE customer = %s"


def run(cursor, sql):
    cursor.execute(sql)
    return cursor.fetchall()
