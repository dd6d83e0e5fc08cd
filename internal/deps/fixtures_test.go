package deps

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/ruletest"
)

// TestFixtures runs the analyzer over each testdata/fixtures/<case>
// directory as a project and checks the ruleid:/ok: annotations of every
// file with comments, then that every rule has enough cases.
func TestFixtures(t *testing.T) {
	db := testDB(t)
	cases, err := os.ReadDir("testdata/fixtures")
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]bool{}
	for _, r := range rules {
		ours[r.ID] = true
	}
	rep := &ruletest.Report{Positives: map[string]int{}, Negatives: map[string]int{}}
	for _, cs := range cases {
		dir := filepath.Join("testdata/fixtures", cs.Name())
		c := run(t, Options{DBDir: db}, dir)
		byPath := map[string][]finding.Finding{}
		for _, f := range c.findings {
			byPath[f.Location.Path] = append(byPath[f.Location.Path], f)
		}
		for _, f := range project(t, dir).Files {
			if strings.HasSuffix(f.Path, ".json") || strings.HasSuffix(f.Path, ".lock") || strings.HasSuffix(f.Path, ".sum") {
				continue // no comment syntax: covered by table tests
			}
			content, err := os.ReadFile(filepath.Join(dir, f.Path))
			if err != nil {
				t.Fatal(err)
			}
			exps := ruletest.Parse(content)
			for _, e := range exps {
				if e.Positive {
					rep.Positives[e.RuleID]++
				} else {
					rep.Negatives[e.RuleID]++
				}
			}
			for _, m := range ruletest.Check(filepath.Join(cs.Name(), f.Path), exps, byPath[f.Path], func(id string) bool { return ours[id] }) {
				t.Errorf("%s", m)
				for _, f := range byPath[f.Path] {
					if f.Location.StartLine == m.Line {
						t.Logf("  finding: %s", f.Message)
					}
				}
			}
		}
	}
	for _, gap := range rep.Coverage(rules) {
		t.Errorf("coverage: %s", gap)
	}
}
