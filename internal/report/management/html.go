package management

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/socyber/codeaudit/internal/compliance"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
)

//go:embed management.tmpl
var managementTmpl string

var htmlTemplate = template.Must(template.New("management").Funcs(template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.Format("2006-01-02")
	},
	"count":         view.Count,
	"upper":         strings.ToUpper,
	"lower":         strings.ToLower,
	"join":          strings.Join,
	"f1":            func(f float64) string { return fmt.Sprintf("%.1f", f) },
	"f2":            func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"sev":           func(s finding.Severity) string { return s.String() },
	"rules":         ruleList,
	"sevline":       sevLine,
	"status":        func(s compliance.Status) string { return strings.ReplaceAll(s.String(), " ", "-") },
	"notices":       compliance.Notices,
	"frameworkLine": FrameworkLine,
}).Parse(managementTmpl))

// ruleList names up to maxControlRefs rules and says how many more.
func ruleList(ids []string) string {
	if len(ids) <= maxControlRefs {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:maxControlRefs], ", ") + fmt.Sprintf(" and %d more", len(ids)-maxControlRefs)
}

// sevLine writes "1 critical, 2 high" for a control's findings.
func sevLine(m map[finding.Severity]int) string {
	var parts []string
	for _, s := range finding.Severities {
		if m[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[s], s))
		}
	}
	return strings.Join(parts, ", ")
}

// WriteHTML writes the report as one self-contained HTML page: inline CSS
// and SVG, no script, nothing loaded from elsewhere.
func WriteHTML(w io.Writer, rep *Report) error {
	if rep == nil {
		return fmt.Errorf("management: nil report")
	}
	var b strings.Builder
	if err := htmlTemplate.Execute(&b, htmlPage{Report: rep, Sections: Sections, Glossary: Glossary}); err != nil {
		return fmt.Errorf("management: html: %w", err)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("management: html: %w", err)
	}
	return nil
}

type htmlPage struct {
	*Report
	Sections []string
	Glossary [][2]string
}

// Format names accepted by Write.
const (
	FormatHTML = "html"
	FormatPDF  = "pdf"
)

// Formats lists the management report formats, for flag help.
var Formats = []string{FormatHTML, FormatPDF}

// Write writes rep in a format named by Formats (case-insensitive).
func Write(w io.Writer, rep *Report, format string) error {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case FormatHTML, "htm":
		return WriteHTML(w, rep)
	case FormatPDF:
		return WritePDF(w, rep)
	}
	return fmt.Errorf("unknown management report format %q (valid formats: %s)", format, strings.Join(Formats, ", "))
}
