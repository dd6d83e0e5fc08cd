package rules_test

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/sast"
)

// TestBuiltinPacks runs every built-in rule over the fixtures next to it
// and fails on any mismatch or missing coverage.
func TestBuiltinPacks(t *testing.T) {
	rep, rules, err := sast.TestRules(context.Background(), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Mismatches {
		t.Errorf("%s", m)
	}
	for _, c := range rep.Coverage(rules) {
		t.Errorf("coverage: %s", c)
	}
	for _, w := range rep.Warnings {
		t.Errorf("warning: %s", w)
	}
	if len(rules) == 0 || rep.Files == 0 {
		t.Fatalf("no built-in rules (%d) or fixtures (%d)", len(rules), rep.Files)
	}
	t.Logf("%d rules, %d fixture files", len(rules), rep.Files)
	for _, r := range rules {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if r.CWE == "" || r.Remediation == "" || len(r.References) == 0 {
			t.Errorf("%s: built-in rules need a CWE, remediation and references", r.ID)
		}
	}
}
