package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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

// TestDocsListEveryRule keeps docs/rules.md in step with the packs: every
// built-in rule id must be listed there with its CWE.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := sast.New(sast.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for _, r := range a.Rules() {
		row := "| `" + r.ID + "` | " + r.CWE + " |"
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/rules.md has no row starting %q", row)
		}
	}
}
