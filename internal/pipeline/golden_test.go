package pipeline

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

// TestGolden locks every finding on the fixtures (position, severity,
// confidence and message) so that changes show up in review. Run with
// -update to accept them.
func TestGolden(t *testing.T) {
	a := New(Options{})
	var lines []string
	err := filepath.WalkDir("testdata/repo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("testdata/repo", p)
		f := source.File{Path: filepath.ToSlash(rel)}
		if !a.Wants(&f) {
			return nil
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		c := &collector{}
		if err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: content}, c); err != nil {
			return err
		}
		for _, x := range c.findings {
			l := x.Location
			lines = append(lines, fmt.Sprintf("%s:%d:%d-%d:%d %s %s/%s %s", l.Path, l.StartLine, l.StartColumn, l.EndLine, l.EndColumn, x.RuleID, x.Severity, x.Confidence, x.Message))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(lines)
	got := strings.Join(lines, "\n") + "\n"
	const golden = "testdata/findings.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("findings differ from %s (-want +got); run go test -update if intended:\n%s", golden, diff)
	}
}
