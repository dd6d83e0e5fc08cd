// Package ruletest checks analyzers against fixture files annotated with
// expectations in comments, in whatever comment syntax the file uses:
//
//	// ruleid: go.sql.injection
//	db.Query("SELECT * FROM t WHERE id = " + id)
//	// ok: go.sql.injection
//	db.Query("SELECT * FROM t WHERE id = ?", id)
//
// `ruleid: A, B` means the next code line must be reported by each rule
// named; `ok: A` means it must not be. A finding of a rule under test on a
// line with no `ruleid:` for it is a mismatch too, so fixtures cannot hide
// false positives. `todoruleid:` and `todook:` record known gaps: they are
// parsed and skipped.
package ruletest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// Expectation is one annotation applied to a code line.
type Expectation struct {
	Line     int // 1-based line the annotation applies to
	RuleID   string
	Positive bool // ruleid: (true) or ok: (false)
}

var annotation = regexp.MustCompile(`(?://|#|/\*|<!--|--|;|\{\{/\*)\s*(todoruleid|todook|ruleid|ok):\s*([A-Za-z0-9_.,/ -]+)`)

// Parse reads the annotations of a fixture. An annotation applies to the
// next line that is neither blank nor itself an annotation line.
func Parse(content []byte) []Expectation {
	lines := finding.SplitLines(content)
	var out []Expectation
	var pending []Expectation
	for i, line := range lines {
		m := annotation.FindStringSubmatch(line)
		if m != nil {
			kind := m[1]
			if strings.HasPrefix(kind, "todo") {
				continue
			}
			for part := range strings.SplitSeq(m[2], ",") {
				// "ruleid: a.b -- note" and "ok: (" keep only the first word.
				fields := strings.Fields(part)
				if len(fields) == 0 {
					continue
				}
				pending = append(pending, Expectation{RuleID: fields[0], Positive: kind == "ruleid"})
			}
			continue
		}
		if strings.TrimSpace(line) == "" || len(pending) == 0 {
			continue
		}
		for _, p := range pending {
			p.Line = i + 1
			out = append(out, p)
		}
		pending = nil
	}
	return out
}

// Mismatch is one expectation the findings did not meet.
type Mismatch struct {
	Path   string
	Line   int
	RuleID string
	// Kind is "missed" (ruleid: without finding), "false positive" (ok:
	// with a finding) or "unexpected" (a finding with no annotation).
	Kind string
}

func (m Mismatch) String() string {
	return fmt.Sprintf("%s:%d: %s %s", m.Path, m.Line, m.RuleID, m.Kind)
}

// Check compares findings in one file with its expectations. underTest
// says which rule ids the fixture covers: unannotated findings of other
// rules are ignored. A finding counts for the line it starts on.
func Check(path string, exps []Expectation, findings []finding.Finding, underTest func(ruleID string) bool) []Mismatch {
	type key struct {
		line int
		id   string
	}
	got := map[key]bool{}
	for _, f := range findings {
		got[key{f.Location.StartLine, f.RuleID}] = true
	}
	expected := map[key]bool{}
	var out []Mismatch
	for _, e := range exps {
		k := key{e.Line, e.RuleID}
		switch {
		case e.Positive && !got[k]:
			out = append(out, Mismatch{path, e.Line, e.RuleID, "missed"})
		case !e.Positive && got[k]:
			out = append(out, Mismatch{path, e.Line, e.RuleID, "false positive"})
		}
		if e.Positive {
			expected[k] = true
		} else {
			expected[k] = true // already reported as a false positive if found
		}
	}
	for _, f := range findings {
		k := key{f.Location.StartLine, f.RuleID}
		if !expected[k] && underTest(f.RuleID) {
			out = append(out, Mismatch{path, f.Location.StartLine, f.RuleID, "unexpected"})
			expected[k] = true
		}
	}
	slices.SortFunc(out, func(a, b Mismatch) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out
}

// collector is an analyzer.Emitter that keeps everything.
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

// Report is the outcome of running an analyzer over a fixture directory.
type Report struct {
	Mismatches []Mismatch
	// Positives and Negatives count ruleid: and ok: expectations per rule.
	Positives, Negatives map[string]int
	Warnings             []string
	Files                int
}

// RunDir runs a file analyzer over every file below dir it wants (binary
// files included when it asks for them) and checks the annotations. Paths
// in the report are relative to dir. Rules under test are the analyzer's
// own rules.
func RunDir(ctx context.Context, a analyzer.FileAnalyzer, dir string) (*Report, error) {
	rules := map[string]bool{}
	for _, r := range a.Rules() {
		rules[r.ID] = true
	}
	rep := &Report{Positives: map[string]int{}, Negatives: map[string]int{}}
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
		rep.Files++
		c := &collector{}
		if err := a.AnalyzeFile(ctx, &analyzer.Target{File: f, Content: content}, c); err != nil {
			c.Warn(rel, err.Error())
		}
		exps := Parse(content)
		for _, e := range exps {
			if e.Positive {
				rep.Positives[e.RuleID]++
			} else {
				rep.Negatives[e.RuleID]++
			}
		}
		rep.Mismatches = append(rep.Mismatches, Check(rel, exps, c.findings, func(id string) bool { return rules[id] })...)
		rep.Warnings = append(rep.Warnings, c.warnings...)
		return nil
	})
	return rep, err
}

// MinCases is how many positive and negative fixture cases every shipped
// rule must have.
const MinCases = 2

// Coverage lists the rules of a that have fewer than MinCases positive or
// negative cases in the report.
func (r *Report) Coverage(rules []finding.Rule) []string {
	var out []string
	for _, rule := range rules {
		if r.Positives[rule.ID] < MinCases || r.Negatives[rule.ID] < MinCases {
			out = append(out, fmt.Sprintf("%s: %d ruleid / %d ok cases (need %d of each)", rule.ID, r.Positives[rule.ID], r.Negatives[rule.ID], MinCases))
		}
	}
	return out
}
