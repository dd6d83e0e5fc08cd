//go:build ignore

package fixtures

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"io"
	"net/http"

	"github.com/gorilla/websocket"
)

func rsaEnc(pub *rsa.PublicKey, priv *rsa.PrivateKey, msg, ct []byte) {
	// ruleid: go.crypto.rsa-pkcs1v15-encryption
	a, _ := rsa.EncryptPKCS1v15(rand.Reader, pub, msg)
	// ruleid: go.crypto.rsa-pkcs1v15-encryption
	b, _ := rsa.DecryptPKCS1v15(nil, priv, ct)
	// ok: go.crypto.rsa-pkcs1v15-encryption
	c, _ := rsa.EncryptOAEP(sha256.New(), rand.Reader, pub, msg, nil)
	// ok: go.crypto.rsa-pkcs1v15-encryption
	d, _ := rsa.SignPSS(rand.Reader, priv, 0, msg, nil)
	_, _, _, _ = a, b, c, d
}

func verify(body, gotMAC, wantMAC []byte, token, want string, key []byte) bool {
	m := hmac.New(sha256.New, key)
	m.Write(body)
	expectedMAC := m.Sum(nil)
	// ruleid: go.crypto.non-constant-time-compare
	if bytes.Equal(gotMAC, expectedMAC) {
		return true
	}
	// ruleid: go.crypto.non-constant-time-compare
	if bytes.Equal(signature(body), wantMAC) {
		return true
	}
	// ok: go.crypto.non-constant-time-compare
	if hmac.Equal(gotMAC, expectedMAC) {
		return true
	}
	// ok: go.crypto.non-constant-time-compare
	if bytes.Equal(body, []byte("ping")) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(token), []byte(want)) == 1
}

func signature(b []byte) []byte { return b }

var upgrader = websocket.Upgrader{
	ReadBufferSize: 1024,
	// ruleid: go.websocket.any-origin
	CheckOrigin: func(r *http.Request) bool { return true },
}

var strict = websocket.Upgrader{
	// ok: go.websocket.any-origin
	CheckOrigin: func(r *http.Request) bool { return r.Header.Get("Origin") == "https://app.example.com" },
}

func setup(u *websocket.Upgrader) {
	// ruleid: go.websocket.any-origin
	u.CheckOrigin = func(r *http.Request) bool { return true }
	// ok: go.websocket.any-origin
	u.CheckOrigin = nil
}

func upload(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.http.unbounded-request-body
	data, err := io.ReadAll(r.Body)
	_, _ = data, err
}

func uploadAgain(w http.ResponseWriter, req *http.Request) {
	defer req.Body.Close()
	// ruleid: go.http.unbounded-request-body
	data, _ := io.ReadAll(req.Body)
	_ = data
}

func uploadLimited(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	// ok: go.http.unbounded-request-body
	data, err := io.ReadAll(r.Body)
	_, _ = data, err
}

func readLimited(w http.ResponseWriter, r *http.Request) {
	// ok: go.http.unbounded-request-body
	data, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	_, _ = data, err
}
