package management

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/socyber/codeaudit/internal/compliance"
	"github.com/socyber/codeaudit/internal/finding"
)

// RGB is a colour shared by the SVG and PDF charts.
type RGB struct{ R, G, B int }

func (c RGB) hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Colours of severities and compliance statuses. "No findings" is blue,
// not green: it is not a pass.
var (
	severityColor = map[finding.Severity]RGB{
		finding.Critical: {164, 14, 38}, finding.High: {209, 36, 47}, finding.Medium: {191, 135, 0},
		finding.Low: {9, 105, 218}, finding.Info: {110, 119, 129},
	}
	statusColor = map[compliance.Status]RGB{
		compliance.HasFindings: {209, 36, 47}, compliance.NoFindings: {84, 174, 255}, compliance.NotAssessed: {208, 215, 222},
	}
	neutral = RGB{87, 96, 106}
)

// Segment is one part of a stacked bar.
type Segment struct {
	Name  string
	Value int
	Color RGB
}

// Bar is one labelled, possibly stacked, bar.
type Bar struct {
	Label    string
	Segments []Segment
}

func (b Bar) total() int {
	t := 0
	for _, s := range b.Segments {
		t += s.Value
	}
	return t
}

// Chart is a horizontal bar chart, rendered as SVG in HTML and with vector
// primitives in PDF.
type Chart struct {
	Title  string
	Bars   []Bar
	Legend []Segment // names and colours; empty for single-colour charts
}

func (c Chart) max() int {
	m := 1
	for _, b := range c.Bars {
		m = max(m, b.total())
	}
	return m
}

// Charts of the report, built from its numbers.
func (r *Report) SeverityChart() Chart {
	c := Chart{Title: "Open findings by severity"}
	for _, s := range r.Metrics.BySeverity {
		c.Bars = append(c.Bars, Bar{Label: s.Label, Segments: []Segment{{Name: s.Label, Value: s.N, Color: severityColor[s.Severity]}}})
	}
	return c
}

func severitySegments(m map[finding.Severity]int) []Segment {
	var segs []Segment
	for _, s := range finding.Severities {
		segs = append(segs, Segment{Name: title(s.String()), Value: m[s], Color: severityColor[s]})
	}
	return segs
}

func severityLegend() []Segment { return severitySegments(nil) }

// ComponentChart stacks each component's findings by severity.
func (r *Report) ComponentChart() Chart {
	c := Chart{Title: "Findings by component (largest risk first)", Legend: severityLegend()}
	for _, comp := range r.Metrics.ByComponent {
		c.Bars = append(c.Bars, Bar{Label: comp.Name, Segments: severitySegments(comp.BySeverity)})
	}
	return c
}

func countChart(title string, counts []Count) Chart {
	c := Chart{Title: title}
	for _, n := range counts {
		c.Bars = append(c.Bars, Bar{Label: n.Label, Segments: []Segment{{Name: n.Label, Value: n.N, Color: neutral}}})
	}
	return c
}

// AreaChart counts findings by kind: code, secrets, dependencies,
// pipelines, AI models.
func (r *Report) AreaChart() Chart { return countChart("Findings by area", r.Metrics.ByArea) }

// CategoryChart counts findings by OWASP Top 10 2025 category.
func (r *Report) CategoryChart() Chart {
	return countChart("Findings by OWASP Top 10 2025 category", r.Metrics.ByCategory)
}

// ComplianceChart stacks each framework's controls by status.
func (r *Report) ComplianceChart() Chart {
	c := Chart{Title: "Controls per framework by what the scan could say", Legend: []Segment{
		{Name: "findings", Color: statusColor[compliance.HasFindings]},
		{Name: "no findings (checked)", Color: statusColor[compliance.NoFindings]},
		{Name: "not assessed", Color: statusColor[compliance.NotAssessed]},
	}}
	for i := range r.Compliance {
		fr := &r.Compliance[i]
		n := fr.Counts()
		c.Bars = append(c.Bars, Bar{Label: fr.Framework.Short(), Segments: []Segment{
			{Name: "findings", Value: n[compliance.HasFindings], Color: statusColor[compliance.HasFindings]},
			{Name: "no findings", Value: n[compliance.NoFindings], Color: statusColor[compliance.NoFindings]},
			{Name: "not assessed", Value: n[compliance.NotAssessed], Color: statusColor[compliance.NotAssessed]},
		}})
	}
	return c
}

// RoadmapChart stacks each bucket's findings by severity.
func (r *Report) RoadmapChart() Chart {
	c := Chart{Title: "Findings to fix, by stage", Legend: severityLegend()}
	for _, b := range r.Roadmap {
		m := map[finding.Severity]int{}
		for _, a := range b.Actions {
			m[a.Severity] += a.Count
		}
		c.Bars = append(c.Bars, Bar{Label: b.Name, Segments: severitySegments(m)})
	}
	return c
}

// SVG geometry, in CSS pixels.
const (
	svgWidth  = 640
	svgLabel  = 190
	svgBarH   = 16
	svgGap    = 6
	svgLegend = 22
)

// SVG renders the chart as inline SVG. Labels are escaped.
func (c Chart) SVG() template.HTML {
	esc := template.HTMLEscapeString
	top := 0
	if len(c.Legend) > 0 {
		top = svgLegend
	}
	h := top + len(c.Bars)*(svgBarH+svgGap) + svgGap
	area := float64(svgWidth - svgLabel - 50)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-label="%s" viewBox="0 0 %d %d" width="%d" height="%d">`, esc(c.Title), svgWidth, h, svgWidth, h)
	x := 0
	for _, l := range c.Legend {
		fmt.Fprintf(&b, `<rect x="%d" y="4" width="12" height="12" fill="%s"/><text x="%d" y="14">%s</text>`, x, l.Color.hex(), x+16, esc(l.Name))
		x += 24 + 7*len(l.Name)
	}
	peak := float64(c.max())
	for i, bar := range c.Bars {
		y := top + svgGap + i*(svgBarH+svgGap)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, svgLabel-8, y+svgBarH-4, esc(clip(bar.Label, 30)))
		bx := float64(svgLabel)
		for _, s := range bar.Segments {
			if s.Value == 0 {
				continue
			}
			w := max(area*float64(s.Value)/peak, 1)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %d</title></rect>`, bx, y, w, svgBarH, s.Color.hex(), esc(s.Name), s.Value)
			bx += w
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d">%d</text>`, bx+5, y+svgBarH-4, bar.total())
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // labels escaped above
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
