package web

import (
	"database/sql"
	"fmt"
	"html"
	"io"
	"net/http"
	"strconv"
	"strings"

	"example.com/shop/billing"
)

type Invoices struct {
	db     *sql.DB
	table  string
	filter string
}

func (h *Invoices) list(w http.ResponseWriter, r *http.Request) {
	customer := r.FormValue("customer")
	q := billing.InvoiceQuery(customer)
	// ruleid: test.go.sqli
	h.db.Query(q)
}

func (h *Invoices) dead(w http.ResponseWriter, r *http.Request) {
	customer := r.FormValue("customer")
	who := "guest"
	limit := 90
	if (7*42)-limit > 300 {
		who = customer
	}
	// ok: test.go.sqli
	h.db.Query(billing.InvoiceQuery(who))
	const debug = false
	if debug {
		who = customer
	}
	// ok: test.go.sqli
	h.db.Query(billing.InvoiceQuery(who))
	switch mode := "b"; mode {
	case "a":
		who = customer
	}
	// ok: test.go.sqli
	h.db.Query(billing.InvoiceQuery(who))
}

func (h *Invoices) keys(w http.ResponseWriter, r *http.Request) {
	form := map[string]string{"customer": r.FormValue("customer"), "region": "emea"}
	form["status"] = "open"
	// ok: test.go.sqli
	h.db.Query(billing.InvoiceQuery(form["region"]))
	// ok: test.go.sqli
	h.db.Query(billing.InvoiceQuery(form["status"]))
	// ruleid: test.go.sqli
	h.db.Query(billing.InvoiceQuery(form["customer"]))
	ids := []string{"1", r.FormValue("id")}
	// ok: test.go.sqli
	h.db.Query(billing.InvoiceQuery(ids[0]))
	// ruleid: test.go.sqli
	h.db.Query(billing.InvoiceQuery(ids[1]))
}

func (h *Invoices) clean(w http.ResponseWriter, r *http.Request) {
	// ok: test.go.sqli
	h.db.Query(billing.InvoiceByNumber(r.FormValue("number")))
	customer := r.FormValue("customer")
	// The HTML escaper is the wrong sanitizer for SQL.
	// ruleid: test.go.sqli
	h.db.Query(billing.InvoiceQuery(html.EscapeString(customer)))
	// ok: test.go.xss
	io.WriteString(w, html.EscapeString(billing.Banner(customer)))
	// ruleid: test.go.xss
	io.WriteString(w, billing.Banner(customer))
	// ruleid: test.go.xss
	fmt.Fprintf(w, billing.Banner(customer))
	n, _ := strconv.Atoi(r.FormValue("n"))
	// ok: test.go.xss
	fmt.Fprintf(w, "<p>"+strconv.Itoa(n)+"</p>")
	ok, _ := strconv.ParseBool(r.FormValue("ok"))
	// ok: test.go.sqli
	h.db.Query("SELECT * FROM t WHERE ok = " + strconv.FormatBool(ok))
}

func (h *Invoices) params(w http.ResponseWriter, r *http.Request) {
	customer := r.FormValue("customer")
	// ok: test.go.sqli
	h.db.Query("SELECT id FROM invoices WHERE customer = $1", billing.InvoiceQuery(customer))
	// ok: test.go.sqli
	h.db.Exec("UPDATE invoices SET note = ? WHERE customer = ?", r.FormValue("note"), customer)
}

func (h *Invoices) fields(w http.ResponseWriter, r *http.Request) {
	h.filter = r.FormValue("filter")
	// ruleid: test.go.sqli
	h.db.Query("SELECT * FROM " + h.table + " WHERE " + h.filter)
	// ok: test.go.sqli
	h.db.Query("SELECT * FROM " + h.table)
}

func (h *Invoices) slices(w http.ResponseWriter, r *http.Request) {
	var xs []string
	xs = append(xs, r.FormValue("id"))
	xs = append(xs, "safe")
	xs = xs[1:]
	// ok: test.go.sqli
	h.db.Query(billing.InvoiceQuery(xs[0]))
	ys := []string{"safe", r.FormValue("id")}
	ys = ys[1:]
	// ruleid: test.go.sqli
	h.db.Query(billing.InvoiceQuery(ys[0]))
	zs := make([]string, 0, 4)
	zs = append(zs, "a", r.FormValue("z"))
	// ok: test.go.sqli
	h.db.Query("SELECT " + zs[0])
	// ruleid: test.go.sqli
	h.db.Query("SELECT " + zs[1])
	// ruleid: test.go.sqli
	h.db.Query("SELECT " + strings.Join(zs, ","))
}
