//go:build ignore

package fixtures

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	crand "crypto/rand"
	"crypto/rc4"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"io"
	"math/rand"
	"os"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

func ciphers(key []byte) {
	// ruleid: go.crypto.weak-cipher
	b1, _ := des.NewCipher(key[:8])
	// ruleid: go.crypto.weak-cipher
	s, _ := rc4.NewCipher(key)
	// ruleid: go.crypto.weak-cipher
	b3, _ := des.NewTripleDESCipher(key[:24])
	// ok: go.crypto.weak-cipher
	b2, _ := aes.NewCipher(key)
	// ok: go.crypto.weak-cipher
	g, _ := cipher.NewGCM(b2)
	_, _, _, _ = b1, s, b3, g
}

func ivs(block cipher.Block, gcm cipher.AEAD, plain []byte) {
	// ruleid: go.crypto.static-iv
	enc := cipher.NewCBCEncrypter(block, []byte("0123456789abcdef"))
	// ruleid: go.crypto.static-iv
	sealed := gcm.Seal(nil, make([]byte, 12), plain, nil)
	iv := make([]byte, aes.BlockSize)
	if _, err := io.ReadFull(crand.Reader, iv); err != nil {
		return
	}
	// ok: go.crypto.static-iv
	enc2 := cipher.NewCBCEncrypter(block, iv)
	nonce := make([]byte, gcm.NonceSize())
	crand.Read(nonce)
	// ok: go.crypto.static-iv
	sealed2 := gcm.Seal(nonce, nonce, plain, nil)
	_, _, _, _ = enc, sealed, enc2, sealed2
}

const signingSecret = "hunter2-signing-key"

func keys(tok *jwt.Token) {
	// ruleid: go.crypto.hardcoded-key
	b, _ := aes.NewCipher([]byte("0123456789abcdef0123456789abcdef"))
	// ruleid: go.crypto.hardcoded-key
	s, _ := tok.SignedString([]byte("hunter2-signing-key"))
	// todoruleid: go.crypto.hardcoded-key
	s3, _ := tok.SignedString([]byte(signingSecret))
	_ = s3
	// ruleid: go.crypto.hardcoded-key
	m := hmac.New(sha256.New, []byte("static-mac-key"))
	// ok: go.crypto.hardcoded-key
	b2, _ := aes.NewCipher([]byte(os.Getenv("DATA_KEY")))
	// ok: go.crypto.hardcoded-key
	s2, _ := tok.SignedString([]byte(os.Getenv("JWT_SECRET")))
	_, _, _, _, _ = b, s, m, b2, s2
}

const letters = "abcdefghijklmnopqrstuvwxyz0123456789"

func newSessionToken() string {
	out := make([]byte, 32)
	for i := range out {
		// ruleid: go.crypto.math-rand-secret
		out[i] = letters[rand.Intn(len(letters))]
	}
	return string(out)
}

func generatePassword(n int) []byte {
	p := make([]byte, n)
	for i := range p {
		// ruleid: go.crypto.math-rand-secret
		p[i] = byte(rand.Int63() % 256)
	}
	return p
}

func pickBackend(n int) int {
	// ok: go.crypto.math-rand-secret
	return rand.Intn(n)
}

func jitterDelay() int64 {
	// ok: go.crypto.math-rand-secret
	return rand.Int63n(1000)
}

func newCSRFToken() string {
	// ok: go.crypto.math-rand-secret
	return crand.Text()
}

func rsaKeys() {
	// ruleid: go.crypto.rsa-short-key
	k1, _ := rsa.GenerateKey(crand.Reader, 1024)
	// ruleid: go.crypto.rsa-short-key
	k2, _ := rsa.GenerateKey(crand.Reader, 512)
	// ok: go.crypto.rsa-short-key
	k3, _ := rsa.GenerateKey(crand.Reader, 2048)
	// ok: go.crypto.rsa-short-key
	k4, _ := rsa.GenerateKey(crand.Reader, 4096)
	_, _, _, _ = k1, k2, k3, k4
}

func tlsVersions(cfg *tls.Config) {
	// ruleid: go.tls.min-version-too-low
	a := &tls.Config{MinVersion: tls.VersionTLS10}
	// ruleid: go.tls.min-version-too-low
	cfg.MinVersion = tls.VersionSSL30
	// ok: go.tls.min-version-too-low
	b := &tls.Config{MinVersion: tls.VersionTLS12}
	// ok: go.tls.min-version-too-low
	cfg.MinVersion = tls.VersionTLS13
	c := &tls.Config{
		CipherSuites: []uint16{
			// ruleid: go.tls.insecure-cipher-suite
			tls.TLS_RSA_WITH_RC4_128_SHA,
			// ruleid: go.tls.insecure-cipher-suite
			tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
			// ok: go.tls.insecure-cipher-suite
			tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
			// ok: go.tls.insecure-cipher-suite
			tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
		},
	}
	_, _, _ = a, b, c
}

func tokens(s string, key []byte) {
	p := jwt.NewParser()
	// ruleid: go.jwt.unverified-parse
	t1, _, _ := p.ParseUnverified(s, jwt.MapClaims{})
	// ruleid: go.jwt.unverified-parse
	t2 := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{})
	// ok: go.jwt.unverified-parse
	t3, _ := jwt.Parse(s, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
	// ok: go.jwt.unverified-parse
	t4 := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{})
	_, _, _, _ = t1, t2, t3, t4
}

func passwords(pw, salt []byte) {
	// ruleid: go.crypto.weak-password-hash
	h1, _ := bcrypt.GenerateFromPassword(pw, bcrypt.MinCost)
	// ruleid: go.crypto.weak-password-hash
	h2, _ := bcrypt.GenerateFromPassword(pw, 6)
	// ruleid: go.crypto.weak-password-hash
	k1 := pbkdf2.Key(pw, salt, 1000, 32, sha256.New)
	// ok: go.crypto.weak-password-hash
	h3, _ := bcrypt.GenerateFromPassword(pw, 12)
	// ok: go.crypto.weak-password-hash
	h4, _ := bcrypt.GenerateFromPassword(pw, bcrypt.DefaultCost)
	// ok: go.crypto.weak-password-hash
	k2 := pbkdf2.Key(pw, salt, 600000, 32, sha256.New)
	_, _, _, _, _, _ = h1, h2, k1, h3, h4, k2
}

func sshClients(home string) {
	// ruleid: go.ssh.insecure-host-key
	c1 := &ssh.ClientConfig{User: "deploy", HostKeyCallback: ssh.InsecureIgnoreHostKey()}
	// ruleid: go.ssh.insecure-host-key
	c2 := ssh.ClientConfig{HostKeyCallback: ssh.InsecureIgnoreHostKey()}
	cb, _ := knownhosts.New(home + "/.ssh/known_hosts")
	// ok: go.ssh.insecure-host-key
	c3 := &ssh.ClientConfig{User: "deploy", HostKeyCallback: cb}
	// ok: go.ssh.insecure-host-key
	c4 := &ssh.ClientConfig{HostKeyCallback: ssh.FixedHostKey(nil)}
	_, _, _, _ = c1, c2, c3, c4
}
