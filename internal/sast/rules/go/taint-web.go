//go:build ignore

package fixtures

import (
	"database/sql"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/labstack/echo/v4"
)

var db *sql.DB

func search(w http.ResponseWriter, r *http.Request) {
	term := r.URL.Query().Get("q")
	// ruleid: go.taint.sql-injection
	// ruleid: go.sql.format-string-query
	db.Query("SELECT * FROM items WHERE name = '" + term + "'")
	// ruleid: go.taint.sql-injection
	db.ExecContext(r.Context(), selectFrom("orders", whereOwner(r.FormValue("owner"))))
	// ok: go.taint.sql-injection
	db.Query("SELECT * FROM items WHERE name = $1", term)
	limit, err := strconv.Atoi(r.FormValue("limit"))
	if err != nil {
		return
	}
	// ok: go.taint.sql-injection
	// ruleid: go.sql.format-string-query
	db.Query(fmt.Sprintf("SELECT * FROM items LIMIT %d", limit))
}

func ping(c *gin.Context) {
	host := c.Query("host")
	// ruleid: go.taint.command-injection
	// ruleid: go.lang.exec-shell-non-constant-script
	exec.Command("sh", "-c", "ping -c 1 "+host).Run()
	// ruleid: go.taint.command-injection
	// ruleid: go.lang.exec-non-constant-command
	exec.Command(c.Param("tool")).Run()
	// ok: go.taint.command-injection
	exec.Command("ping", "-c", "1", "localhost").Run()
	num := 106
	cmd := "uptime"
	if (7*42)-num > 200 {
		cmd = "ping " + host
	}
	// ok: go.taint.command-injection
	// ruleid: go.lang.exec-shell-non-constant-script
	exec.Command("sh", "-c", cmd).Run()
}

func render(c echo.Context) error {
	src := c.QueryParam("tpl")
	// ruleid: go.taint.code-injection
	t, _ := template.New("x").Parse(src)
	// ruleid: go.taint.code-injection
	t.Parse("{{define \"x\"}}" + c.FormValue("body") + "{{end}}")
	pages := map[string]string{"home": "<h1>{{.}}</h1>", "user": src}
	// ok: go.taint.code-injection
	t.Parse(pages["home"])
	// ok: go.taint.code-injection
	t.Parse("<p>{{.Name}}</p>")
	return t.Execute(c.Response(), src)
}

func download(w http.ResponseWriter, r *http.Request) {
	name := chi.URLParam(r, "name")
	// ruleid: go.taint.path-traversal
	data, _ := os.ReadFile(filepath.Join("/srv/files", name))
	// ruleid: go.taint.path-traversal
	http.ServeFile(w, r, "/srv/files/"+r.URL.Query().Get("f"))
	// ok: go.taint.path-traversal
	safe, _ := os.ReadFile(filepath.Join("/srv/files", filepath.Base(name)))
	// ok: go.taint.path-traversal
	fixed, _ := os.ReadFile("/srv/files/index.txt")
	fmt.Println(len(data), len(safe), len(fixed))
}

func hello(w http.ResponseWriter, r *http.Request) {
	who := r.FormValue("who")
	// ruleid: go.taint.xss
	fmt.Fprintf(w, "<h1>Hello %s</h1>", who)
	// ruleid: go.taint.xss
	w.Write([]byte(card(r.FormValue("title"))))
	// ok: go.taint.xss
	fmt.Fprintf(w, "<h1>Hello %s</h1>", html.EscapeString(who))
	// ok: go.taint.xss
	fmt.Fprintf(w, "<h1>%d visitors</h1>", len(who))
}

func proxy(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go.taint.ssrf
	resp, _ := http.Get(target)
	// ruleid: go.taint.ssrf
	req, _ := http.NewRequest("POST", "http://"+r.Header.Get("X-Backend")+"/hook", nil)
	backends := map[string]string{"status": "https://api.example.com/status", "user": target}
	// ok: go.taint.ssrf
	resp2, _ := http.Get(backends["status"])
	n, _ := strconv.Atoi(target)
	// ok: go.taint.ssrf
	resp3, _ := http.Get("https://api.example.com/items/" + strconv.Itoa(n))
	fmt.Println(resp, req, resp2, resp3)
}
