def handler(user, api_token, name):
    # ruleid: semantics.log-token-argument
    log(user, api_token)
    # ruleid: semantics.log-token-argument
    log(token)
    # ok: semantics.log-token-argument
    log(user, name)
    # ok: semantics.log-token-argument
    log()


def view(user, request):
    x = 1
    # ruleid: semantics.eval-in-view
    eval(x)


def other(a):
    # ok: semantics.eval-in-view
    eval(a)


with app.test_request_context():
    # ruleid: semantics.eval-in-view
    eval(b)

# ok: semantics.eval-in-view
eval(c)
