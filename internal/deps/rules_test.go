package deps

import (
	"os"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/taxonomy"
)

func TestRulesValid(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range a.Rules() {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if !taxonomy.KnownCWE(r.CWE) {
			t.Errorf("%s: %s is not a known CWE", r.ID, r.CWE)
		}
		if seen[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		seen[r.ID] = true
		if r.Remediation == "" || len(r.References) == 0 || r.Description == "" {
			t.Errorf("%s: remediation, references and description are required", r.ID)
		}
	}
	for _, id := range kindRule {
		if !seen[id] {
			t.Errorf("supply-chain kind mapped to unknown rule %s", id)
		}
	}
	if info := a.Info(); info.Name != "deps" || info.Scanner != "deps" {
		t.Errorf("info = %+v", info)
	}
}

// TestDocsListRules keeps docs/dependencies.md in step with the rules.
func TestDocsListRules(t *testing.T) {
	b, err := os.ReadFile("../../docs/dependencies.md")
	if err != nil {
		t.Skipf("docs not found: %v", err)
	}
	for _, r := range rules {
		if !strings.Contains(string(b), "`"+r.ID+"`") || !strings.Contains(string(b), r.CWE) {
			t.Errorf("docs/dependencies.md does not document %s (%s)", r.ID, r.CWE)
		}
	}
}
