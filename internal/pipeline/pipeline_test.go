package pipeline

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/ruletest"
	"github.com/socyber/codeaudit/internal/source"
)

func TestRulesValid(t *testing.T) {
	a := New(Options{})
	seen := map[string]bool{}
	for _, r := range a.Rules() {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if seen[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		seen[r.ID] = true
		if !strings.HasPrefix(r.ID, "pipeline.") {
			t.Errorf("rule %s is not in the pipeline namespace", r.ID)
		}
		if r.Remediation == "" || len(r.References) == 0 || r.Description == "" {
			t.Errorf("rule %s lacks description, remediation or references", r.ID)
		}
		if !strings.Contains(r.Remediation, "\n\n    ") {
			t.Errorf("rule %s: remediation has no fixed snippet (an indented block)", r.ID)
		}
	}
}

// TestFixtures runs every fixture under testdata/repo, which is laid out
// like a repository, and checks the ruleid:/ok: annotations both ways and
// that every rule has enough cases.
func TestFixtures(t *testing.T) {
	a := New(Options{})
	rep, err := ruletest.RunDir(context.Background(), a, "testdata/repo")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Mismatches {
		t.Error(m)
	}
	for _, w := range rep.Warnings {
		t.Errorf("warning: %s", w)
	}
	for _, c := range rep.Coverage(a.Rules()) {
		t.Error(c)
	}
	if rep.Files == 0 {
		t.Fatal("no fixture files were wanted")
	}
}

// collector keeps findings for tests.
type collector struct {
	mu       sync.Mutex
	findings []finding.Finding
	warnings []string
}

func (c *collector) Emit(f finding.Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.findings = append(c.findings, f)
}

func (c *collector) Warn(path, msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.warnings = append(c.warnings, path+": "+msg)
}

func analyze(t *testing.T, a *Analyzer, path string, content []byte) *collector {
	t.Helper()
	c := &collector{}
	f := source.File{Path: path, Size: int64(len(content))}
	if !a.Wants(&f) {
		t.Fatalf("%s not wanted", path)
	}
	if err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: content}, c); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// TestSafeWorkflowIsQuiet is the acceptance check: pinned,
// least-privilege pipelines with untrusted values passed through env give
// nothing at medium or above (testdata/safe holds one per system).
func TestSafeWorkflowIsQuiet(t *testing.T) {
	a := New(Options{})
	n := 0
	err := filepath.WalkDir("testdata/safe", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("testdata/safe", p)
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		c := analyze(t, a, filepath.ToSlash(rel), content)
		for _, f := range c.findings {
			if f.Severity >= finding.Medium {
				t.Errorf("%s: %s %s: %s", f.Location, f.RuleID, f.Severity, f.Message)
			}
		}
		for _, w := range c.warnings {
			t.Errorf("warning: %s", w)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 4 {
		t.Fatalf("only %d safe files", n)
	}
}

func TestWants(t *testing.T) {
	a := New(Options{})
	for p, want := range map[string]bool{
		".github/workflows/ci.yml":    true,
		".github/workflows/ci.yaml":   true,
		"sub/.github/workflows/x.yml": true,
		".github/workflows/README.md": false,
		"action.yml":                  true,
		"tools/lint/action.yaml":      true,
		"config.yml":                  false,
		".gitlab-ci.yml":              true,
		"ci/deploy.gitlab-ci.yml":     true,
		".gitlab/ci/build.yml":        true,
		"Jenkinsfile":                 true,
		"deploy/Jenkinsfile.prod":     true,
		"src/Helper.groovy":           false,
		"src/app.go":                  false,
	} {
		if got := a.Wants(&source.File{Path: p}); got != want {
			t.Errorf("Wants(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestDocsCoverEveryRule fails when docs/pipeline.md drifts from the rules.
func TestDocsCoverEveryRule(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "pipeline.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range New(Options{}).Rules() {
		heading := regexp.MustCompile("(?m)^###\\s+`" + regexp.QuoteMeta(r.ID) + "`")
		if !heading.Match(doc) {
			t.Errorf("docs/pipeline.md has no ### `%s` section", r.ID)
		}
		if !strings.Contains(string(doc), r.CWE) {
			t.Errorf("docs/pipeline.md does not mention %s for %s", r.CWE, r.ID)
		}
	}
}
