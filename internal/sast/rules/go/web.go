//go:build ignore

package fixtures

import (
	"html"
	"html/template"
	"net"
	"net/http"
	// ruleid: go.http.pprof-exposed
	_ "net/http/pprof"
	"os"
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gorilla/csrf"
	rscors "github.com/rs/cors"
)

func cookies(w http.ResponseWriter, id string) {
	// ruleid: go.http.cookie-missing-secure, go.http.cookie-missing-httponly
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id})
	// ruleid: go.http.cookie-missing-secure
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, HttpOnly: true})
	// ruleid: go.http.cookie-missing-httponly
	c0 := http.Cookie{Name: "sid", Value: id, Secure: true}
	http.SetCookie(w, &c0)
	// ok: go.http.cookie-missing-secure, go.http.cookie-missing-httponly
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	// ok: go.http.cookie-missing-secure, go.http.cookie-missing-httponly
	c := &http.Cookie{Name: "sid", Value: id}
	c.Secure = true
	c.HttpOnly = true
	http.SetCookie(w, c)
	// ok: go.http.cookie-missing-secure, go.http.cookie-missing-httponly
	http.SetCookie(w, &http.Cookie{Name: "sid", MaxAge: -1})
	// ruleid: go.http.cookie-samesite-none
	http.SetCookie(w, &http.Cookie{Name: "x", Secure: true, HttpOnly: true, SameSite: http.SameSiteNoneMode})
	// ruleid: go.http.cookie-samesite-none
	c.SameSite = http.SameSiteNoneMode
	// ok: go.http.cookie-samesite-none
	c.SameSite = http.SameSiteStrictMode
	// ok: go.http.cookie-samesite-none
	http.SetCookie(w, &http.Cookie{Name: "x", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func servers(mux *http.ServeMux) error {
	// ruleid: go.http.server-without-timeouts
	go http.ListenAndServe(":8080", mux)
	// ruleid: go.http.server-without-timeouts
	srv := &http.Server{Addr: ":8443", Handler: mux}
	// ok: go.http.server-without-timeouts
	good := &http.Server{Addr: ":8081", Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	// ok: go.http.server-without-timeouts
	good2 := &http.Server{Addr: ":8082", Handler: mux}
	good2.ReadHeaderTimeout = 5 * time.Second
	_, _ = srv, good
	return good2.ListenAndServe()
}

func files(mux *http.ServeMux) {
	// ruleid: go.http.filesystem-root
	mux.Handle("/", http.FileServer(http.Dir("/")))
	// ruleid: go.http.filesystem-root
	mux.Handle("/f/", http.FileServer(http.FS(os.DirFS("/"))))
	// ok: go.http.filesystem-root
	root := os.DirFS("/")
	_ = root
	// ok: go.http.filesystem-root
	mux.Handle("/static/", http.FileServer(http.Dir("./public")))
	// ok: go.http.filesystem-root
	mux.Handle("/assets/", http.FileServer(http.FS(os.DirFS("web/assets"))))
}

func listeners() {
	// ruleid: go.http.bind-all-interfaces
	l1, _ := net.Listen("tcp", "0.0.0.0:9000")
	// ruleid: go.http.bind-all-interfaces
	s := &http.Server{Addr: "0.0.0.0:8080", ReadHeaderTimeout: time.Second}
	// ok: go.http.bind-all-interfaces
	l2, _ := net.Listen("tcp", "127.0.0.1:9000")
	// ok: go.http.bind-all-interfaces
	l3, _ := net.Listen("tcp", os.Getenv("LISTEN_ADDR"))
	_, _, _, _ = l1, l2, l3, s
}

func corsSetup(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.http.cors-reflected-origin
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	// ruleid: go.http.cors-reflected-origin
	h := rscors.New(rscors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true})
	// ruleid: go.http.cors-reflected-origin
	g := cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true})
	// ok: go.http.cors-reflected-origin
	w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
	// ok: go.http.cors-reflected-origin
	h2 := rscors.New(rscors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true})
	// ok: go.http.cors-reflected-origin
	h3 := rscors.New(rscors.Options{AllowedOrigins: []string{"*"}})
	_, _, _, _ = h, g, h2, h3
}

func csrfSetup(key []byte, dev bool) {
	// ruleid: go.http.csrf-cookie-insecure
	p1 := csrf.Protect(key, csrf.Secure(false))
	// ruleid: go.http.csrf-cookie-insecure
	p2 := csrf.Protect(key, csrf.Path("/"), csrf.Secure(false))
	// ok: go.http.csrf-cookie-insecure
	p3 := csrf.Protect(key)
	// ok: go.http.csrf-cookie-insecure
	p4 := csrf.Protect(key, csrf.Secure(!dev))
	_, _, _, _ = p1, p2, p3, p4
}

type sanitizer interface{ Sanitize(string) string }

func views(comment, bio string, p sanitizer) map[string]any {
	return map[string]any{
		// ruleid: go.template.unescaped-content
		"Comment": template.HTML(comment),
		// ruleid: go.template.unescaped-content
		"Link": template.URL("javascript:" + bio),
		// ok: go.template.unescaped-content
		"Banner": template.HTML("<b>Welcome</b>"),
		// ok: go.template.unescaped-content
		"Bio": template.HTML(p.Sanitize(bio)),
		// ok: go.template.unescaped-content
		"Plain": template.HTML(html.EscapeString(bio)),
	}
}
