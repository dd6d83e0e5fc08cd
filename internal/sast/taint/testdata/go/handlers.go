package web

import (
	"database/sql"
	"fmt"
	"net/http"
	"os/exec"
	"strconv"
	"strings"

	"example.com/app/store"
)

type Server struct {
	db    *sql.DB
	table string
}

func (s *Server) crossFile(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	q := store.BuildQuery(name)
	// ruleid: test.go.sqli
	s.db.Query(q)
}

func (s *Server) helperSink(w http.ResponseWriter, r *http.Request) {
	store.Run(s.db, r.URL.Query().Get("id"))
}

func (s *Server) deadBranch(w http.ResponseWriter, r *http.Request) {
	param := r.FormValue("name")
	num := 86
	bar := "safe"
	if (7*42)-num > 200 {
		bar = "constant"
	} else {
		bar = param
	}
	// ok: test.go.sqli
	s.db.Query("SELECT * FROM t WHERE n = '" + bar + "'")
	switch num {
	case 1:
		bar = param
	default:
		bar = "fixed"
	}
	// ok: test.go.sqli
	s.db.Query("SELECT * FROM t WHERE n = '" + bar + "'")
	if num < 200 {
		bar = param
	}
	// ruleid: test.go.sqli
	s.db.Query(fmt.Sprintf("SELECT * FROM t WHERE n = '%s'", bar))
}

func (s *Server) maps(w http.ResponseWriter, r *http.Request) {
	m := map[string]string{"a": r.FormValue("a"), "b": "safe"}
	m["c"] = "fine"
	// ok: test.go.sqli
	s.db.Exec("DELETE FROM t WHERE n = '" + m["b"] + "'")
	// ok: test.go.sqli
	s.db.Exec("DELETE FROM t WHERE n = '" + m["c"] + "'")
	// ruleid: test.go.sqli
	s.db.Exec("DELETE FROM t WHERE n = '" + m["a"] + "'")
}

func (s *Server) params(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	// ok: test.go.sqli
	s.db.Query("SELECT * FROM users WHERE id = $1", id)
	n, _ := strconv.Atoi(r.FormValue("n"))
	// ok: test.go.sqli
	s.db.Query("SELECT * FROM t LIMIT " + strconv.Itoa(n))
	var b strings.Builder
	b.WriteString("SELECT * FROM t WHERE a = '")
	b.WriteString(id)
	// ruleid: test.go.sqli
	s.db.Query(b.String())
	// ok: test.go.sqli
	s.db.Query("SELECT * FROM " + s.table)
}

func (s *Server) commands(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("host")
	// ruleid: test.go.cmdi
	exec.Command("sh", "-c", "ping "+host).Run()
	port, err := strconv.Atoi(r.FormValue("port"))
	if err != nil {
		return
	}
	// ok: test.go.cmdi
	exec.Command("sh", "-c", fmt.Sprintf("nc -z localhost %d", port)).Run()
	// ok: test.go.cmdi
	exec.Command("sh", "-c", "ping localhost").Run()
	cmd := store.Wrap(host)
	// ruleid: test.go.cmdi
	exec.Command("sh", "-c", cmd).Run()
}

func (s *Server) service(w http.ResponseWriter, r *http.Request, svc *store.Service) {
	// ruleid: test.go.sqli
	s.db.Query(svc.Lookup(r.FormValue("id")))
	// ok: test.go.sqli
	s.db.Query(svc.Fixed(r.FormValue("id")))
}

var validName = regexp.MustCompile(`^[a-z0-9_]+$`)

func (s *Server) guards(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if validName.MatchString(name) {
		// ok: test.go.sqli
		s.db.Query("SELECT * FROM t WHERE n = '" + name + "'")
	} else {
		// ruleid: test.go.sqli
		s.db.Query("SELECT * FROM t WHERE n = '" + name + "'")
	}
	other := r.FormValue("other")
	if !validName.MatchString(other) {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
	// ok: test.go.sqli
	s.db.Query("SELECT * FROM t WHERE n = '" + other + "'")
}

func (s *Server) finder(w http.ResponseWriter, r *http.Request) {
	f := &store.Finder{}
	f.SetWhere(r.FormValue("where"))
	// ruleid: test.go.sqli
	s.db.Query(f.Query())
	// ok: test.go.sqli
	s.db.Query(f.Table())
}
