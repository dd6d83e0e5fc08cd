//go:build ignore

package fixtures

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"net/http"
)

func digests(data []byte) {
	// ruleid: go.crypto.weak-hash
	h := md5.New()
	// ruleid: go.crypto.weak-hash
	_ = sha1.Sum(data)
	// ok: go.crypto.weak-hash
	_ = sha256.Sum256(data)
	// ok: go.crypto.weak-hash
	_ = sha256.New()
	_ = h
}

func clients(cfg *tls.Config) *http.Client {
	// ruleid: go.tls.insecure-skip-verify
	insecure := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true,
	}
	// ruleid: go.tls.insecure-skip-verify
	cfg.InsecureSkipVerify = true
	// ok: go.tls.insecure-skip-verify
	safe := &tls.Config{MinVersion: tls.VersionTLS12}
	// ok: go.tls.insecure-skip-verify
	cfg.InsecureSkipVerify = false
	_ = safe
	return &http.Client{Transport: &http.Transport{TLSClientConfig: insecure}}
}
