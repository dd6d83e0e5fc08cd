package management

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/compliance"
	"github.com/socyber/codeaudit/internal/finding"
)

// Section titles, the same in HTML and PDF.
const (
	SectionSummary    = "1. Executive summary"
	SectionMetrics    = "2. Aggregated risk metrics"
	SectionCompliance = "3. Compliance and regulatory overview"
	SectionRoadmap    = "4. Strategic recommendations and roadmap"
	SectionMethod     = "5. Method, glossary and notices"
)

// Sections lists the section titles in order.
var Sections = []string{SectionSummary, SectionMetrics, SectionCompliance, SectionRoadmap, SectionMethod}

// Glossary explains the terms the report uses, in plain words.
var Glossary = [][2]string{
	{"Finding", "One weakness at one place in the code, reported by an automated check (a rule)."},
	{"Severity", "How much harm a weakness could do if exploited: critical, high, medium, low or informational."},
	{"KLOC", "A thousand lines of code, not counting blank lines and comments. Density is findings per KLOC, so applications of different sizes can be compared."},
	{"CWE", "Common Weakness Enumeration: MITRE's catalogue of software weakness types (CWE-89 is SQL injection)."},
	{"OWASP Top 10", "The ten most critical web application security risk categories published by OWASP (2021 and 2025 editions)."},
	{"CWE Top 25", "MITRE's yearly list of the 25 most dangerous software weaknesses."},
	{"Exploitability", "How readily an attacker could use a weakness: likely, possible or unlikely, from the check's confidence, whether a data flow from outside input was proven, and the kind of weakness."},
	{"Effort", "A rough estimate of the work to fix: low (upgrade, rotate, change a setting), medium (a local code change), high (a change across several parts of the code)."},
	{"Not assessed", "No automated check that ran bears on the control. It says nothing about whether the control is met."},
	{"Suppressed", "A finding that a reviewer accepted or marked as a false positive; it is listed in the technical report, not counted here."},
}

// Method explains how the numbers are computed.
func (r *Report) Method() []string {
	sla := make([]string, 0, 4)
	for _, s := range []finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low} {
		if d := r.SLADays[s]; d > 0 {
			sla = append(sla, fmt.Sprintf("%s %d days", s, d))
		}
	}
	return []string{
		"The application was analysed offline by " + r.Tool + ": its source code, secrets, dependencies, CI/CD pipelines and AI model files, as far as the scanners listed above ran. No code was executed and nothing was sent anywhere.",
		"Overall risk rating: a severity-weighted score (10 per critical, 5 per high, 2 per medium, 0.5 per low finding) and its value per KLOC (a code base under 1,000 lines counts as 1,000). Any critical finding makes the rating Critical; otherwise any high finding or a weighted density of 2.0 or more makes it High; any medium finding or 0.5 or more, Medium; else Low.",
		"Roadmap: findings of the same rule in the same component form one action. Now holds critical actions and likely-exploitable high ones; Next other high actions and medium ones that are likely exploitable or cheap to fix; Later the rest. Target dates are the report date plus the days allowed per severity: " + strings.Join(sla, ", ") + ".",
		"Components are the first directory of a file's path, or the first two under container directories such as src, internal, pkg, cmd or services; CI files form the CI/CD component.",
		"Compliance mapping (data version " + r.DataVersion + "): each control lists the weakness types (CWE, with their sub-types) and analyzers that bear on it. A control is \"not assessed\" when no rule that ran bears on it, has \"no findings\" when such rules ran and found nothing, and otherwise shows its findings. " + compliance.Disclaimer,
	}
}

// maxControlFindings bounds the findings named per compliance control.
const maxControlFindings = 5

// ControlFindings names the findings bearing on a control, most severe
// first, one line per title: "SQL query built from user input
// (internal/store/users.go:42:23)" or "Dependency with a known
// vulnerability ×12 (go.mod:3, ...)", at most maxControlFindings lines plus
// "and N more".
func (r *Report) ControlFindings(cr compliance.ControlResult) []string {
	type group struct {
		title string
		locs  []string
		n     int
	}
	var groups []*group
	byTitle := map[string]*group{}
	for _, j := range cr.Findings {
		if j < 0 || j >= len(r.Findings) {
			continue
		}
		f := &r.Findings[j]
		title := cmp.Or(f.Title, f.RuleID)
		g := byTitle[title]
		if g == nil {
			g = &group{title: title}
			byTitle[title] = g
			groups = append(groups, g)
		}
		g.n++
		if loc := f.Location.String(); len(g.locs) < 2 && !slices.Contains(g.locs, loc) {
			g.locs = append(g.locs, loc)
		}
	}
	var out []string
	for i, g := range groups {
		if i == maxControlFindings {
			rest := 0
			for _, g := range groups[i:] {
				rest += g.n
			}
			out = append(out, fmt.Sprintf("and %d more", rest))
			break
		}
		locs := strings.Join(g.locs, ", ")
		if g.n > len(g.locs) {
			locs += ", …"
		}
		if g.n == 1 {
			out = append(out, fmt.Sprintf("%s (%s)", g.title, locs))
		} else {
			out = append(out, fmt.Sprintf("%s ×%d (%s)", g.title, g.n, locs))
		}
	}
	return out
}

// FrameworkLine summarises a framework's controls: "18 controls: 5 with
// findings, 3 checked without findings, 10 not assessed."
func FrameworkLine(fr compliance.FrameworkResult) string {
	n := fr.Counts()
	return fmt.Sprintf("%d controls: %d with findings, %d checked without findings, %d not assessed.",
		len(fr.Controls), n[compliance.HasFindings], n[compliance.NoFindings], n[compliance.NotAssessed])
}
