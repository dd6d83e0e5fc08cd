package html

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

var (
	//go:embed report.tmpl
	reportTmpl string
	//go:embed style.css
	styleCSS string
	//go:embed filter.js
	filterJS string
)

// Options are the choices of the HTML report.
type Options struct {
	// Title heads the report; "" means "Security code audit: <target>".
	Title string
	// ShowSuppressed lists suppressed findings in a table at the end.
	ShowSuppressed bool
}

// Writer writes the HTML technical report. It is safe for concurrent use.
type Writer struct {
	opts Options
	tmpl *template.Template
}

// New returns an HTML writer.
func New(opts Options) *Writer {
	t := template.Must(template.New("report").Funcs(template.FuncMap{
		// Rules write examples three ways (fenced, indented after a blank
		// line, indented under their sentence); view normalises them to
		// fences, which Markdown renders as code blocks.
		"remediation": func(s string) template.HTML { return Markdown(view.RemediationMarkdown(s)) },
		"safeURL":     SafeURL,
		"count":       view.Count,
		"plural":      view.Plural,
		"join":        strings.Join,
		"lower":       strings.ToLower,
	}).Parse(reportTmpl))
	return &Writer{opts: opts, tmpl: t}
}

// Write writes r as one HTML document.
func (w *Writer) Write(out io.Writer, r *result.Result) error {
	if r == nil {
		return errors.New("html: nil result")
	}
	var buf bytes.Buffer
	if err := w.tmpl.Execute(&buf, w.page(r)); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	if _, err := out.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

// page is what the template renders.
type page struct {
	Title       string
	Result      *result.Result
	Tool        string
	Started     string
	Duration    string
	CSP         string
	Style       template.CSS
	Script      template.JS
	Severities  []sevCount
	Total       int
	Chart       template.HTML
	Analyzers   []option
	Categories  []option
	Findings    []item
	Suppressed  []item
	ShowSupp    bool
	Warnings    []result.Warning
	Languages   []langLine
	Disclaimers []string
}

type sevCount struct {
	Name  string // "critical"
	Label string // "Critical"
	Count int
}

type option struct {
	Value, Label string
	Count        int
}

type langLine struct {
	Name  string
	Files int
	Code  int
}

// item is one finding prepared for the template.
type item struct {
	N           int
	ID          string
	F           *finding.Finding
	Title       string
	Severity    string
	SevLabel    string
	CWE         string
	CWEName     string
	CWEURL      string
	OWASP       []string
	Category    string // filter value: OWASP 2025 id or "none"
	Why         string
	Lines       []CodeLine
	Trace       []finding.TraceStep
	MoreTrace   int
	Properties  []option
	Message     string
	Suppression string
}

func (w *Writer) page(r *result.Result) *page {
	p := &page{
		Title:    w.opts.Title,
		Result:   r,
		Tool:     strings.TrimSpace(cmp.Or(r.Tool.Name, "codeaudit") + " " + r.Tool.Version),
		Duration: view.Duration(r.Stats.DurationMS),
		// codeaudit:ignore go.template.unescaped-content -- styleCSS and filterJS are files embedded at build time, never input
		Style: template.CSS(styleCSS),
		// codeaudit:ignore go.template.unescaped-content -- as above
		Script:   template.JS(filterJS),
		ShowSupp: w.opts.ShowSuppressed,
		Warnings: r.Warnings,
	}
	if p.Title == "" {
		p.Title = "Security code audit: " + cmp.Or(r.Target, ".")
	}
	if !r.StartedAt.IsZero() {
		p.Started = r.StartedAt.UTC().Format("2006-01-02 15:04 UTC")
	}
	sum := sha256.Sum256([]byte(filterJS))
	p.CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" +
		base64.StdEncoding.EncodeToString(sum[:]) + "'"

	counts := r.Counts()
	for _, s := range finding.Severities {
		name := s.String()
		p.Severities = append(p.Severities, sevCount{Name: name, Label: strings.ToUpper(name[:1]) + name[1:], Count: counts[s]})
	}
	p.Total = len(r.Findings)
	p.Chart = severityChart(p.Severities)

	why := map[string]string{}
	for _, rule := range r.Rules {
		why[rule.ID] = strings.TrimSpace(rule.Description)
	}
	analyzers, categories := map[string]int{}, map[string]option{}
	for i, f := range view.Sorted(r.Findings) {
		it := newItem(i+1, "f", f, why)
		p.Findings = append(p.Findings, it)
		analyzers[cmp.Or(f.Analyzer, "unknown")]++
		c := categories[it.Category]
		c.Value, c.Count = it.Category, c.Count+1
		c.Label = "Not in the OWASP Top 10"
		if f.OWASP2025 != nil && f.OWASP2025.ID != "" {
			c.Label = f.OWASP2025.String()
		}
		categories[it.Category] = c
	}
	for _, a := range slices.Sorted(maps.Keys(analyzers)) {
		p.Analyzers = append(p.Analyzers, option{Value: a, Label: a, Count: analyzers[a]})
	}
	for _, k := range slices.Sorted(maps.Keys(categories)) {
		p.Categories = append(p.Categories, categories[k])
	}
	if w.opts.ShowSuppressed {
		for i, f := range view.Sorted(r.Suppressed) {
			p.Suppressed = append(p.Suppressed, newItem(i+1, "s", f, why))
		}
	}
	for _, l := range slices.Sorted(maps.Keys(r.Stats.Languages)) {
		n := r.Stats.Languages[l]
		p.Languages = append(p.Languages, langLine{Name: string(l), Files: n.Files, Code: n.Code})
	}
	return p
}

func newItem(n int, prefix string, f finding.Finding, why map[string]string) item {
	it := item{
		N:        n,
		ID:       prefix + strconv.Itoa(n),
		F:        &f,
		Title:    cmp.Or(f.Title, f.RuleID),
		Severity: f.Severity.String(),
		CWE:      f.CWE,
		CWEName:  taxonomy.CWEName(f.CWE),
		OWASP:    nil,
		Category: "none",
		Why:      why[f.RuleID],
		Lines:    annotate(&f),
		Message:  cut(f.Message, maxMessage),
	}
	it.SevLabel = strings.ToUpper(it.Severity[:1]) + it.Severity[1:]
	if id, ok := taxonomy.ParseCWE(f.CWE); ok {
		it.CWEURL = "https://cwe.mitre.org/data/definitions/" + strconv.Itoa(id) + ".html"
	}
	for _, c := range []*finding.OWASPRef{f.OWASP2021, f.OWASP2025} {
		if c != nil && c.ID != "" {
			it.OWASP = append(it.OWASP, c.String())
		}
	}
	if f.OWASP2025 != nil && f.OWASP2025.ID != "" {
		it.Category = f.OWASP2025.ID
	}
	if it.Why == "" {
		// No rule description: MITRE's description of the weakness says
		// why it matters in general terms.
		it.Why = cut(taxonomy.CWEDescription(f.CWE), maxMessage)
	}
	it.Trace = f.Trace
	if len(it.Trace) > maxTrace {
		it.MoreTrace = len(it.Trace) - maxTrace
		it.Trace = it.Trace[:maxTrace]
	}
	for _, k := range slices.Sorted(maps.Keys(f.Properties)) {
		it.Properties = append(it.Properties, option{Value: cut(f.Properties[k], maxLineLen), Label: k})
	}
	if s := f.Suppression; s != nil {
		it.Suppression = strings.TrimSpace(s.Kind + ": " + s.Reason)
	}
	return it
}

// severityChart draws the severity distribution as horizontal bars in
// inline SVG.
func severityChart(sevs []sevCount) template.HTML {
	const width, barH, gap, label = 420, 18, 6, 70
	top := 1
	for _, s := range sevs {
		top = max(top, s.Count)
	}
	var b strings.Builder
	h := len(sevs)*(barH+gap) + gap
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-label="Findings by severity" viewBox="0 0 %d %d" width="%d" height="%d">`, width, h, width, h)
	for i, s := range sevs {
		y := gap + i*(barH+gap)
		bw := (width - label - 50) * s.Count / top
		if s.Count > 0 {
			bw = max(bw, 2)
		}
		fmt.Fprintf(&b, `<text x="0" y="%d" class="lbl">%s</text>`, y+barH-5, s.Label)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" class="sev-%s"/>`, label, y, bw, barH, s.Name)
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="num">%d</text>`, label+bw+6, y+barH-5, s.Count)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // numbers and fixed labels only
}
