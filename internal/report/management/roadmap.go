package management

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/socyber/codeaudit/internal/compliance"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
	"github.com/socyber/codeaudit/internal/source"
)

// containerDirs are directory names that hold components rather than being
// one: a path under them is owned by its first two levels.
var containerDirs = map[string]bool{
	"src": true, "internal": true, "pkg": true, "app": true, "apps": true, "lib": true, "libs": true,
	"cmd": true, "services": true, "packages": true, "modules": true, "components": true, "main": true,
}

// rootComponent is the component of files at the top of the repository.
const rootComponent = "(root)"

// ComponentOf names the owner's area of a file from its path: the first
// directory ("web/handlers/x.go" -> "web"), or the first two when the first
// is a container such as src, internal, pkg, cmd, services or packages
// ("internal/store/users.go" -> "internal/store"). CI files under .github,
// .gitlab-ci.yml and Jenkinsfile are "CI/CD"; files at the root are
// "(root)".
func ComponentOf(path string) string {
	path = strings.TrimPrefix(path, "./")
	base := path[strings.LastIndex(path, "/")+1:]
	switch {
	case strings.HasPrefix(path, ".github/"), strings.HasPrefix(path, ".gitlab"), base == ".gitlab-ci.yml",
		strings.HasPrefix(base, "Jenkinsfile"), strings.HasPrefix(path, ".circleci/"):
		return "CI/CD"
	}
	parts := strings.Split(path, "/")
	switch {
	case len(parts) <= 1:
		return rootComponent
	case len(parts) >= 3 && containerDirs[parts[0]]:
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

func languageOf(path string) string {
	return string(source.DetectLanguage(path, nil))
}

// Exploitability levels.
const (
	Likely   = "likely"
	Possible = "possible"
	Unlikely = "unlikely"
)

// exploitability estimates how readily a finding can be used by an
// attacker, in points: confidence high 3, medium 2, low 1; +1 when a
// source-to-sink trace proves that outside input reaches the weakness; +1
// for a secret (usable as found) or a pipeline injection (triggered by
// anyone who can open an issue or pull request). 4 or more is "likely", 2-3
// "possible", less "unlikely".
func exploitability(f *finding.Finding) (string, int) {
	p := int(f.Confidence) // low 1, medium 2, high 3
	if len(f.Trace) > 0 {
		p++
	}
	if f.Analyzer == "secrets" || f.Analyzer == "pipeline" && strings.Contains(f.RuleID, "injection") {
		p++
	}
	switch {
	case p >= 4:
		return Likely, p
	case p >= 2:
		return Possible, p
	}
	return Unlikely, p
}

// Effort levels.
const (
	EffortLow    = "low"
	EffortMedium = "medium"
	EffortHigh   = "high"
)

// effort estimates the work to fix a finding: a dependency with a fixed
// version (property "fixed_version", or "fixed") is an upgrade, low; without one, medium (a
// replacement or a mitigation). A secret is low (revoke, rotate, move to a
// secret store); a pipeline setting is low. Code with a multi-file trace
// is high (the fix may touch several layers), other code findings medium;
// AI model findings medium (re-export or re-pin a model).
func effort(f *finding.Finding) string {
	switch f.Analyzer {
	case "deps":
		if f.Properties["fixed_version"] != "" || f.Properties["fixed"] != "" {
			return EffortLow
		}
		return EffortMedium
	case "secrets", "pipeline":
		return EffortLow
	case "models":
		return EffortMedium
	}
	files := map[string]bool{}
	for _, st := range f.Trace {
		files[st.Location.Path] = true
	}
	if len(files) > 1 {
		return EffortHigh
	}
	return EffortMedium
}

// bucket places a finding on the roadmap:
//
//	Now:   critical; or high and likely exploitable.
//	Next:  other high; or medium that is likely exploitable or low effort.
//	Later: everything else.
func bucket(sev finding.Severity, exploit, eff string) int {
	switch {
	case sev == finding.Critical, sev == finding.High && exploit == Likely:
		return 0
	case sev == finding.High, sev == finding.Medium && (exploit == Likely || eff == EffortLow):
		return 1
	}
	return 2
}

var bucketMeaning = [3][2]string{
	{"Now", "Fix immediately: critical weaknesses and high-severity ones that are likely exploitable."},
	{"Next", "Plan for the coming weeks: other high-severity weaknesses and medium ones that are exploitable or cheap to fix."},
	{"Later", "Schedule within the normal maintenance cycle."},
}

var effortRank = map[string]int{EffortLow: 0, EffortMedium: 1, EffortHigh: 2}

// roadmap groups the findings into actions (one per rule and component),
// places each in a bucket by its worst finding, and picks what to fix
// first.
func roadmap(fs []finding.Finding, now time.Time, sla map[finding.Severity]int) ([3]Bucket, []*Action) {
	type key struct{ rule, comp string }
	byKey := map[key]*Action{}
	var all []*Action
	buckets := map[*Action]int{}
	for i := range fs {
		f := &fs[i]
		k := key{f.RuleID, ComponentOf(f.Location.Path)}
		a := byKey[k]
		ex, pts := exploitability(f)
		eff := effort(f)
		if a == nil {
			a = &Action{
				Title: cmp.Or(f.Title, f.RuleID), RuleID: f.RuleID, Component: k.comp,
				Fix: fixSummary(f.Remediation), Severity: f.Severity,
				Exploitability: ex, Effort: eff, score: pts, Due: due(now, f.Severity, sla),
			}
			byKey[k] = a
			all = append(all, a)
			buckets[a] = bucket(f.Severity, ex, eff)
		}
		a.Count++
		if len(a.Locations) < maxLocations {
			a.Locations = append(a.Locations, f.Location.String())
		}
		if f.Severity > a.Severity || f.Severity == a.Severity && pts > a.score {
			a.Severity, a.Exploitability, a.score, a.Due = f.Severity, ex, pts, due(now, f.Severity, sla)
		}
		if effortRank[eff] > effortRank[a.Effort] {
			a.Effort = eff
		}
		buckets[a] = min(buckets[a], bucket(a.Severity, a.Exploitability, a.Effort))
	}
	order := func(a, b *Action) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(b.score, a.score),
			cmp.Compare(effortRank[a.Effort], effortRank[b.Effort]), cmp.Compare(b.Count, a.Count),
			cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Component, b.Component))
	}
	slices.SortFunc(all, order)
	var out [3]Bucket
	for i := range out {
		out[i].Name, out[i].Meaning = bucketMeaning[i][0], bucketMeaning[i][1]
	}
	for _, a := range all {
		b := &out[buckets[a]]
		if len(b.Actions) < maxActions {
			b.Actions = append(b.Actions, a)
		} else {
			b.Omitted++
		}
	}
	var first []*Action
	for _, a := range all {
		if len(first) == maxFixFirst || a.Severity <= finding.Low {
			break
		}
		first = append(first, a)
	}
	return out, first
}

// due is the target date of a severity: now plus its SLA days, or zero
// when the severity has no target.
func due(now time.Time, s finding.Severity, sla map[finding.Severity]int) time.Time {
	d := sla[s]
	if d <= 0 || now.IsZero() {
		return time.Time{}
	}
	return now.AddDate(0, 0, d)
}

// summary writes the executive summary from the numbers.
func summary(rep *Report) []string {
	m := rep.Metrics
	c := map[finding.Severity]int{}
	for _, s := range m.BySeverity {
		c[s.Severity] = s.N
	}
	var out []string
	scope := fmt.Sprintf("%s was scanned on %s: %s of code in %s", rep.Application, date(rep.ScanDate),
		phrase(m.Lines, "line", "lines"), phrase(m.Files, "file", "files"))
	if len(rep.Scanners) > 0 {
		scope += ", checking " + scanners(rep.Scanners)
	}
	out = append(out, scope+".")
	if missing := notRun(rep.Scanners); len(rep.Scanners) > 0 && len(missing) > 0 {
		out = append(out, "Not checked in this scan: "+scanners(missing)+"; the controls that depend on them are reported as not assessed.")
	}

	if m.Total == 0 {
		out = append(out, "No open weakness was found by the automated checks that ran.")
	} else {
		s := fmt.Sprintf("%s and %s were found, %s in all", phrase(c[finding.Critical], "critical", "critical"),
			phrase(c[finding.High], "high-severity weakness", "high-severity weaknesses"), phrase(m.Total, "finding", "findings"))
		if m.Lines > 0 {
			s += fmt.Sprintf(" (%.2f per thousand lines of code, not counting informational notes)", m.Density)
		}
		out = append(out, s+".")
	}
	out = append(out, fmt.Sprintf("Overall risk is rated %s because %s.", strings.ToUpper(rep.Risk.Rating), strings.Join(rep.Risk.Reasons, "; ")))
	if len(rep.FixFirst) > 0 {
		var parts []string
		for _, a := range rep.FixFirst[:min(len(rep.FixFirst), maxSummaryActions)] {
			p := sentenceCase(a.Title) + " " + a.Where()
			if !a.Due.IsZero() {
				p += " (by " + date(a.Due) + ")"
			}
			parts = append(parts, p)
		}
		out = append(out, "Fix first: "+strings.Join(parts, "; ")+".")
	}
	var notAssessed, controls int
	for _, fr := range rep.Compliance {
		for _, cr := range fr.Controls {
			controls++
			if cr.Status == compliance.NotAssessed {
				notAssessed++
			}
		}
	}
	out = append(out, fmt.Sprintf("Of %d compliance controls mapped, %d could not be assessed by the checks that ran; automated code review is one input to those assessments, not a certification.", controls, notAssessed))
	if m.Suppressed > 0 || m.Warnings > 0 {
		out = append(out, fmt.Sprintf("%s suppressed (accepted or false positive) and %s reported during the scan are listed in the technical report.",
			phrase(m.Suppressed, "finding was", "findings were"), phrase(m.Warnings, "warning", "warnings")))
	}
	return out
}

var scannerNames = map[string]string{
	"sast": "application code", "secrets": "secrets", "deps": "dependencies",
	"pipeline": "CI/CD pipelines", "models": "AI model files",
}

// notRun lists the scanner groups that did not run, in the usual order.
func notRun(ran []string) []string {
	var out []string
	for _, s := range []string{"sast", "secrets", "deps", "pipeline", "models"} {
		if !slices.Contains(ran, s) {
			out = append(out, s)
		}
	}
	return out
}

func scanners(ss []string) string {
	var names []string
	for _, s := range ss {
		names = append(names, cmp.Or(scannerNames[s], s))
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func date(t time.Time) string {
	if t.IsZero() {
		return "an unknown date"
	}
	return t.Format("2 January 2006")
}

// sentenceCase lowers the first letter of a title for use inside a
// sentence, unless it starts an acronym ("AWS", "SQL").
func sentenceCase(s string) string {
	r := []rune(s)
	if len(r) < 2 || unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// fixSummary is the first paragraph of a remediation as a sentence, when
// the remediation starts with prose: an introduction to an example
// ("...like this:") ends with a full stop, and the example itself, like
// any code, stays in the technical report. The management report speaks
// to people who act on prose.
func fixSummary(rem string) string {
	blocks := view.Remediation(rem)
	if len(blocks) == 0 || blocks[0].Code {
		return ""
	}
	s := strings.Join(blocks[0].Lines, " ")
	if strings.HasSuffix(s, ":") {
		s = strings.TrimSuffix(s, ":") + "."
	}
	return s
}
