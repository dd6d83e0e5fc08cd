//go:build ignore

package fixtures

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Test code may relax TLS and skip timeouts on purpose: the rules that
// only matter for deployed servers exclude *_test.go.
func TestClient(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	// ok: go.tls.insecure-skip-verify
	cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}
	// ok: go.http.server-without-timeouts
	s := &http.Server{Addr: "0.0.0.0:0"}
	_, _, _ = srv, cfg, s
}
