package secrets

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/report"
	"github.com/socyber/codeaudit/internal/result"
)

// TestRedactionInEveryFormat renders findings of every detector family in
// every output format and checks that no secret, nor half of one, appears.
func TestRedactionInEveryFormat(t *testing.T) {
	text, secrets := redactionCorpus()
	key := "-----BEGIN RSA PRIVATE KEY-----\n" + strings.Repeat("Zq3LmN8pRt2VxK7wAb9Cd4Ef6Gh1Ij5Kl0Mn2Op7Qr3St8Uv4Wx9Yz1Bc6De0Fg5H\n", 6) + "-----END RSA PRIVATE KEY-----\n"
	a := New(Options{})
	fs, err := a.ScanText(context.Background(), "app/settings.py", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	kfs, err := a.ScanText(context.Background(), "deploy/id_rsa", []byte(key))
	if err != nil || len(kfs) != 1 {
		t.Fatalf("private key: %v, %v", kfs, err)
	}
	fs = append(fs, kfs...)
	secrets = append(secrets, "Zq3LmN8pRt2VxK7wAb9Cd4Ef6Gh1Ij5Kl0Mn2Op7Qr3St8Uv4Wx9Yz1Bc6De0Fg5H")
	for i := range fs {
		fs[i].Classify()
	}
	r := &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          result.Tool{Name: "codeaudit", Version: "test"},
		Target:        ".",
		StartedAt:     time.Unix(0, 0).UTC(),
		FinishedAt:    time.Unix(1, 0).UTC(),
		Scanners:      []string{"secrets"},
		Findings:      fs,
		Rules:         a.Rules(),
	}
	for _, format := range report.Formats {
		w, err := report.New(format, report.Options{ShowSuppressed: true})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := w.Write(&buf, r); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		out := buf.String()
		if !strings.Contains(out, "sha256:") {
			t.Errorf("%s: redacted form not shown", format)
		}
		for _, s := range secrets {
			if strings.Contains(out, s) || strings.Contains(out, s[len(s)/2:]) {
				t.Errorf("%s output contains (part of) the secret starting %q", format, s[:4])
			}
		}
	}
}
