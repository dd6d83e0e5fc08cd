package text

import (
	"bytes"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/report/reporttest"
	"github.com/socyber/codeaudit/internal/result"
)

func write(t *testing.T, opts Options, r *result.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := New(opts).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		r    *result.Result
	}{
		{"sample.txt", Options{}, reporttest.Sample()},
		{"sample-color.txt", Options{Color: true}, reporttest.Sample()},
		{"sample-suppressed.txt", Options{ShowSuppressed: true}, reporttest.Sample()},
		{"empty.txt", Options{}, reporttest.Empty()},
	} {
		t.Run(tc.name, func(t *testing.T) { reporttest.Golden(t, tc.name, []byte(write(t, tc.opts, tc.r))) })
	}
}

func TestColorOnlyWhenAsked(t *testing.T) {
	plain := write(t, Options{}, reporttest.Sample())
	if strings.Contains(plain, "\x1b") {
		t.Error("escape sequence written with Color off")
	}
	colored := write(t, Options{Color: true}, reporttest.Sample())
	if !strings.Contains(colored, ansiReset) {
		t.Error("no colour written with Color on")
	}
	// Removing the colour codes must give the plain output back.
	stripped := colored
	for _, c := range []string{ansiReset, ansiBoldRed, ansiBold, ansiDim, ansiRed, ansiYellow, ansiBlue, ansiMagenta, ansiCyan} {
		stripped = strings.ReplaceAll(stripped, c, "")
	}
	if stripped != plain {
		t.Error("coloured output differs from plain output beyond colour codes")
	}
}

func TestContent(t *testing.T) {
	got := write(t, Options{}, reporttest.Sample())
	for _, want := range []string{
		"codeaudit 1.4.0 · ./shop · 128 files · 15,745 lines of code · 3.25s",
		"CRITICAL (1)",
		"[HIGH] go.sql.injection  SQL query built from user input",
		"  internal/store/users.go:42:23",
		"CWE-89 · OWASP A03:2021 · OWASP A05:2025 · confidence high",
		"  > 42 |     rows, err := s.db.QueryContext(ctx, q)",
		"    43 |     if err != nil {",
		"    1. internal/api/users.go:18:10  user input read from r.URL.Query().Get(\"name\") (source)",
		"    4. internal/store/users.go:42:23  q executed by db.QueryContext (sink)",
		"  Fix: Pass user input as query parameters instead of formatting it into the SQL text.",
		"src/äpp/ハッシュ.py:5:12",
		"advisory=GHSA-4v7x-pqxf-cx7m aliases=CVE-2023-44487 fixed=0.23.0 package=golang.org/x/net version=0.17.0",
		"6 findings: 1 critical, 3 high, 0 medium, 1 low, 1 info · 2 suppressed · 1 warning",
		"  warning: web/static/app.bundle.js [sast]: parse timed out after 5s",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(got, "go.crypto.weak-random") {
		t.Error("suppressed finding listed without ShowSuppressed")
	}
	// Severity groups come in order, critical first.
	last := -1
	for _, h := range []string{"CRITICAL (", "HIGH (", "LOW (", "INFO ("} {
		i := strings.Index(got, h)
		if i < last {
			t.Errorf("%s out of order", h)
		}
		last = i
	}
}

// remediationForms has one finding per way rule authors write a fix's code
// example: indented under the sentence (YAML rule files), a Markdown
// indented block after a blank line, a fence, and code with no sentence.
func remediationForms() *result.Result {
	r := reporttest.Empty()
	base := reporttest.Sample().Findings[5] // info, no snippet or trace
	for i, rem := range []string{
		"Use an http.Server with timeouts:\n  srv := &http.Server{Addr: \":8080\", Handler: mux,\n      ReadHeaderTimeout: 10 * time.Second}\n  err := srv.ListenAndServe()\nthen call srv.Shutdown on exit.",
		"Pin the full commit SHA and keep the version in a comment for update tools:\n\n    - uses: owner/action@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v3.1.0\n\n    - run: |\n    \tmake",
		"Parameterise the query:\n\n```go\ndb.QueryContext(ctx, q, name)\n```\n\nNever format\nuser input into SQL.",
		"    make clean",
	} {
		f := base
		f.Location.StartLine = i + 1
		f.Remediation = rem
		r.Findings = append(r.Findings, f)
	}
	return r
}

func TestRemediationCode(t *testing.T) {
	got := write(t, Options{}, remediationForms())
	reporttest.Golden(t, "remediation.txt", []byte(got))
	for _, want := range []string{
		"  Fix: Use an http.Server with timeouts:\n         srv := &http.Server{Addr: \":8080\", Handler: mux,\n             ReadHeaderTimeout: 10 * time.Second}\n         err := srv.ListenAndServe()\n       then call srv.Shutdown on exit.\n",
		"  Fix: Pin the full commit SHA and keep the version in a comment for update tools:\n         - uses: owner/action@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v3.1.0\n\n         - run: |\n             make\n",
		"  Fix: Parameterise the query:\n         db.QueryContext(ctx, q, name)\n       Never format user input into SQL.\n",
		"  Fix:\n         make clean\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks\n%s", want)
		}
	}
}

func TestEmpty(t *testing.T) {
	got := write(t, Options{}, reporttest.Empty())
	if !strings.Contains(got, "No findings.") || !strings.Contains(got, "0 findings: 0 critical") {
		t.Errorf("clean scan output:\n%s", got)
	}
}

func TestNil(t *testing.T) {
	if err := New(Options{}).Write(&bytes.Buffer{}, nil); err == nil {
		t.Error("nil result accepted")
	}
}

func TestCleanNeutralisesControls(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain ünïcode\ttab", "plain ünïcode\ttab"},
		{"evil\x1b[2Jclear", `evil\x1b[2Jclear`},
		{"cr\rover", `cr\x0dover`},
		{"bidi\u202ereversed", `bidi\u202ereversed`},
		{"c1\u009bcsi", `c1\u009bcsi`},
		{"bad\xffutf8", `bad\xffutf8`},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	r := reporttest.Sample()
	r.Findings[0].Message = "\x1b]0;pwned\x07"
	r.Findings[0].Snippet.Lines[2] = "KEY=\x1b[8mhidden"
	if got := write(t, Options{Color: false}, r); strings.Contains(got, "\x1b") || strings.Contains(got, "\x07") {
		t.Error("control characters from the scanned code reached the output")
	}
}

func BenchmarkWrite(b *testing.B) {
	r := reporttest.Many(10000)
	w := New(Options{Color: true})
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := w.Write(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
}
