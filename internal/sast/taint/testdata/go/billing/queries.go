package billing

import (
	"fmt"
	"strconv"
	"strings"
)

// InvoiceQuery builds the invoice listing for one customer.
func InvoiceQuery(customer string) string {
	where := customerClause(customer)
	return "SELECT id, total FROM invoices " + where + " ORDER BY issued DESC"
}

func customerClause(customer string) string {
	var b strings.Builder
	b.WriteString("WHERE customer = '")
	b.WriteString(strings.TrimSpace(customer))
	b.WriteString("'")
	return b.String()
}

// InvoiceByNumber takes the number as text but only ever uses it as one.
func InvoiceByNumber(number string) string {
	return fmt.Sprintf("SELECT id, total FROM invoices WHERE number = %d", asNumber(number))
}

func asNumber(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// Banner greets the customer in HTML.
func Banner(who string) string {
	return "<h1>Welcome " + who + "</h1>"
}
