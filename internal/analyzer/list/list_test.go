package list

import (
	"regexp"
	"slices"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/suppress"
)

var namePattern = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// TestRegistry checks every registered analyzer: unique well-formed name,
// a known scanner, and rules that validate with ids unique across all
// analyzers (an id is never reused for another meaning).
func TestRegistry(t *testing.T) {
	all, err := All(Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	ruleOwner := map[string]string{suppress.InvalidRule.ID: "engine"}
	for _, a := range all {
		info := a.Info()
		if !namePattern.MatchString(info.Name) || names[info.Name] {
			t.Errorf("analyzer name %q malformed or duplicated", info.Name)
		}
		names[info.Name] = true
		if !slices.Contains(analyzer.Scanners, info.Scanner) {
			t.Errorf("analyzer %s: unknown scanner %q", info.Name, info.Scanner)
		}
		if info.Description == "" {
			t.Errorf("analyzer %s has no description", info.Name)
		}
		_, isFile := a.(analyzer.FileAnalyzer)
		_, isProject := a.(analyzer.ProjectAnalyzer)
		if !isFile && !isProject {
			t.Errorf("analyzer %s is neither a file nor a project analyzer", info.Name)
		}
		for _, r := range a.Rules() {
			if err := r.Validate(); err != nil {
				t.Errorf("analyzer %s: %v", info.Name, err)
			}
			if owner, dup := ruleOwner[r.ID]; dup {
				t.Errorf("rule id %s registered by both %s and %s", r.ID, owner, info.Name)
			}
			ruleOwner[r.ID] = info.Name
			// `rules list --format json` promises the languages of every
			// language-specific (SAST) rule.
			if info.Scanner == analyzer.ScannerSAST && len(r.Languages) == 0 {
				t.Errorf("analyzer %s: rule %s lists no languages", info.Name, r.ID)
			}
		}
	}
}

func TestParseScanners(t *testing.T) {
	got, err := ParseScanners([]string{"secrets,SAST", "secrets"})
	if err != nil || !slices.Equal(got, []string{"sast", "secrets"}) {
		t.Errorf("ParseScanners = %v, %v", got, err)
	}
	if got, _ := ParseScanners(nil); len(got) != len(analyzer.Scanners) {
		t.Errorf("default = %v", got)
	}
	if got, _ := ParseScanners([]string{"all"}); len(got) != len(analyzer.Scanners) {
		t.Errorf("all = %v", got)
	}
	for _, bad := range [][]string{{"sats"}, {","}, {"sast,nope"}} {
		if _, err := ParseScanners(bad); err == nil {
			t.Errorf("ParseScanners(%v) accepted", bad)
		}
	}
}
