package view

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/reporttest"
)

func TestSorted(t *testing.T) {
	fs := reporttest.Sample().Findings
	rev := make([]finding.Finding, len(fs))
	for i := range fs {
		rev[len(fs)-1-i] = fs[i]
	}
	var got []string
	for _, f := range Sorted(rev) {
		got = append(got, f.Severity.String()+" "+f.Location.Path)
	}
	want := []string{
		"critical config/prod.env",
		"high .github/workflows/triage.yml",
		"high go.mod",
		"high internal/store/users.go",
		"low src/äpp/ハッシュ.py",
		"info ml/load.py",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}
}

func TestFormatting(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Duration(120), "120ms"},
		{Duration(3250), "3.25s"},
		{Duration(125000), "2m05s"},
		{Count(0), "0"},
		{Count(999), "999"},
		{Count(15745), "15,745"},
		{Count(-1234567), "-1,234,567"},
		{Plural(1, "warning"), "1 warning"},
		{Plural(1200, "file"), "1,200 files"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestOWASPIDs(t *testing.T) {
	f := reporttest.Sample().Findings[0]
	if d := cmp.Diff([]string{"A07:2021", "A07:2025"}, OWASPIDs(&f)); d != "" {
		t.Error(d)
	}
}

func TestRemediation(t *testing.T) {
	prose := func(l ...string) Block { return Block{Lines: l} }
	code := func(lang string, l ...string) Block { return Block{Code: true, Lang: lang, Lines: l} }
	for _, tc := range []struct {
		name, in string
		want     []Block
	}{
		{"empty", "  \n\n", nil},
		{"prose only", "Use crypto/rand\nfor tokens.", []Block{prose("Use crypto/rand", "for tokens.")}},
		{
			// YAML rule files: code indented under its sentence, no blank line.
			"yaml indented", "Use an http.Server with timeouts:\n  srv := &http.Server{Addr: \":8080\",\n      ReadTimeout: 30 * time.Second}\n  err := srv.ListenAndServe()\nThen call Shutdown.\n",
			[]Block{
				prose("Use an http.Server with timeouts:"),
				code("", "srv := &http.Server{Addr: \":8080\",", "    ReadTimeout: 30 * time.Second}", "err := srv.ListenAndServe()"),
				prose("Then call Shutdown."),
			},
		},
		{
			// Markdown indented block after a blank line, with a blank line inside.
			"markdown indented", "Pin the SHA:\r\n\r\n    - uses: a/b@8f4b # v3\r\n\r\n    - uses: c/d@1234\r\n\r\nOr vendor it.",
			[]Block{prose("Pin the SHA:"), code("", "- uses: a/b@8f4b # v3", "", "- uses: c/d@1234"), prose("Or vendor it.")},
		},
		{
			"fenced", "Parameterise:\n\n```go\ndb.Query(q, name)\n\n  // indented\n```\nDone.",
			[]Block{prose("Parameterise:"), code("go", "db.Query(q, name)", "", "  // indented"), prose("Done.")},
		},
		{"unclosed fence", "Do this:\n~~~\nx := 1", []Block{prose("Do this:"), code("", "x := 1")}},
		{"inline triple backticks are prose", "Say ```x``` here.", []Block{prose("Say ```x``` here.")}},
		{"code only", "    make clean", []Block{code("", "make clean")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if d := cmp.Diff(tc.want, Remediation(tc.in)); d != "" {
				t.Errorf("blocks (-want +got):\n%s", d)
			}
		})
	}
}

func TestRemediationMarkdown(t *testing.T) {
	got := RemediationMarkdown("Use timeouts:\n  srv := &http.Server{}\n  s := \"```\"\nThat is all.")
	want := "Use timeouts:\n\n````\nsrv := &http.Server{}\ns := \"```\"\n````\n\nThat is all."
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := RemediationMarkdown("One line."); got != "One line." {
		t.Errorf("prose changed: %q", got)
	}
}

// FuzzRemediation: remediation text comes from user rule files. Splitting
// it never panics, keeps every non-blank character outside fence lines,
// and yields no empty block.
func FuzzRemediation(f *testing.F) {
	for _, s := range []string{
		"Use timeouts:\n  srv := &http.Server{}\nThen shut down.",
		"Pin it:\n\n    - uses: a/b@sha\n\n    - run: x\n\nDone.",
		"```go\nx := 1\n```",
		"~~~~\n```\n~~~~",
		"\t\tcode\n\n\n  more\nprose ```inline```",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		blocks := Remediation(s)
		count := func(s string) int {
			n := 0
			for _, r := range s {
				if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '`' && r != '~' {
					n++
				}
			}
			return n
		}
		got := 0
		for _, b := range blocks {
			if len(b.Lines) == 0 {
				t.Fatalf("empty block in %q", s)
			}
			for _, l := range b.Lines {
				got += count(l)
			}
			got += count(b.Lang)
		}
		// An empty fenced block is dropped with its info string; without
		// fences every character is kept.
		want := count(s)
		if got > want || !strings.ContainsAny(s, "`~") && got != want {
			t.Fatalf("Remediation(%q) kept %d characters of %d: %#v", s, got, want, blocks)
		}
		_ = RemediationMarkdown(s)
	})
}
