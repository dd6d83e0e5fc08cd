package sast

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/ruletest"
	"github.com/socyber/codeaudit/internal/source"
)

// TestRules implements `codeaudit rules test DIR`: it loads the rule
// files below dir (plus extraRuleFiles), runs only those rules over every
// other file below dir (Semgrep's layout: foo.yaml next to foo.py,
// foo.go, ...) and checks the `ruleid:` / `ok:` annotations. The caller
// reports rep.Mismatches and rep.Coverage(rules) (rules with fewer than
// two positive or two negative cases).
func TestRules(ctx context.Context, dir string, extraRuleFiles ...string) (rep *ruletest.Report, rules []finding.Rule, err error) {
	a, err := NewContext(ctx, Options{RuleFiles: append([]string{dir}, extraRuleFiles...), RulesOnly: true})
	if err != nil {
		return nil, nil, err
	}
	defer a.Close()
	rep, err = RunDir(ctx, a, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("testing rules in %s: %w", dir, err)
	}
	return rep, a.Rules(), nil
}

// RunDir is ruletest.RunDir for both phases of the analyzer: pattern
// rules per file and taint rules over the whole directory as one project,
// so that fixtures can hold flows across files.
func RunDir(ctx context.Context, a *Analyzer, dir string) (*ruletest.Report, error) {
	rules := map[string]bool{}
	for _, r := range a.Rules() {
		rules[r.ID] = true
	}
	// A taint rule is checked only in the fixtures named after its rule
	// file (taint-web.yaml: taint-web.js, taint_web_helpers.py,
	// TaintWeb.java), since a flow needs a source and a sink that other
	// rules' fixtures do not arrange.
	taintStem := map[string]string{}
	for _, r := range a.set.Rules {
		if r.Taint != nil {
			taintStem[r.Meta.ID] = fixtureStem(r.File)
		}
	}
	underTest := func(file string) func(string) bool {
		stem := fixtureStem(file)
		return func(id string) bool {
			if ts, ok := taintStem[id]; ok {
				return strings.HasPrefix(stem, ts)
			}
			return rules[id]
		}
	}
	rep := &ruletest.Report{Positives: map[string]int{}, Negatives: map[string]int{}}
	c := &dirCollector{byPath: map[string][]finding.Finding{}}
	files, contents, err := runPhasesFiles(ctx, a, dir, c)
	if err != nil {
		return nil, err
	}
	rep.Files = len(files)
	for _, f := range files {
		exps := ruletest.Parse(contents[f.Path])
		for _, e := range exps {
			if e.Positive {
				rep.Positives[e.RuleID]++
			} else {
				rep.Negatives[e.RuleID]++
			}
		}
		rep.Mismatches = append(rep.Mismatches, ruletest.Check(f.Path, exps, c.byPath[f.Path], underTest(f.Path))...)
	}
	rep.Warnings = c.warnings
	return rep, nil
}

// runPhases runs both phases over the files below dir.
func runPhases(ctx context.Context, a *Analyzer, dir string, c *dirCollector) error {
	_, _, err := runPhasesFiles(ctx, a, dir, c)
	return err
}

func runPhasesFiles(ctx context.Context, a *Analyzer, dir string, c *dirCollector) ([]source.File, map[string][]byte, error) {
	proj := &analyzer.Project{Root: dir, ReadFile: func(p string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	}}
	contents := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f := source.File{Path: rel, Abs: p, Size: int64(len(content)), Language: source.DetectLanguage(rel, content)}
		if !a.Wants(&f) {
			return nil
		}
		contents[rel] = content
		proj.Files = append(proj.Files, f)
		if err := a.AnalyzeFile(ctx, &analyzer.Target{File: f, Content: content}, c); err != nil {
			c.Warn(rel, err.Error())
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if err := a.AnalyzeProject(ctx, proj, c); err != nil {
		return nil, nil, err
	}
	return proj.Files, contents, nil
}

// dirCollector keeps findings by file.
type dirCollector struct {
	mu       sync.Mutex
	byPath   map[string][]finding.Finding
	all      []finding.Finding
	warnings []string
}

func (c *dirCollector) Emit(f finding.Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byPath[f.Location.Path] = append(c.byPath[f.Location.Path], f)
	c.all = append(c.all, f)
}

func (c *dirCollector) Warn(path, msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.warnings = append(c.warnings, path+": "+msg)
}

// fixtureStem is a file's base name without extension, lower-cased and
// without - and _: "taint-web.yaml" and "TaintWeb.java" give "taintweb".
func fixtureStem(p string) string {
	b := path.Base(filepath.ToSlash(p))
	b = strings.TrimSuffix(b, path.Ext(b))
	b = strings.ToLower(b)
	return strings.NewReplacer("-", "", "_", "", ".", "").Replace(b)
}
