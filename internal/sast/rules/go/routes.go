//go:build ignore

package fixtures

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

func newMux(h *handlers) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", h.login)
	// ok: go.http.route-missing-auth
	mux.HandleFunc("/healthz", h.health)
	mux.Handle("/admin/users", requireAuth(http.HandlerFunc(h.listUsers)))
	mux.HandleFunc("POST /admin/users/{id}/role", requireAuth(h.setRole))
	// ruleid: go.http.route-missing-auth
	mux.HandleFunc("/admin/export", h.exportAll)
	// ruleid: go.http.route-missing-auth
	mux.HandleFunc("DELETE /admin/users/{id}", h.deleteUser)
	// ok: go.http.route-missing-auth
	mux.Handle("/admin/audit", requireAuth(http.HandlerFunc(h.audit)))
	// ok: go.http.route-missing-auth
	mux.HandleFunc("GET /static/", h.static)
	return mux
}

func newChiRouter(h *handlers) chi.Router {
	r := chi.NewRouter()
	r.Get("/", h.home)
	r.With(jwtAuth).Get("/orders", h.listOrders)
	r.With(jwtAuth).Post("/orders", h.createOrder)
	// ruleid: go.http.route-missing-auth
	r.Delete("/orders/{id}", h.deleteOrder)
	// ok: go.http.route-missing-auth
	r.With(jwtAuth).Put("/orders/{id}", h.updateOrder)
	return r
}

func newGinEngine(h *handlers) *gin.Engine {
	r := gin.New()
	r.POST("/login", h.ginLogin)
	r.GET("/profile", AuthRequired(), h.ginProfile)
	// ruleid: go.http.route-missing-auth
	r.POST("/profile/email", h.ginChangeEmail)
	// ok: go.http.route-missing-auth
	r.PUT("/profile/password", AuthRequired(), h.ginChangePassword)
	return r
}

func newProtectedGin(h *handlers) *gin.Engine {
	r := gin.New()
	r.Use(sessionAuth)
	r.GET("/dashboard", sessionAuth, h.ginDashboard)
	// ok: go.http.route-missing-auth
	r.GET("/reports", h.ginReports)
	return r
}

func newPublicMux(h *handlers) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir("public")))
	// ok: go.http.route-missing-auth
	mux.HandleFunc("/search", h.search)
	return mux
}
