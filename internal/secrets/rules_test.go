package secrets

import (
	"context"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/ruletest"
)

// TestRuleFixtures runs every fixture under testdata/rules and checks the
// ruleid:/ok: annotations both ways, plus the coverage of every rule.
func TestRuleFixtures(t *testing.T) {
	a := New(Options{})
	rep, err := ruletest.RunDir(context.Background(), a, "testdata/rules")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Mismatches {
		t.Error(m)
	}
	for _, w := range rep.Warnings {
		t.Error("warning:", w)
	}
	for _, c := range rep.Coverage(a.Rules()) {
		t.Error("coverage:", c)
	}
	if rep.Files < 10 {
		t.Errorf("only %d fixture files ran", rep.Files)
	}
}

func TestRulesValid(t *testing.T) {
	a := New(Options{})
	seen := map[string]bool{}
	for _, r := range a.Rules() {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if seen[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		seen[r.ID] = true
		if !strings.HasPrefix(r.ID, "secrets.") || r.Remediation == "" || len(r.References) == 0 || r.Description == "" {
			t.Errorf("rule %s is incomplete", r.ID)
		}
	}
}
