"""Text helpers."""
import html


def wrap(value):
    return "[" + value + "]"


def quoted(value):
    return "'{}'".format(value)


def safe_html(value):
    return html.escape(value)


def constant(_value):
    return "status"
