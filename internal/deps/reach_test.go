package deps

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/deps/reach"
	"github.com/socyber/codeaudit/internal/finding"
)

func TestTraceSteps(t *testing.T) {
	frames := []reach.Frame{
		{Function: "example.com/app.main", Module: "example.com/app", File: "cmd/main.go", Line: 10},
		{Function: "example.com/app/internal/lang.Detect", Module: "example.com/app", File: "internal/lang/lang.go", Line: 22},
		{Function: "golang.org/x/text/language.Parse", Module: "golang.org/x/text", File: "language/parse.go", Line: 5},
	}
	got := traceSteps("services/app", frames)
	want := []finding.TraceStep{
		{Location: finding.Location{Path: "services/app/cmd/main.go", StartLine: 10, EndLine: 10}, Note: "entry point example.com/app.main", Kind: "source"},
		{Location: finding.Location{Path: "services/app/internal/lang/lang.go", StartLine: 22, EndLine: 22}, Note: "example.com/app/internal/lang.Detect calls the vulnerable golang.org/x/text/language.Parse", Kind: "sink"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
}

// TestReachabilityUnavailable: the fixture module's dependencies are not
// in the module cache and the analysis must not fetch them, so it warns
// and leaves the findings at their advisory severity.
func TestReachabilityUnavailable(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	c := run(t, Options{DBDir: testDB(t), Reachability: true}, "testdata/projects/gomod")
	warned := false
	for _, w := range c.warnings {
		if strings.Contains(w, "reachability not analysed") {
			warned = true
		}
	}
	fs := c.byRule(RuleVulnerable)
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		r := f.Properties["reachability"]
		if warned && r != "" {
			t.Errorf("%s marked %s although the analysis failed", f.Properties["advisory_ids"], r)
		}
		if !warned && r == "" && f.Properties["package"] != "stdlib" {
			t.Errorf("%s has no verdict and no warning was given", f.Properties["advisory_ids"])
		}
	}
}

// TestReachabilityVerdicts uses fixture advisories against go-cmp, which
// the module cache holds (this repository depends on it).
func TestReachabilityVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	db := t.TempDir()
	writeZip(t, db+"/Go/all.zip", "testdata/reach/osv/Go")
	c := run(t, Options{DBDir: db, Reachability: true}, "testdata/reach/app")
	got := map[string]string{}
	for _, f := range c.byRule(RuleVulnerable) {
		got[f.Properties["advisory_ids"]] = f.Properties["reachability"] + " " + f.Severity.String()
		if f.Properties["reachability"] == reachReachable {
			if len(f.Trace) == 0 || f.Trace[0].Location.Path != "main.go" || f.Trace[0].Location.StartLine != 12 {
				t.Errorf("trace = %+v, want it to start at main.go:12", f.Trace)
			}
		}
	}
	want := map[string]string{
		"GO-FIXTURE-0101,CVE-0000-0101": "reachable high",
		"GO-FIXTURE-0102":               "unreachable low",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("verdicts (-want +got):\n%s\nwarnings: %v", diff, c.warnings)
	}
}
