package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// hazardLine names the rule a hazard workflow must trigger.
var hazardLine = regexp.MustCompile(`(?m)^# hazard: (pipeline\.[a-z0-9.-]+)$`)

// minHazardsFlagged is the acceptance threshold of the issue: at least 20
// of the 22 hazard classes are flagged.
const minHazardsFlagged = 20

// TestHazardCorpus audits testdata/hazards, one hazard class per workflow
// (written for this test, independent of the rule fixtures), and checks
// that each file's rule fires on it.
func TestHazardCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/hazards/*.yml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 22 {
		t.Fatalf("%d hazard workflows, want 22", len(files))
	}
	a := New(Options{})
	flagged := 0
	for _, f := range files {
		content, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := hazardLine.FindSubmatch(content)
		if m == nil {
			t.Errorf("%s: no '# hazard: rule' line", f)
			continue
		}
		want := string(m[1])
		c := analyze(t, a, ".github/workflows/"+filepath.Base(f), content)
		hit := false
		for _, fd := range c.findings {
			if fd.RuleID == want {
				hit = true
			}
		}
		if hit {
			flagged++
		} else {
			t.Errorf("%s: %s not reported", filepath.Base(f), want)
		}
		for _, w := range c.warnings {
			t.Errorf("warning: %s", w)
		}
	}
	t.Logf("%d of %d hazard workflows flagged", flagged, len(files))
	if flagged < minHazardsFlagged {
		t.Errorf("only %d hazard workflows flagged, want at least %d", flagged, minHazardsFlagged)
	}
}
