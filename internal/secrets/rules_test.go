package secrets

import (
	"context"
	"os"
	"os/exec"
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

// TestDocsListEveryRule fails when docs/secrets.md drifts from the rules.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../../docs/secrets.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range New(Options{}).Rules() {
		if !strings.Contains(string(doc), "`"+r.ID+"`") {
			t.Errorf("docs/secrets.md does not describe %s", r.ID)
		}
	}
}

// TestPreCommitHookParses checks the sample hook is valid shell and runs
// the staged secrets scan.
func TestPreCommitHookParses(t *testing.T) {
	hook, err := os.ReadFile("../../scripts/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(hook), "codeaudit scan --staged --scanners secrets --fail-on") {
		t.Error("hook does not run the staged secrets scan")
	}
	if sh, err := exec.LookPath("sh"); err == nil {
		if out, err := exec.Command(sh, "-n", "../../scripts/pre-commit").CombinedOutput(); err != nil {
			t.Errorf("hook is not valid shell: %v\n%s", err, out)
		}
	}
}
