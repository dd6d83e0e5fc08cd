package finding

import (
	"strings"
	"testing"
)

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]Severity{
		"CRITICAL": Critical, "high": High, "ERROR": High, "WARNING": Medium,
		"medium": Medium, "Low": Low, "INFO": Info,
	} {
		got, err := ParseSeverity(in)
		if err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseSeverity("severe"); err == nil {
		t.Error("ParseSeverity accepted an unknown name")
	}
	if !(Critical > High && High > Medium && Medium > Low && Low > Info) {
		t.Error("severities must be ordered")
	}
}

func TestSeverityForScore(t *testing.T) {
	for score, want := range map[float64]Severity{9.8: Critical, 7.5: High, 5.0: Medium, 2.0: Low, 0: Info} {
		if got := SeverityForScore(score); got != want {
			t.Errorf("SeverityForScore(%v) = %v; want %v", score, got, want)
		}
	}
}

func TestRuleValidate(t *testing.T) {
	good := Rule{ID: "go.sql.injection", Title: "SQL injection", Severity: High, Confidence: ConfidenceHigh, CWE: "CWE-89", Analyzer: "sast"}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid rule rejected: %v", err)
	}
	bad := good
	bad.ID, bad.CWE, bad.Severity = "Bad ID", "89", SeverityUnknown
	err := bad.Validate()
	if err == nil {
		t.Fatal("invalid rule accepted")
	}
	for _, want := range []string{"rule id", "cwe", "severity"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestNewAndClassify(t *testing.T) {
	r := Rule{ID: "x.sqli", Title: "t", Severity: High, Confidence: ConfidenceMedium, CWE: "CWE-89", Analyzer: "sast"}
	f := New(&r, Location{Path: "a.go", StartLine: 3, EndLine: 3}, "msg")
	f.Classify()
	if f.SecuritySeverity != 8.0 {
		t.Errorf("security severity = %v", f.SecuritySeverity)
	}
	if f.OWASP2021 == nil || f.OWASP2021.ID != "A03" || f.OWASP2025 == nil || f.OWASP2025.ID != "A05" {
		t.Errorf("OWASP = %v / %v", f.OWASP2021, f.OWASP2025)
	}
}

func TestFingerprintStableWhenLinesInsertedAbove(t *testing.T) {
	file := []string{"package main", "", "func f() {", "\tdb.Query(q)", "}"}
	before := Fingerprint("r", "a.go", file, 4, 4)
	shifted := append([]string{"// new comment", "import \"os\"", ""}, file...)
	if after := Fingerprint("r", "a.go", shifted, 7, 7); after != before {
		t.Errorf("fingerprint changed when lines were inserted above: %s != %s", after, before)
	}
	rightAbove := []string{"package main", "", "func f() {", "\tlog.Println(\"about to query\")", "\tdb.Query(q)", "", "\tother()", "}"}
	if got := Fingerprint("r", "a.go", rightAbove, 5, 5); got != before {
		t.Error("fingerprint changed when lines were inserted right above and below the finding")
	}
	reindented := []string{"package main", "", "func f() {", "        db.Query( q )", "}"}
	if got := Fingerprint("r", "a.go", reindented, 4, 4); got != before {
		t.Error("fingerprint changed on whitespace-only edit")
	}
	changed := []string{"package main", "", "func f() {", "\tdb.Query(q2)", "}"}
	if Fingerprint("r", "a.go", changed, 4, 4) == before {
		t.Error("fingerprint did not change when the flagged code changed")
	}
	if Fingerprint("other", "a.go", file, 4, 4) == before || Fingerprint("r", "b.go", file, 4, 4) == before {
		t.Error("fingerprint must depend on rule and path")
	}
	if Disambiguate(before, 1) != before || Disambiguate(before, 2) != before+":2" {
		t.Error("Disambiguate")
	}
}

func TestMakeSnippet(t *testing.T) {
	lines := []string{"1", "2", "3", "4", "5", "6", "7"}
	s := MakeSnippet(lines, 4, 4)
	if s.StartLine != 2 || strings.Join(s.Lines, ",") != "2,3,4,5,6" {
		t.Errorf("snippet = %+v", s)
	}
	if s := MakeSnippet(lines, 1, 1); s.StartLine != 1 || len(s.Lines) != 3 {
		t.Errorf("snippet at top = %+v", s)
	}
	if MakeSnippet(lines, 9, 9) != nil {
		t.Error("snippet outside file should be nil")
	}
	long := MakeSnippet([]string{strings.Repeat("é", 400)}, 1, 1)
	if len(long.Lines[0]) > maxSnippetLine+4 {
		t.Error("long line not cut")
	}
}

func TestSplitLines(t *testing.T) {
	if got := SplitLines([]byte("a\r\nb\n")); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("SplitLines = %q", got)
	}
	if SplitLines(nil) != nil {
		t.Error("empty content has no lines")
	}
}
