package policy

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

// collector is an analyzer.Emitter that keeps what it is given.
type collector struct {
	findings []finding.Finding
	warnings []string
}

func (c *collector) Emit(f finding.Finding) { c.findings = append(c.findings, f) }
func (c *collector) Warn(path, msg string)  { c.warnings = append(c.warnings, path+": "+msg) }
func (c *collector) lines() (out []string) {
	for _, f := range c.findings {
		l := fmt.Sprintf("%s %s [%s] %s", f.Location, f.RuleID, f.CWE, f.Message)
		var props []string
		for k, v := range f.Properties {
			props = append(props, k+"="+v)
		}
		slices.Sort(props)
		l += "\n\tproperties: " + strings.Join(props, " ")
		for _, s := range f.Trace {
			l += fmt.Sprintf("\n\ttrace %s: %s", s.Location, s.Note)
		}
		out = append(out, l)
	}
	return out
}

func analyze(t testing.TB, a *Analyzer, path string, content []byte) *collector {
	t.Helper()
	f := source.File{Path: path, Size: int64(len(content)), Language: source.DetectLanguage(path, content)}
	c := &collector{}
	if !a.Wants(&f) {
		return c
	}
	if err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: content}, c); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// TestGolden pins the complete findings (locations, messages,
// properties, traces) for the fixtures.
func TestGolden(t *testing.T) {
	dir := filepath.Join("testdata", "fixtures")
	a, err := New(Options{Files: []string{filepath.Join(dir, "policies.yaml")}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		content, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		c := analyze(t, a, e.Name(), content)
		got = append(got, c.lines()...)
		got = append(got, c.warnings...)
	}
	golden := filepath.Join("testdata", "fixtures.golden")
	text := strings.Join(got, "\n") + "\n"
	if *update {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), text); diff != "" {
		t.Errorf("findings differ from %s (-want +got; rerun with -update to accept):\n%s", golden, diff)
	}
}
