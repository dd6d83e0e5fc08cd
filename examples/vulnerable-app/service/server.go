package main

import (
	"crypto/md5"
	"database/sql"
	"encoding/hex"
	"net/http"
	"os/exec"
)

var db *sql.DB

func convert(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	// The whole command line comes from the request.
	out, err := exec.Command("sh", "-c", "convert input.png "+format).Output()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(out)
}

func account(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	rows, err := db.Query("SELECT balance FROM accounts WHERE id = '" + id + "'")
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}

func tokenFor(user string) string {
	sum := md5.Sum([]byte(user))
	return hex.EncodeToString(sum[:])
}

func main() {
	http.HandleFunc("/convert", convert)
	http.HandleFunc("/account", account)
	http.ListenAndServe(":8080", nil)
}
