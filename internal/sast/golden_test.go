package sast

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestBuiltinFindingsGolden renders every finding of the built-in rules
// over their fixtures (location, metadata, interpolated message) and
// compares with testdata/builtin-findings.golden. Run with -update after
// an intended change.
func TestBuiltinFindingsGolden(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	root := "rules"
	var lines []string
	var files []source.File
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f := source.File{Path: rel, Language: source.DetectLanguage(rel, content)}
		if !a.Wants(&f) || strings.HasSuffix(rel, "_test.go") || !strings.Contains(rel, "/") {
			return nil
		}
		files = append(files, f)
		c := &collector{}
		if err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: content}, c); err != nil {
			return err
		}
		for _, fd := range c.findings {
			l := fd.Location
			lines = append(lines, fmt.Sprintf("%s:%d:%d-%d:%d %s %s/%s %s: %s", l.Path, l.StartLine, l.StartColumn, l.EndLine, l.EndColumn,
				fd.RuleID, fd.Severity, fd.Confidence, fd.CWE, fd.Message))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The taint phase over all fixtures as one project; a taint line ends
	// with the source the trace starts at.
	tc := &collector{}
	proj := &analyzer.Project{Root: root, Files: files, ReadFile: func(p string) ([]byte, error) {
		return os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
	}}
	if err := a.AnalyzeProject(context.Background(), proj, tc); err != nil {
		t.Fatal(err)
	}
	for _, fd := range tc.findings {
		l := fd.Location
		src := ""
		if len(fd.Trace) > 0 {
			s := fd.Trace[0].Location
			src = fmt.Sprintf(" [from %s:%d, %d steps]", s.Path, s.StartLine, len(fd.Trace))
		}
		lines = append(lines, fmt.Sprintf("%s:%d:%d-%d:%d %s %s/%s %s: %s%s", l.Path, l.StartLine, l.StartColumn, l.EndLine, l.EndColumn,
			fd.RuleID, fd.Severity, fd.Confidence, fd.CWE, fd.Message, src))
	}
	slices.Sort(lines)
	// A rule reports a range once: two findings of one rule at the same
	// location are a bug, whatever their messages.
	seen := map[string]bool{}
	for _, l := range lines {
		f := strings.Fields(l)
		if key := f[0] + " " + f[1]; seen[key] {
			t.Errorf("reported twice: %s", key)
		} else {
			seen[key] = true
		}
	}
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "builtin-findings.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("findings differ from %s (-want +got):\n%s", golden, diff)
	}
}
