def filter_for(user):
    return "(&(objectClass=person)(uid=" + user + "))"


def user_path(name):
    return "//user[@name='%s']" % name


def normalise(s):
    return s.strip().lower()
