package rule_test

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/sast"
)

// TestSemanticsRuleSet runs the user rules of testdata/semantics as
// "codeaudit rules test" would: every ruleid: line must be reported and
// no ok: line.
func TestSemanticsRuleSet(t *testing.T) {
	rep, rules, err := sast.TestRules(context.Background(), "testdata/semantics")
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
	if len(rules) != 4 {
		t.Errorf("%d rules, want 4", len(rules))
	}
}
