package management

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/socyber/codeaudit/internal/compliance"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
	"github.com/socyber/codeaudit/internal/result"
)

// DefaultSLADays are the days allowed to fix a finding of each severity
// (critical 7, high 30, medium 90, low 120); info findings have no target.
var DefaultSLADays = map[finding.Severity]int{finding.Critical: 7, finding.High: 30, finding.Medium: 90, finding.Low: 120}

// Limits that keep the report readable whatever the scan size.
const (
	maxFixFirst       = 5  // actions listed under "what to fix first"
	maxSummaryActions = 3  // of which named in the summary's text
	maxActions        = 40 // actions listed per roadmap bucket
	maxComponents     = 12 // components in the chart and table
	maxLocations      = 3  // locations named per action
	maxControlRefs    = 8  // rule ids named per compliance control
)

// Options are the choices of the management report.
type Options struct {
	// Organisation and Application name the subject on the cover.
	Organisation string
	Application  string
	// Now is the report date target dates count from; zero means the
	// scan's finish time (so a report from a saved result is reproducible).
	Now time.Time
	// SLADays overrides DefaultSLADays per severity; missing severities
	// keep their default, a value <= 0 means "no target date".
	SLADays map[finding.Severity]int
}

// Report is the management report of one scan.
type Report struct {
	Title        string
	Organisation string
	Application  string
	Target       string
	Tool         string
	ScanDate     time.Time
	Date         time.Time
	Scanners     []string
	DataVersion  string

	Risk     Risk
	Summary  []string // executive summary paragraphs
	FixFirst []*Action

	Metrics Metrics

	Compliance []compliance.FrameworkResult
	Disclaimer string

	Roadmap  [3]Bucket // now, next, later
	SLADays  map[finding.Severity]int
	Findings []finding.Finding // open findings, sorted, which compliance indexes refer to
}

// Risk is the overall rating and the reasons for it.
type Risk struct {
	// Rating is "Critical", "High", "Medium" or "Low".
	Rating string
	// Score is the severity-weighted number of findings (see rate).
	Score float64
	// PerKLOC is Score per thousand lines of code.
	PerKLOC float64
	Reasons []string
}

// Metrics are the aggregated numbers.
type Metrics struct {
	Files      int
	Lines      int
	Total      int
	Suppressed int
	Warnings   int
	// Density is open findings (without info) per thousand lines of code,
	// counting a code base under 1,000 lines as 1,000 (so a tiny project
	// is not rated by a meaningless ratio); zero when the line count is
	// unknown.
	Density    float64
	BySeverity []Count
	ByLanguage []LanguageDensity
	ByCategory []Count // OWASP Top 10 2025
	ByArea     []Count // code, secrets, dependencies, pipelines, AI models
	// ByComponent has the largest components, counted per severity.
	ByComponent []Component
	// AttackSurface is the number of entry points when the scan measured
	// it, -1 otherwise.
	AttackSurface int
}

// Count is one labelled number.
type Count struct {
	Label    string
	N        int
	Severity finding.Severity // set for severity counts
}

// LanguageDensity is the finding density of one language.
type LanguageDensity struct {
	Language string
	Lines    int
	Findings int
	Density  float64
}

// Component is an owner's area of the code base with its findings.
type Component struct {
	Name       string
	BySeverity map[finding.Severity]int
	Total      int
}

// Bucket is one stage of the roadmap.
type Bucket struct {
	Name    string // "Now", "Next", "Later"
	Meaning string
	Actions []*Action
	// Omitted counts actions not listed because of maxActions.
	Omitted int
}

// Action is one remediation task: the findings of one rule in one
// component.
type Action struct {
	Title          string
	RuleID         string
	Severity       finding.Severity
	Count          int
	Component      string
	Locations      []string
	Exploitability string // "likely", "possible", "unlikely"
	Effort         string // "low", "medium", "high"
	Due            time.Time
	Fix            string // first paragraph of the remediation
	score          int
}

// Where names the action's component for a sentence: "in web", "at the
// repository root".
func (a Action) Where() string {
	if a.Component == rootComponent {
		return "at the repository root"
	}
	return "in " + a.Component
}

// Build computes the management report of a result.
func Build(res *result.Result, opts Options) (*Report, error) {
	if res == nil {
		return nil, fmt.Errorf("management: nil result")
	}
	rep := &Report{
		Organisation: opts.Organisation,
		Application:  cmp.Or(opts.Application, res.Target),
		Target:       res.Target,
		Tool:         strings.TrimSpace(cmp.Or(res.Tool.Name, "codeaudit") + " " + res.Tool.Version),
		ScanDate:     res.StartedAt.UTC(),
		Date:         opts.Now.UTC(),
		Scanners:     res.Scanners,
		DataVersion:  compliance.Version(),
		Disclaimer:   compliance.Disclaimer,
		Findings:     view.Sorted(res.Findings),
		SLADays:      maps.Clone(DefaultSLADays),
	}
	if opts.Now.IsZero() {
		rep.Date = cmp.Or(res.FinishedAt, res.StartedAt).UTC()
	}
	maps.Copy(rep.SLADays, opts.SLADays)
	rep.Title = "Application security report: " + cmp.Or(rep.Application, ".")
	rep.Metrics = metrics(res, rep.Findings)
	rep.Risk = rate(rep.Metrics)
	var err error
	if rep.Compliance, err = compliance.Assess(res.Rules, rep.Findings); err != nil {
		return nil, fmt.Errorf("management: %w", err)
	}
	rep.Roadmap, rep.FixFirst = roadmap(rep.Findings, rep.Date, rep.SLADays)
	rep.Summary = summary(rep)
	return rep, nil
}

func metrics(res *result.Result, fs []finding.Finding) Metrics {
	m := Metrics{
		Files: res.Stats.FilesScanned, Lines: res.Stats.LinesOfCode, Total: len(fs),
		Suppressed: len(res.Suppressed), Warnings: len(res.Warnings), AttackSurface: -1,
	}
	counts := map[finding.Severity]int{}
	byLang := map[string]int{}
	byCat := map[string]int{}
	byArea := map[string]int{}
	comps := map[string]*Component{}
	for i := range fs {
		f := &fs[i]
		counts[f.Severity]++
		cat := "Not in the OWASP Top 10"
		if f.OWASP2025 != nil && f.OWASP2025.ID != "" {
			cat = f.OWASP2025.ID + " " + f.OWASP2025.Title
		}
		byCat[cat]++
		byArea[area(f.Analyzer)]++
		c := comps[ComponentOf(f.Location.Path)]
		if c == nil {
			c = &Component{Name: ComponentOf(f.Location.Path), BySeverity: map[finding.Severity]int{}}
			comps[c.Name] = c
		}
		c.BySeverity[f.Severity]++
		c.Total++
		if f.Severity > finding.Info {
			if lang := languageOf(f.Location.Path); lang != "" {
				byLang[lang]++
			}
		}
	}
	for _, s := range finding.Severities {
		m.BySeverity = append(m.BySeverity, Count{Label: title(s.String()), N: counts[s], Severity: s})
	}
	if m.Lines > 0 {
		m.Density = float64(m.Total-counts[finding.Info]) / kloc(m.Lines)
	}
	for _, l := range slices.Sorted(maps.Keys(res.Stats.Languages)) {
		n := res.Stats.Languages[l]
		ld := LanguageDensity{Language: string(l), Lines: n.Code, Findings: byLang[string(l)]}
		if n.Code > 0 {
			ld.Density = float64(ld.Findings) / kloc(n.Code)
		}
		m.ByLanguage = append(m.ByLanguage, ld)
	}
	m.ByCategory = sortedCounts(byCat)
	for _, a := range areas {
		m.ByArea = append(m.ByArea, Count{Label: a, N: byArea[a]})
	}
	for _, c := range comps {
		m.ByComponent = append(m.ByComponent, *c)
	}
	slices.SortFunc(m.ByComponent, func(a, b Component) int {
		return cmp.Or(cmp.Compare(weight(b.BySeverity), weight(a.BySeverity)), cmp.Compare(b.Total, a.Total), cmp.Compare(a.Name, b.Name))
	})
	if len(m.ByComponent) > maxComponents {
		m.ByComponent = m.ByComponent[:maxComponents]
	}
	return m
}

func sortedCounts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Label: k, N: n})
	}
	slices.SortFunc(out, func(a, b Count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Label, b.Label)) })
	return out
}

// areas are the kinds of weakness, one per analyzer, in report order.
var areas = []string{"Application code", "Secrets", "Dependencies", "CI/CD pipelines", "AI models"}

func area(analyzer string) string {
	switch analyzer {
	case "secrets":
		return "Secrets"
	case "deps":
		return "Dependencies"
	case "pipeline":
		return "CI/CD pipelines"
	case "models":
		return "AI models"
	}
	return "Application code"
}

// severityWeight are the weights of the risk score: a critical finding
// counts as much as two high ones, five medium ones or twenty low ones.
var severityWeight = map[finding.Severity]float64{finding.Critical: 10, finding.High: 5, finding.Medium: 2, finding.Low: 0.5}

func weight(c map[finding.Severity]int) float64 {
	var w float64
	for s, n := range c {
		w += severityWeight[s] * float64(n)
	}
	return w
}

// Rating thresholds on the weighted score per thousand lines of code.
const (
	highPerKLOC   = 2.0
	mediumPerKLOC = 0.5
)

// rate computes the overall risk rating:
//
//	score   = 10×critical + 5×high + 2×medium + 0.5×low
//	perKLOC = score / max(KLOC, 1)
//	Critical if any critical finding;
//	High     if any high finding, or perKLOC >= 2;
//	Medium   if any medium finding, or perKLOC >= 0.5;
//	Low      otherwise.
//
// One critical finding (a live cloud key in the repository, say) is
// enough to make the application critical: density cannot dilute it.
func rate(m Metrics) Risk {
	c := map[finding.Severity]int{}
	for _, s := range m.BySeverity {
		c[s.Severity] = s.N
	}
	r := Risk{Score: weight(c)}
	r.PerKLOC = r.Score / kloc(m.Lines)
	switch {
	case c[finding.Critical] > 0:
		r.Rating = "Critical"
		r.Reasons = append(r.Reasons, fmt.Sprintf("%s can be exploited with serious impact and must be fixed within days", phrase(c[finding.Critical], "critical weakness", "critical weaknesses")))
	case c[finding.High] > 0:
		r.Rating = "High"
		r.Reasons = append(r.Reasons, fmt.Sprintf("%s could let an attacker read or change data or run code", phrase(c[finding.High], "high-severity weakness", "high-severity weaknesses")))
	case r.PerKLOC >= highPerKLOC:
		r.Rating = "High"
	case c[finding.Medium] > 0 || r.PerKLOC >= mediumPerKLOC:
		r.Rating = "Medium"
		r.Reasons = append(r.Reasons, "no critical or high-severity weakness was found, but medium-severity ones need planned fixes")
	default:
		r.Rating = "Low"
		if m.Total == 0 {
			r.Reasons = append(r.Reasons, "the automated checks that ran found no open weakness")
		} else {
			r.Reasons = append(r.Reasons, "only low-severity or informational findings are open")
		}
	}
	if m.Lines > 0 {
		r.Reasons = append(r.Reasons, fmt.Sprintf("the severity-weighted density is %.1f per thousand lines of code (%s at 2.0 or more, %s at 0.5 or more)",
			r.PerKLOC, "high", "medium"))
	}
	return r
}

func phrase(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return view.Count(n) + " " + many
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// kloc is thousands of lines, at least 1.
func kloc(lines int) float64 { return math.Max(float64(lines)/1000, 1) }
