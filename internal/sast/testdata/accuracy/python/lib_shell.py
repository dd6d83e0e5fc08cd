"""Shell helpers for the ops views."""
import shlex


def safe_arg(value):
    return shlex.quote(value)


def log_line(value):
    return "event=" + value


class Commands:
    PREFIX = "/usr/bin/"

    @staticmethod
    def tool(name, arg):
        return Commands.PREFIX + name + " " + arg
