package web

import (
	"database/sql"
	"net/http"
	"strings"
)

const debug = false
const limit = 5

var db *sql.DB

func handler(w http.ResponseWriter, r *http.Request) {
	p := r.FormValue("p")
	bar := "x"
	if debug {
		bar = p
	}
	// ok: test.go.sqli
	db.Query("SELECT '" + bar + "'")
	if limit > 10 {
		bar = p
	}
	// ok: test.go.sqli
	db.Query("SELECT '" + bar + "'")
	m := map[string]string{}
	m["a"] = p
	delete(m, "a")
	// ok: test.go.sqli
	db.Query("SELECT '" + m["a"] + "'")
	// ruleid: test.go.sqli
	db.Query("SELECT '" + strings.ToLower(p) + "'")
	// ok: test.go.sqli
	db.Query("SELECT '" + strings.Repeat("x", len(p)) + "'")
	// ruleid: test.go.sqli
	db.Query("SELECT '" + strings.Join([]string{"a", p}, ",") + "'")
}
