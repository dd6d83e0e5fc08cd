//go:build ignore

package fixtures

import (
	"net/http"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

type User struct {
	ID   int
	Name string
}

func listUsers(w http.ResponseWriter, r *http.Request, db *gorm.DB, dbx *sqlx.DB) {
	name := r.URL.Query().Get("name")
	sort := r.URL.Query().Get("sort")
	var users []User
	// ruleid: go.taint.sql-injection
	db.Where("name = '" + name + "'").Find(&users)
	// ruleid: go.taint.sql-injection
	db.Model(&User{}).Order(sort).Find(&users)
	// ruleid: go.taint.sql-injection, go.sql.format-string-query
	dbx.Select(&users, "SELECT * FROM users WHERE name LIKE '%"+name+"%'")
	// ok: go.taint.sql-injection
	db.Where("name = ?", name).Find(&users)
	// ok: go.taint.sql-injection
	db.Where(&User{Name: name}).Find(&users)
	// ok: go.taint.sql-injection
	db.Where(map[string]interface{}{"name": name}).Find(&users)
	// ok: go.taint.sql-injection
	dbx.Select(&users, "SELECT * FROM users WHERE name = $1", name)
	columns := map[string]string{"name": "name ASC", "newest": "created_at DESC"}
	// ok: go.taint.sql-injection
	db.Order(columns["newest"]).Find(&users)
}
