package suppress

import (
	"strings"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/finding"
)

func at(rule string, line int) *finding.Finding {
	return &finding.Finding{RuleID: rule, Location: finding.Location{Path: "a.go", StartLine: line}, Fingerprint: "fp" + rule}
}

func TestInline(t *testing.T) {
	src := `package a
// codeaudit:ignore go.sqli -- id is validated above
db.Query(q)
db.Query(q) // codeaudit:ignore go.sqli, go.other -- trusted constant
db.Query(q)
# codeaudit:ignore secrets.* -- fixture data
key = "x"
// codeaudit:ignore go.sqli
db.Query(q)
// codeaudit:ignore -- no rule given
db.Query(q)
s := "codeaudit:ignore go.sqli -- inside a string, not a comment"
/* codeaudit:ignore go.sqli -- block comment */
db.Query(q)
// codeaudit:ignored go.sqli -- different word
db.Query(q)
// Prose that mentions codeaudit:ignore go.sqli -- is not a directive
db.Query(q)
rows := db.Query(q) // codeaudit:ignore go.sql-injection -- ids may contain dashes */
<!-- codeaudit:ignore secrets.private-key -- documentation sample -->
`
	in := ParseInline("a.go", []byte(src))
	if in == nil {
		t.Fatal("no directives parsed")
	}
	tests := []struct {
		rule       string
		line       int
		suppressed bool
	}{
		{"go.sqli", 2, true}, // the comment line itself
		{"go.sqli", 3, true}, // line below a standalone comment
		{"go.sqli", 4, true}, // trailing comment
		{"go.other", 4, true},
		{"go.xss", 4, false}, // rule not named
		{"go.sqli", 5, false},
		{"secrets.aws-key", 7, true}, // wildcard
		{"go.sqli", 9, false},        // no reason: does not suppress
		{"go.sqli", 11, false},       // no rule: does not suppress
		{"go.sqli", 12, false},       // marker inside a string
		{"go.sqli", 14, true},
		{"go.sqli", 16, false},
		{"go.sqli", 18, false},
		{"go.sql-injection", 19, true},
		{"secrets.private-key", 21, true},
	}
	for _, tt := range tests {
		got := in.Match(at(tt.rule, tt.line))
		if (got != nil) != tt.suppressed {
			t.Errorf("%s at line %d: suppressed = %v, want %v", tt.rule, tt.line, got != nil, tt.suppressed)
		}
	}
	s := in.Match(at("go.sqli", 3))
	if s.Kind != "inline" || s.Reason != "id is validated above" || s.Source != "a.go:2" {
		t.Errorf("suppression = %+v", s)
	}
	probs := in.Problems()
	if len(probs) != 2 || probs[0].Location.StartLine != 8 || probs[1].Location.StartLine != 10 {
		t.Fatalf("problems = %+v", probs)
	}
	if probs[0].RuleID != InvalidRule.ID || !strings.Contains(probs[0].Message, "no reason") || !strings.Contains(probs[1].Message, "no rule") {
		t.Errorf("problem messages: %q / %q", probs[0].Message, probs[1].Message)
	}
	if err := InvalidRule.Validate(); err != nil {
		t.Error(err)
	}
	if ParseInline("b.go", []byte("package b\n")) != nil {
		t.Error("file without marker should give nil")
	}
	var none *Inline
	if none.Match(at("x", 1)) != nil || none.Problems() != nil {
		t.Error("nil Inline must be inert")
	}
}

func TestConfigSet(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s := &Set{Now: now, Ignores: []Ignore{
		{Rule: "go.sqli", Paths: []string{"legacy/**"}, Reason: "legacy", Source: "c:1"},
		{Fingerprint: "fpgo.weak", Reason: "accepted", Source: "c:2"},
		{Rule: "go.*", Reason: "expired", Expires: now.AddDate(0, 0, -1), Source: "c:3"},
		{Rule: "py.*", Reason: "expires today", Expires: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Source: "c:4"},
	}}
	f := at("go.sqli", 1)
	f.Location.Path = "legacy/db/q.go"
	if m := s.Match(f); m == nil || m.Source != "c:1" || m.Kind != "config" {
		t.Errorf("path+rule entry: %+v", m)
	}
	f.Location.Path = "app/q.go"
	if m := s.Match(f); m != nil {
		t.Errorf("outside path, and go.* entry expired: %+v", m)
	}
	if m := s.Match(at("go.weak", 1)); m == nil || m.Source != "c:2" {
		t.Errorf("fingerprint entry: %+v", m)
	}
	if m := s.Match(at("py.x", 1)); m == nil {
		t.Error("entry expiring today must still apply")
	}
	active, expired := s.Active()
	if len(active) != 3 || len(expired) != 1 || expired[0].Source != "c:3" {
		t.Errorf("active/expired = %d/%d", len(active), len(expired))
	}
	var nilSet *Set
	if nilSet.Match(f) != nil {
		t.Error("nil set must be inert")
	}
}

func TestBaseline(t *testing.T) {
	doc := `{"schema_version":"1.0","findings":[{"fingerprint":"aaa","rule_id":"x"},{"fingerprint":""}],"suppressed":[{"fingerprint":"bbb"}]}`
	b, err := ReadBaseline("old.json", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !b.Has("aaa") || !b.Has("bbb") || b.Has("ccc") || b.Has("") || b.Len() != 2 {
		t.Errorf("baseline = %+v", b)
	}
	s := &Set{Baseline: b}
	f := at("r", 1)
	f.Fingerprint = "aaa"
	if m := s.Match(f); m == nil || m.Kind != "baseline" {
		t.Errorf("baseline match = %+v", m)
	}
	for _, bad := range []string{"", "not json", `{"schema_version":"2.0","findings":[]}`, `[1,2]`} {
		if _, err := ReadBaseline("bad.json", strings.NewReader(bad)); err == nil {
			t.Errorf("ReadBaseline(%q) accepted", bad)
		}
	}
	// A SARIF file given by mistake is named as not a JSON report.
	_, err = ReadBaseline("old.sarif", strings.NewReader(`{"version":"2.1.0","runs":[]}`))
	if err == nil || !strings.Contains(err.Error(), "old.sarif: not a codeaudit JSON report (no schema_version)") {
		t.Errorf("SARIF as baseline: %v", err)
	}
}

func FuzzParseInline(f *testing.F) {
	f.Add([]byte("x // codeaudit:ignore a,b -- why\n"))
	f.Add([]byte("# codeaudit:ignore\n"))
	f.Add([]byte("codeaudit:ignore codeaudit:ignore -- -- --"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := ParseInline("f", data)
		in.Problems()
		in.Match(&finding.Finding{RuleID: "a", Location: finding.Location{StartLine: 1}})
	})
}
