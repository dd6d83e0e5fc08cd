"""Query builders for the reports views."""


def invoice_query(customer):
    clause = _customer_clause(customer)
    return "SELECT id, total FROM invoices " + clause + " ORDER BY issued DESC"


def _customer_clause(customer):
    cleaned = customer.strip().lower()
    return f"WHERE customer = '{cleaned}'"


def invoice_by_number(number):
    return "SELECT id, total FROM invoices WHERE number = %d" % _as_number(number)


def _as_number(value):
    return int(value)
