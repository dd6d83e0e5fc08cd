// Package compliance maps scan results onto security standards and
// regulations: OWASP Top 10 (2025 and 2021) and the CWE Top 25 from
// internal/taxonomy, and ASVS 5.0 chapters, PCI DSS 4.0, DORA, NIS2, GDPR,
// SOC 2, HIPAA and the EU AI Act from an embedded, versioned table
// (data/controls.yaml).
//
// For every control Assess reports which active rules bear on it and which
// findings: a control with no active rule is "not assessed", one with rules
// and no findings has "no findings", never "pass". The result is evidence
// for an assessment, not a certification.
package compliance

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

var (
	//go:embed data/controls.yaml
	controlsYAML []byte
	//go:embed data/NOTICE.md
	notice string
	//go:embed data/ASVS-LICENSE.md
	asvsLicence string
)

// Disclaimer is printed wherever the mapping is shown.
const Disclaimer = "This mapping is evidence for an assessment, not a certification. " +
	"It shows which automated checks ran for each control and what they found; " +
	"a control without findings is not thereby met, and a control with no active check was not assessed."

// Framework is a standard or regulation and the controls we map to it.
type Framework struct {
	ID      string `yaml:"id"`
	Name    string `yaml:"name"`
	Source  string `yaml:"source"`
	Licence string `yaml:"licence"`
	// Controls are in the order the framework lists them.
	Controls []Control `yaml:"controls"`
}

// Control is one requirement of a framework.
type Control struct {
	ID      string `yaml:"id"`
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
	// CWEs bear on the control, with their descendants in the research view.
	CWEs []string `yaml:"cwes"`
	// Analyzers bear on the control with all their rules.
	Analyzers []string `yaml:"analyzers"`
	// All means every security check bears on the control.
	All bool `yaml:"all"`

	owaspYear int // OWASP Top 10 category: matched through taxonomy.OWASP
}

type table struct {
	Version    string      `yaml:"version"`
	Frameworks []Framework `yaml:"frameworks"`
}

var load = sync.OnceValues(func() (*table, error) {
	var t table
	if err := yaml.Unmarshal(controlsYAML, &t); err != nil {
		return nil, fmt.Errorf("compliance: embedded controls.yaml: %w", err)
	}
	return &t, nil
})

// Version is the version of the embedded mapping table.
func Version() string {
	t, err := load()
	if err != nil {
		return "invalid"
	}
	return t.Version
}

// Notices returns the licence notices of the mapping data, for reports and
// evidence packs.
func Notices() string { return notice }

// ASVSLicence returns the full licence text of the ASVS material.
func ASVSLicence() string { return asvsLicence }

// Framework ids in the order reports show them.
const (
	OWASP2025 = "owasp-top10-2025"
	OWASP2021 = "owasp-top10-2021"
	CWETop25  = "cwe-top25-2025"
)

// Frameworks returns every framework, OWASP Top 10 and CWE Top 25 first,
// then the embedded table in its order. The embedded table is checked by
// tests, so an error here means a broken build.
func Frameworks() ([]Framework, error) {
	t, err := load()
	if err != nil {
		return nil, err
	}
	out := []Framework{owasp(2025), owasp(2021), top25(2025)}
	for _, f := range t.Frameworks {
		f.Controls = slices.Clone(f.Controls)
		out = append(out, f)
	}
	return out, nil
}

func owasp(year int) Framework {
	f := Framework{
		ID:      "owasp-top10-" + strconv.Itoa(year),
		Name:    "OWASP Top 10 " + strconv.Itoa(year),
		Source:  "OWASP Top 10 " + strconv.Itoa(year) + " categories and their mapped CWEs",
		Licence: "OWASP Top 10, CC BY-SA 4.0",
	}
	for _, c := range taxonomy.OWASPCategories(year) {
		f.Controls = append(f.Controls, Control{ID: c.ID + ":" + strconv.Itoa(year), Title: c.Title, owaspYear: year})
	}
	return f
}

func top25(year int) Framework {
	f := Framework{
		ID:      "cwe-top25-" + strconv.Itoa(year),
		Name:    "CWE Top 25 (" + strconv.Itoa(year) + ")",
		Source:  "MITRE CWE Top 25 Most Dangerous Software Weaknesses " + strconv.Itoa(year),
		Licence: "MITRE CWE, CWE Terms of Use",
	}
	for i, id := range taxonomy.Top25(year) {
		f.Controls = append(f.Controls, Control{
			ID: "#" + strconv.Itoa(i+1) + " " + id, Title: taxonomy.CWEName(id),
			CWEs: []string{id},
		})
	}
	return f
}

// Matches reports whether a check with this CWE, from this analyzer, bears
// on the control.
func (c *Control) Matches(cwe, analyzer string) bool {
	if c.All {
		return true
	}
	if c.owaspYear != 0 {
		cat, ok := taxonomy.OWASP(cwe, c.owaspYear)
		return ok && cat.ID+":"+strconv.Itoa(c.owaspYear) == c.ID
	}
	if analyzer != "" && slices.Contains(c.Analyzers, analyzer) {
		return true
	}
	if len(c.CWEs) == 0 {
		return false
	}
	n, ok := taxonomy.ParseCWE(cwe)
	if !ok {
		return false
	}
	self := taxonomy.FormatCWE(n)
	if slices.Contains(c.CWEs, self) {
		return true
	}
	for _, a := range taxonomy.Ancestors(self) {
		if slices.Contains(c.CWEs, a) {
			return true
		}
	}
	return false
}

// Status is the outcome of one control.
type Status int

// Statuses, from least to most informative.
const (
	// NotAssessed: no active rule bears on the control.
	NotAssessed Status = iota
	// NoFindings: rules bearing on the control ran and found nothing.
	NoFindings
	// HasFindings: open findings bear on the control.
	HasFindings
)

func (s Status) String() string {
	switch s {
	case NoFindings:
		return "no findings"
	case HasFindings:
		return "findings"
	}
	return "not assessed"
}

// ControlResult is what the scan says about one control.
type ControlResult struct {
	Control Control
	Status  Status
	// Rules are the ids of the active rules bearing on the control.
	Rules []string
	// Findings are indexes into the findings passed to Assess.
	Findings []int
	// BySeverity counts those findings.
	BySeverity map[finding.Severity]int
}

// Label is the one-line verdict shown in reports: "not assessed",
// "no findings (4 rules active)" or "3 findings (4 rules active)".
func (r *ControlResult) Label() string {
	rules := plural(len(r.Rules), "rule") + " active"
	switch r.Status {
	case HasFindings:
		return plural(len(r.Findings), "finding") + " (" + rules + ")"
	case NoFindings:
		return "no findings (" + rules + ")"
	}
	return "not assessed"
}

func plural(n int, w string) string {
	if n == 1 {
		return "1 " + w
	}
	return strconv.Itoa(n) + " " + w + "s"
}

// FrameworkResult is the assessment of one framework.
type FrameworkResult struct {
	Framework Framework
	Controls  []ControlResult
}

// Counts returns how many controls have each status.
func (f *FrameworkResult) Counts() map[Status]int {
	m := map[Status]int{}
	for _, c := range f.Controls {
		m[c.Status]++
	}
	return m
}

// Assess maps the active rules and open findings of a scan onto every
// framework.
func Assess(rules []finding.Rule, findings []finding.Finding) ([]FrameworkResult, error) {
	fws, err := Frameworks()
	if err != nil {
		return nil, err
	}
	out := make([]FrameworkResult, 0, len(fws))
	for _, fw := range fws {
		fr := FrameworkResult{Framework: fw}
		for i := range fw.Controls {
			c := &fw.Controls[i]
			cr := ControlResult{Control: *c, BySeverity: map[finding.Severity]int{}}
			for _, r := range rules {
				if c.Matches(r.CWE, r.Analyzer) {
					cr.Rules = append(cr.Rules, r.ID)
				}
			}
			for j := range findings {
				f := &findings[j]
				if c.Matches(f.CWE, f.Analyzer) {
					cr.Findings = append(cr.Findings, j)
					cr.BySeverity[f.Severity]++
				}
			}
			switch {
			case len(cr.Findings) > 0:
				cr.Status = HasFindings
				// A finding whose rule is not listed still shows the
				// control was checked by that rule.
				for _, j := range cr.Findings {
					if id := findings[j].RuleID; !slices.Contains(cr.Rules, id) {
						cr.Rules = append(cr.Rules, id)
					}
				}
			case len(cr.Rules) > 0:
				cr.Status = NoFindings
			}
			slices.Sort(cr.Rules)
			fr.Controls = append(fr.Controls, cr)
		}
		out = append(out, fr)
	}
	return out, nil
}

// Short names frameworks in one word-ish label for tables and charts.
func (f *Framework) Short() string {
	if i := strings.Index(f.Name, " ("); i > 0 {
		return f.Name[:i]
	}
	return f.Name
}
