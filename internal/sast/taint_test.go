package sast

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
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
		if filepath.Base(dir) == "fuzz" {
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

// TestTaintTraceCrossFile checks the trace of a flow through two helper
// functions in another file.
func TestTaintTraceCrossFile(t *testing.T) {
	dir := "taint/testdata/java"
	a, err := New(Options{RuleFiles: []string{dir}, RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	rep, err := RunDir(context.Background(), a, dir)
	if err != nil || len(rep.Mismatches) > 0 {
		t.Fatalf("run: %v %v", err, rep.Mismatches)
	}
	var got *finding.Finding
	all := collectDir(t, a, dir)
	for i, f := range all {
		if f.Location.Path == "Controller.java" && f.Location.StartLine == 15 {
			got = &all[i]
		}
	}
	if got == nil {
		t.Fatalf("no finding at Controller.java:15 in %d findings", len(all))
	}
	if k := traceKinds(got.Trace); !strings.HasPrefix(k, "source,") || !strings.HasSuffix(k, ",sink") {
		t.Errorf("trace kinds = %s", k)
	}
	inHelper := 0
	for _, s := range got.Trace {
		if s.Location.Path == "QueryHelper.java" {
			inHelper++
		}
	}
	if inHelper < 2 {
		for _, s := range got.Trace {
			t.Logf("%s:%d %s %s", s.Location.Path, s.Location.StartLine, s.Kind, s.Note)
		}
		t.Errorf("trace has %d steps in QueryHelper.java, want the steps through both helpers", inHelper)
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
