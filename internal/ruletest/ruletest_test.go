package ruletest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/socyber/codeaudit/internal/finding"
)

func TestParse(t *testing.T) {
	src := `package x
// ruleid: r1, r2
call()

# ok: r1
safe()
/* todoruleid: r1 */
gap()
<!-- ruleid: r3 -->
// ok: r2
both()
`
	got := Parse([]byte(src))
	want := []Expectation{
		{Line: 3, RuleID: "r1", Positive: true},
		{Line: 3, RuleID: "r2", Positive: true},
		{Line: 6, RuleID: "r1", Positive: false},
		{Line: 11, RuleID: "r3", Positive: true},
		{Line: 11, RuleID: "r2", Positive: false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

func TestCheck(t *testing.T) {
	exps := []Expectation{
		{Line: 3, RuleID: "r1", Positive: true},
		{Line: 5, RuleID: "r1", Positive: true},
		{Line: 6, RuleID: "r1", Positive: false},
	}
	at := func(line int, id string) finding.Finding {
		return finding.Finding{RuleID: id, Location: finding.Location{StartLine: line}}
	}
	fs := []finding.Finding{at(3, "r1"), at(6, "r1"), at(9, "r1"), at(9, "other")}
	got := Check("f.go", exps, fs, func(id string) bool { return id == "r1" })
	want := []Mismatch{
		{"f.go", 5, "r1", "missed"},
		{"f.go", 6, "r1", "false positive"},
		{"f.go", 9, "r1", "unexpected"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("// ruleid: a, b\ncall()\n"))
	f.Add([]byte("# ok: (\nx\n"))
	f.Add([]byte("// ok: ,, ,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, e := range Parse(data) {
			if e.RuleID == "" || e.Line < 1 {
				t.Fatalf("bad expectation %+v", e)
			}
		}
	})
}
