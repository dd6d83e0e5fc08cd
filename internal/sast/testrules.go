package sast

import (
	"context"
	"fmt"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/ruletest"
)

// TestRules implements `codeaudit rules test DIR`: it loads the rule
// files below dir (plus extraRuleFiles), runs only those rules over every
// other file below dir (Semgrep's layout: foo.yaml next to foo.py,
// foo.go, ...) and checks the `ruleid:` / `ok:` annotations. The caller
// reports rep.Mismatches and rep.Coverage(rules) (rules with fewer than
// two positive or two negative cases).
func TestRules(ctx context.Context, dir string, extraRuleFiles ...string) (rep *ruletest.Report, rules []finding.Rule, err error) {
	a, err := NewContext(ctx, Options{RuleFiles: append([]string{dir}, extraRuleFiles...), RulesOnly: true})
	if err != nil {
		return nil, nil, err
	}
	defer a.Close()
	rep, err = ruletest.RunDir(ctx, a, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("testing rules in %s: %w", dir, err)
	}
	return rep, a.Rules(), nil
}
