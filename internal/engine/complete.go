package engine

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/source"
	"github.com/socyber/codeaudit/internal/suppress"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

// completeOne fills what the engine owns: classification, snippet and base
// fingerprint. An analyzer that set its own snippet (redacted secrets) or
// fingerprint keeps them.
func completeOne(f *finding.Finding, lines []string) {
	f.Classify()
	if f.Location.EndLine < f.Location.StartLine {
		f.Location.EndLine = f.Location.StartLine
	}
	if f.Snippet == nil && lines != nil {
		f.Snippet = finding.MakeSnippet(lines, f.Location.StartLine, f.Location.EndLine)
	}
	if f.Fingerprint == "" {
		f.Fingerprint = finding.Fingerprint(f.RuleID, f.Location.Path, lines, f.Location.StartLine, f.Location.EndLine)
	}
}

// complete finishes findings not completed during the file phase (those of
// project analyzers, or of files analysed under another path), applies
// suppressions, disambiguates fingerprints and sorts.
func (s *scan) complete() {
	byPath := map[string][]int{}
	for i := range s.findings {
		f := &s.findings[i]
		f.Location.Path = cleanPath(f.Location.Path)
		if f.Location.Revision != "" {
			// Another version of the file: the analyzer owns snippet and
			// suppressions; only classify and fingerprint.
			completeOne(f, nil)
			continue
		}
		if f.Fingerprint == "" || f.Snippet == nil && !s.analyzed[f.Location.Path] {
			byPath[f.Location.Path] = append(byPath[f.Location.Path], i)
		}
	}
	for p, idx := range byPath {
		var lines []string
		if p != "" {
			if content, err := s.readFile(p); err == nil && !looksBinary(content) {
				lines = finding.SplitLines(content)
				if _, ok := s.inlines[p]; !ok {
					s.inlines[p] = suppress.ParseInline(p, content)
				}
			}
		}
		for _, i := range idx {
			completeOne(&s.findings[i], lines)
		}
	}

	for i := range s.findings {
		f := &s.findings[i]
		f.Classify()
		if f.Suppression != nil {
			continue
		}
		if f.Location.Revision != "" {
			if sup := s.opts.Suppress.Match(f); sup != nil {
				f.Suppression = sup
			}
			continue
		}
		if sup := s.inlines[f.Location.Path].Match(f); sup != nil {
			f.Suppression = sup
		} else if sup := s.opts.Suppress.Match(f); sup != nil {
			f.Suppression = sup
		}
	}

	s.findings = mergeSameWeakness(s.findings)
	slices.SortStableFunc(s.findings, compareFindings)
	// Identical code flagged by the same rule in one file shares a base
	// fingerprint; number the repeats in file order. The baseline match
	// above used base fingerprints, so re-check the numbered ones.
	seen := map[string]int{}
	for i := range s.findings {
		f := &s.findings[i]
		seen[f.Fingerprint]++
		if n := seen[f.Fingerprint]; n > 1 {
			f.Fingerprint = finding.Disambiguate(f.Fingerprint, n)
			if f.Suppression != nil && f.Suppression.Kind == "baseline" {
				f.Suppression = nil
				if sup := s.opts.Suppress.Match(f); sup != nil {
					f.Suppression = sup
				}
			}
		}
	}
	slices.SortStableFunc(s.findings, func(a, b finding.Finding) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), compareFindings(a, b))
	})
}

// compareFindings orders by location then rule, for stable output.
func compareFindings(a, b finding.Finding) int {
	return cmp.Or(
		strings.Compare(a.Location.Path, b.Location.Path),
		cmp.Compare(a.Location.StartLine, b.Location.StartLine),
		cmp.Compare(a.Location.StartColumn, b.Location.StartColumn),
		strings.Compare(a.RuleID, b.RuleID),
		strings.Compare(a.Message, b.Message),
	)
}

func cleanPath(p string) string {
	if p == "" {
		return ""
	}
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	return strings.TrimPrefix(p, "./")
}

func looksBinary(content []byte) bool {
	head := content[:min(len(content), 8000)]
	return slices.Contains(head, 0)
}

func (s *scan) stats() result.Stats {
	st := result.Stats{
		FilesScanned: s.scanned,
		FilesSkipped: map[source.SkipReason]int{},
		Languages:    s.langs,
	}
	for _, sk := range s.inv.Skipped {
		st.FilesSkipped[sk.Reason]++
	}
	if len(st.FilesSkipped) == 0 {
		st.FilesSkipped = nil
	}
	for _, l := range s.langs {
		st.LinesOfCode += l.Code
	}
	return st
}

// mergeSameWeakness keeps one open finding per file, line and CWE. A
// pattern rule and a taint rule often flag the same call (a shell command
// built from a variable, and the request data that reaches it); reporting
// both makes one flaw look like two. The kept finding is the most
// confident, then the most severe, then the one with a trace; the others'
// rule ids are listed in its "also_reported_by" property. Suppressed
// findings are left alone. Then mergeRefined folds a finding into a more
// precise one of the same analyzer on the same line.
func mergeSameWeakness(fs []finding.Finding) []finding.Finding {
	type key struct {
		path string
		line int
		cwe  string
	}
	best := map[key]int{}
	merged := map[int][]string{}
	drop := make([]bool, len(fs))
	better := func(a, b *finding.Finding) bool {
		if a.Confidence != b.Confidence {
			return a.Confidence > b.Confidence
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if (len(a.Trace) > 0) != (len(b.Trace) > 0) {
			return len(a.Trace) > 0
		}
		return a.RuleID < b.RuleID
	}
	for i := range fs {
		f := &fs[i]
		if f.Suppression != nil || f.CWE == "" || f.Location.StartLine == 0 {
			continue
		}
		k := key{f.Location.Path, f.Location.StartLine, f.CWE}
		j, seen := best[k]
		if !seen {
			best[k] = i
			continue
		}
		if f.RuleID == fs[j].RuleID {
			continue // the same rule twice on a line is two findings
		}
		if better(f, &fs[j]) {
			drop[j] = true
			merged[i] = append(append(merged[i], fs[j].RuleID), merged[j]...)
			delete(merged, j)
			best[k] = i
		} else {
			drop[i] = true
			merged[j] = append(merged[j], f.RuleID)
		}
	}
	mergeRefined(fs, drop, merged)
	out := fs[:0]
	for i := range fs {
		if drop[i] {
			continue
		}
		if others := merged[i]; len(others) > 0 {
			f := &fs[i]
			props := make(map[string]string, len(f.Properties)+1)
			for k, v := range f.Properties {
				props[k] = v
			}
			slices.Sort(others)
			props["also_reported_by"] = strings.Join(slices.Compact(others), ",")
			f.Properties = props
		}
		out = append(out, fs[i])
	}
	return out
}

// mergeRefined drops an open finding when another open finding of the same
// analyzer on the same line names a weakness that descends from its CWE in
// MITRE's research view: MD5 over a password is a weak hash (CWE-328) and,
// more precisely, a fast password hash (CWE-916); reporting both makes one
// flaw look like two, and the precise CWE is the one to act on. The dropped
// rule ids join the kept finding's merged list. Findings of different
// analyzers are independent evidence and stay apart.
func mergeRefined(fs []finding.Finding, drop []bool, merged map[int][]string) {
	type key struct {
		path     string
		line     int
		analyzer string
	}
	groups := map[key][]int{}
	for i := range fs {
		f := &fs[i]
		if drop[i] || f.Suppression != nil || f.CWE == "" || f.Location.StartLine == 0 {
			continue
		}
		k := key{f.Location.Path, f.Location.StartLine, f.Analyzer}
		groups[k] = append(groups[k], i)
	}
	for _, idx := range groups {
		if len(idx) < 2 {
			continue
		}
		for _, i := range idx {
			ancestors := taxonomy.Ancestors(fs[i].CWE)
			if len(ancestors) == 0 {
				continue
			}
			for _, j := range idx {
				if i == j || drop[j] || fs[j].CWE == fs[i].CWE || !slices.Contains(ancestors, fs[j].CWE) {
					continue
				}
				// fs[i] refines fs[j]: keep the precise one.
				drop[j] = true
				merged[i] = append(append(merged[i], fs[j].RuleID), merged[j]...)
				delete(merged, j)
			}
		}
	}
}
