package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/reporttest"
	"github.com/socyber/codeaudit/internal/result"
)

func write(t testing.TB, opts Options, r *result.Result) string {
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
		{"sample.md", Options{}, reporttest.Sample()},
		{"sample-suppressed.md", Options{ShowSuppressed: true}, reporttest.Sample()},
		{"empty.md", Options{}, reporttest.Empty()},
	} {
		t.Run(tc.name, func(t *testing.T) { reporttest.Golden(t, tc.name, []byte(write(t, tc.opts, tc.r))) })
	}
}

func TestContent(t *testing.T) {
	got := write(t, Options{}, reporttest.Sample())
	for _, want := range []string{
		"## codeaudit: 6 findings",
		"| 🟥 Critical | 1 |",
		"| 🟧 High | 3 |",
		"| **Total** | **6** |",
		"2 suppressed · 1 warning",
		"#### 1. 🟥 Critical: AWS access key in source",
		"- **CWE:** [CWE-89](https://cwe.mitre.org/data/definitions/89.html) Improper Neutralization",
		"- **OWASP:** A03:2021-Injection, A05:2025-Injection",
		"1. `internal/api/users.go:18:10` user input read from r\\.URL\\.Query\\(\\)\\.Get\\(\"name\"\\) _(source)_",
		"```go\n  40 | func (s *Store) FindUser",
		"> 42 | \trows, err := s.db.QueryContext(ctx, q)",
		"**Remediation**\n\nPass user input as query parameters",
		"```python\n",
		"| `web/static/app.bundle.js` | sast | parse timed out after 5s |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(got, "go.crypto.weak-random") {
		t.Error("suppressed finding shown without ShowSuppressed")
	}
}

func TestEscaping(t *testing.T) {
	got := write(t, Options{}, reporttest.Sample())
	// The message has <main>, a pipe, an issue reference and a mention.
	want := `a new push to the \<main\> branch \| changes what runs \#1 \@team`
	if !strings.Contains(got, want) {
		t.Errorf("message not escaped; want %q in output", want)
	}
	// The snippet contains ``` so the fence must be longer.
	if !strings.Contains(got, "````python\n") {
		t.Error("snippet containing ``` not fenced with four backticks")
	}
	for _, tc := range []struct{ in, want string }{
		{"a*b_c", `a\*b\_c`},
		{"line\nbreak", "line break"},
		{"<img src=x onerror=alert(1)>", `\<img src=x onerror=alert\(1\)\>`},
		{"[click](http://evil)", `\[click\]\(http\://evil\)`},
		{"ok ünï", "ok ünï"},
	} {
		if got := esc(tc.in); got != tc.want {
			t.Errorf("esc(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"a.go", "`a.go`"},
		{"we`ird.go", "``we`ird.go``"},
		{"`x`", "`` `x` ``"},
		{"p|q", "`p|q`"},
	} {
		if got := code(tc.in); got != tc.want {
			t.Errorf("code(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := cellCode("p|q"); got != "`p\\|q`" {
		t.Errorf("cellCode = %q", got)
	}
	if got := fence([]string{"x", "`````"}); got != "``````" {
		t.Errorf("fence = %q", got)
	}
}

func TestSizeCap(t *testing.T) {
	r := reporttest.Many(2000)
	for i := range r.Findings {
		r.Findings[i].Message = strings.Repeat("long message ", 30)
	}
	got := write(t, Options{ShowSuppressed: true}, r)
	if len(got) > MaxSize {
		t.Fatalf("output is %d bytes, over %d", len(got), MaxSize)
	}
	if !strings.Contains(got, "> [!NOTE]") || !strings.Contains(got, "> Not shown: 1,827 findings, 1 warning, 2 suppressed findings, to keep") {
		t.Errorf("truncated output lacks the note: %q", got[max(0, len(got)-300):])
	}
	if !strings.Contains(got, "| **Total** | **2000** |") {
		t.Error("summary table must survive truncation")
	}
	if n := strings.Count(got, "\n#### "); n != TopFindings {
		t.Errorf("%d findings in full, want %d", n, TopFindings)
	}
	if strings.Count(got, "```")%2 != 0 {
		t.Error("unbalanced code fences")
	}
}

func TestHugeFieldsStillFit(t *testing.T) {
	r := reporttest.Sample()
	lines := make([]string, 25)
	for i := range lines {
		lines[i] = strings.Repeat("x", 300)
	}
	for i := range r.Findings {
		r.Findings[i].Message = strings.Repeat("m", 100000)
		r.Findings[i].Snippet = &finding.Snippet{StartLine: 1, Lines: lines}
	}
	r.Warnings = nil
	for i := range 5000 {
		r.Warnings = append(r.Warnings, result.Warning{Path: fmt.Sprintf("w/%d.js", i), Analyzer: "sast", Message: "timeout"})
	}
	got := write(t, Options{}, r)
	if len(got) > MaxSize {
		t.Fatalf("output is %d bytes", len(got))
	}
	if !strings.Contains(got, "> Not shown: ") || !strings.Contains(got, "5,000 warnings") {
		t.Error("no truncation note")
	}
}

func TestEmpty(t *testing.T) {
	got := write(t, Options{}, reporttest.Empty())
	if !strings.Contains(got, "No findings.") || !strings.Contains(got, "| **Total** | **0** |") {
		t.Errorf("empty output:\n%s", got)
	}
}

func BenchmarkWrite(b *testing.B) {
	r := reporttest.Many(10000)
	w := New(Options{})
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := w.Write(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
}

// A code example indented under its sentence (YAML rule files) is fenced,
// so it renders as code instead of running into the sentence.
func TestRemediationCodeFenced(t *testing.T) {
	r := reporttest.Sample()
	r.Findings[1].Remediation = "Use an http.Server with timeouts:\n  srv := &http.Server{ReadTimeout: 30 * time.Second}\n  err := srv.ListenAndServe()"
	got := write(t, Options{}, r)
	want := "**Remediation**\n\nUse an http.Server with timeouts:\n\n```\nsrv := &http.Server{ReadTimeout: 30 * time.Second}\nerr := srv.ListenAndServe()\n```\n\n"
	if !strings.Contains(got, want) {
		t.Errorf("remediation not fenced; output:\n%s", got)
	}
}
