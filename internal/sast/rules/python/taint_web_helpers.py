import sqlite3


def cursor():
    return sqlite3.connect("app.db").cursor()


def where_owner(owner):
    return "owner = '" + owner.strip() + "'"


def select(table, where):
    parts = ["SELECT * FROM", table, "WHERE", where]
    return " ".join(parts)


def card(title):
    return "<div class='card'>{}</div>".format(title)
