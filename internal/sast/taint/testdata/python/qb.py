def select(table, where="1=1", order="id"):
    return "SELECT * FROM " + table + " WHERE " + where + " ORDER BY " + order


def only_table(table, where="1=1"):
    return "SELECT * FROM " + table
