package store

import "database/sql"

func BuildQuery(name string) string {
	return addOrder("SELECT * FROM users WHERE name = '" + name + "'")
}

func addOrder(q string) string {
	out := q + " ORDER BY id"
	return out
}

func Wrap(s string) string {
	return "nslookup " + s
}

func Run(db *sql.DB, id string) {
	q := "SELECT * FROM t WHERE id = " + id
	// ruleid: test.go.sqli
	db.Query(q)
}

type Service struct{ table string }

func (s *Service) Lookup(id string) string {
	return "SELECT * FROM " + s.table + " WHERE id = '" + id + "'"
}

func (s *Service) Fixed(id string) string {
	if len(id) > 3 {
		return "SELECT 1"
	}
	return "SELECT 2"
}

type Finder struct {
	table string
	where string
}

func (f *Finder) SetWhere(w string) { f.where = w }

func (f *Finder) Table() string { return "SELECT * FROM " + f.table }

func (f *Finder) Query() string { return "SELECT * FROM " + f.table + " WHERE " + f.where }
