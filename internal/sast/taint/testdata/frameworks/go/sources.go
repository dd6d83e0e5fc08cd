package sources

import (
	"database/sql"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

var db *sql.DB

func netHTTP(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE a = '" + r.URL.Query().Get("a") + "'")
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE b = '" + r.FormValue("b") + "'")
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE c = '" + r.Header.Get("X-C") + "'")
	if c, err := r.Cookie("d"); err == nil {
		// ruleid: go.taint.sql-injection
		db.Query("SELECT * FROM t WHERE d = '" + c.Value + "'")
	}
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE id = '" + r.PathValue("id") + "'")
	// ok: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE a = $1", r.URL.Query().Get("a"))
	n, _ := strconv.Atoi(r.FormValue("n"))
	// ok: go.taint.sql-injection
	db.Query("SELECT * FROM t LIMIT " + strconv.Itoa(n))
}

func ginHandler(c *gin.Context) {
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE a = '" + c.Query("a") + "'")
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE id = '" + c.Param("id") + "'")
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE b = '" + c.PostForm("b") + "'")
	// ok: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE id = ?", c.Param("id"))
}

func echoHandler(c echo.Context) error {
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE a = '" + c.QueryParam("a") + "'")
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE id = '" + c.Param("id") + "'")
	// ok: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE id = ?", c.Param("id"))
	return nil
}

func chiHandler(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE slug = '" + chi.URLParam(r, "slug") + "'")
	vars := mux.Vars(r)
	// ruleid: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE id = '" + vars["id"] + "'")
	// ok: go.taint.sql-injection
	db.Query("SELECT * FROM t WHERE slug = $1", chi.URLParam(r, "slug"))
}
