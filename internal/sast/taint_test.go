package sast

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/ruletest"
)

// TestTaintFixtures runs the taint fixture directories: each holds rule
// files and code files annotated with ruleid: / ok:, analysed as one
// project so that flows cross files.
func TestTaintFixtures(t *testing.T) {
	dirs, err := filepath.Glob("taint/testdata/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixture dirs: %v", err)
	}
	for _, dir := range dirs {
		if b := filepath.Base(dir); b == "fuzz" || b == "frameworks" {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			rep, rules, err := TestRules(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d files, positives %v, negatives %v", rep.Files, rep.Positives, rep.Negatives)
			for _, m := range rep.Mismatches {
				t.Errorf("%s", m)
			}
			for _, w := range rep.Warnings {
				t.Logf("warning: %s", w)
			}
			if gaps := rep.Coverage(rules); len(gaps) > 0 {
				t.Errorf("coverage: %s", strings.Join(gaps, "; "))
			}
		})
	}
}

func traceKinds(tr []finding.TraceStep) string {
	var out []string
	for _, s := range tr {
		out = append(out, s.Kind)
	}
	return strings.Join(out, ",")
}

// TestTaintTraceCrossFile checks, in each language, the trace of a flow
// from a request source through two helper functions in another file to
// a sink: it starts at the source, passes through both helpers (lines in
// the helper file inside each of them) and ends at the sink.
func TestTaintTraceCrossFile(t *testing.T) {
	tests := []struct {
		dir string
		// The finding: sink file and line; the source's line in the same
		// file.
		file             string
		sinkLine, source int
		// The helper file and the line ranges of the two helpers in it.
		helper       string
		outer, inner [2]int
	}{
		{"java", "Twins.java", 20, 16, "TwinHelpers.java", [2]int{10, 13}, [2]int{15, 19}},
		{"python", "reports.py", 13, 10, "report_queries.py", [2]int{4, 6}, [2]int{9, 11}},
		{"javascript", "orders.js", 13, 10, "queries.js", [2]int{8, 11}, [2]int{3, 6}},
		{"go", "invoices.go", 25, 22, "billing/queries.go", [2]int{10, 13}, [2]int{15, 21}},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			dir := filepath.Join("taint", "testdata", tc.dir)
			a, err := New(Options{RuleFiles: []string{dir}, RulesOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			var got *finding.Finding
			all := collectDir(t, a, dir)
			for i, f := range all {
				if f.Location.Path == tc.file && f.Location.StartLine == tc.sinkLine {
					got = &all[i]
				}
			}
			if got == nil {
				t.Fatalf("no finding at %s:%d in %d findings", tc.file, tc.sinkLine, len(all))
			}
			defer func() {
				if t.Failed() || testing.Verbose() {
					for _, s := range got.Trace {
						t.Logf("%s:%d %s %s", s.Location.Path, s.Location.StartLine, s.Kind, s.Note)
					}
				}
			}()
			tr := got.Trace
			if len(tr) < 4 {
				t.Fatalf("trace has %d steps, want source, steps in both helpers, sink", len(tr))
			}
			first, last := tr[0], tr[len(tr)-1]
			if first.Kind != "source" || first.Location.Path != tc.file || first.Location.StartLine != tc.source {
				t.Errorf("first step = %s %s:%d, want the source at %s:%d", first.Kind, first.Location.Path, first.Location.StartLine, tc.file, tc.source)
			}
			if last.Kind != "sink" || last.Location.Path != tc.file || last.Location.StartLine != tc.sinkLine {
				t.Errorf("last step = %s %s:%d, want the sink at %s:%d", last.Kind, last.Location.Path, last.Location.StartLine, tc.file, tc.sinkLine)
			}
			in := func(r [2]int) bool {
				for _, s := range tr[1 : len(tr)-1] {
					if s.Location.Path == tc.helper && s.Location.StartLine >= r[0] && s.Location.StartLine <= r[1] {
						return true
					}
				}
				return false
			}
			if !in(tc.outer) || !in(tc.inner) {
				t.Errorf("trace does not pass through both helpers of %s (lines %v and %v)", tc.helper, tc.outer, tc.inner)
			}
			// Steps are in order: the helper steps come between the call
			// in the caller's file and the sink.
			for i := 1; i < len(tr); i++ {
				if tr[i].Location == tr[i-1].Location && tr[i].Kind == tr[i-1].Kind {
					t.Errorf("step %d repeats step %d", i, i-1)
				}
			}
		})
	}
}

// collectDir runs both phases over dir and returns every finding.
func collectDir(t *testing.T, a *Analyzer, dir string) []finding.Finding {
	t.Helper()
	c := &dirCollector{byPath: map[string][]finding.Finding{}}
	if err := runPhases(context.Background(), a, dir, c); err != nil {
		t.Fatal(err)
	}
	return c.all
}

// TestBuiltinTaintFrameworkSources runs the built-in packs over one
// handler per framework idiom (Servlet API, Spring annotations, Flask,
// Django, FastAPI, Express, Koa, net/http, gin, echo, chi, gorilla/mux)
// and checks the annotations of the taint rules only.
func TestBuiltinTaintFrameworkSources(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	dir := filepath.Join("taint", "testdata", "frameworks")
	c := &dirCollector{byPath: map[string][]finding.Finding{}}
	files, contents, err := runPhasesFiles(context.Background(), a, dir, c)
	if err != nil {
		t.Fatal(err)
	}
	isTaint := func(id string) bool { return strings.Contains(id, ".taint.") }
	langs := map[string]int{}
	for _, f := range files {
		exps := ruletest.Parse(contents[f.Path])
		for _, e := range exps {
			if !isTaint(e.RuleID) {
				t.Errorf("%s:%d: annotation for %s, want taint rules only", f.Path, e.Line, e.RuleID)
			}
			if e.Positive {
				langs[f.Path]++
			}
		}
		for _, m := range ruletest.Check(f.Path, exps, c.byPath[f.Path], isTaint) {
			t.Errorf("%s", m)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !hasPrefixKey(langs, e.Name()+"/") {
			t.Errorf("no positive case under %s", e.Name())
		}
	}
}

func hasPrefixKey(m map[string]int, prefix string) bool {
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}
