package management

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/socyber/codeaudit/internal/compliance"
	"github.com/socyber/codeaudit/internal/report/view"
)

// Page geometry in millimetres (A4 portrait).
const (
	pdfMargin = 18.0
	pdfLine   = 5.0 // body line height
	pdfFont   = "go"
	// maxCellLines bounds a table cell so that every row fits on a page.
	maxCellLines = 40
)

// WritePDF writes the report as a PDF document generated in pure Go: text
// in the embedded Go fonts (UTF-8), charts drawn as vector rectangles. The
// output is deterministic for a given report (fixed dates, sorted catalog).
func WritePDF(w io.Writer, rep *Report) error { return writePDF(w, rep, true) }

// writePDFUncompressed is WritePDF with plain page streams, for tests that
// look at the drawing operators.
func writePDFUncompressed(w io.Writer, rep *Report) error { return writePDF(w, rep, false) }

func writePDF(w io.Writer, rep *Report, compress bool) error {
	if rep == nil {
		return fmt.Errorf("management: nil report")
	}
	p := &pdfDoc{f: fpdf.New("P", "mm", "A4", ""), rep: rep}
	p.f.SetCompression(compress)
	p.setup()
	p.cover()
	p.summary()
	p.metrics()
	p.compliance()
	p.roadmap()
	p.method()
	if err := p.f.Error(); err != nil {
		return fmt.Errorf("management: pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := p.f.Output(&buf); err != nil {
		return fmt.Errorf("management: pdf: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("management: pdf: %w", err)
	}
	return nil
}

type pdfDoc struct {
	f   *fpdf.Fpdf
	rep *Report
}

func (p *pdfDoc) setup() {
	f, rep := p.f, p.rep
	f.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "I", goitalic.TTF)
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	f.SetAutoPageBreak(true, pdfMargin)
	f.SetTitle(rep.Title, true)
	f.SetAuthor(rep.Tool, true)
	f.SetCreator(rep.Tool, true)
	f.SetSubject("Management report", true)
	f.SetLang("en")
	f.SetCatalogSort(true)
	f.SetCreationDate(rep.Date)
	f.SetModificationDate(rep.Date)
	f.SetFooterFunc(func() {
		f.SetY(-12)
		p.font("", 8)
		f.SetTextColor(110, 119, 129)
		f.CellFormat(0, 5, fmt.Sprintf("%s · %s · page %d", rep.Application, rep.Date.Format("2006-01-02"), f.PageNo()), "", 0, "C", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
}

func (p *pdfDoc) font(style string, size float64) { p.f.SetFont(pdfFont, style, size) }

func (p *pdfDoc) width() float64 {
	w, _ := p.f.GetPageSize()
	return w - 2*pdfMargin
}

// need starts a new page unless h millimetres fit on this one.
func (p *pdfDoc) need(h float64) {
	_, ph := p.f.GetPageSize()
	if p.f.GetY()+h > ph-pdfMargin {
		p.f.AddPage()
	}
}

func (p *pdfDoc) para(text string) {
	p.font("", 10)
	p.f.MultiCell(0, pdfLine, text, "", "L", false)
	p.f.Ln(2)
}

func (p *pdfDoc) note(text string) {
	p.font("I", 9)
	p.f.SetTextColor(87, 96, 106)
	p.f.MultiCell(0, 4.5, text, "", "L", false)
	p.f.SetTextColor(0, 0, 0)
	p.f.Ln(2)
}

func (p *pdfDoc) section(title string) {
	p.f.AddPage()
	p.f.Bookmark(title, 0, -1)
	p.font("B", 16)
	p.f.CellFormat(0, 10, title, "B", 1, "L", false, 0, "")
	p.f.Ln(4)
}

func (p *pdfDoc) heading(title string) { p.headingKeep(title, 20) }

// headingKeep writes a heading, starting a new page unless the heading and
// keep millimetres of what follows fit on this one.
func (p *pdfDoc) headingKeep(title string, keep float64) {
	p.need(10 + keep)
	p.f.Ln(2)
	p.f.Bookmark(title, 1, -1)
	p.font("B", 12)
	p.f.CellFormat(0, 7, title, "", 1, "L", false, 0, "")
	p.f.Ln(1)
}

func (p *pdfDoc) cover() {
	f, rep := p.f, p.rep
	f.AddPage()
	f.SetY(60)
	p.font("", 11)
	f.SetTextColor(87, 96, 106)
	org := "Management report"
	if rep.Organisation != "" {
		org = rep.Organisation + " · " + org
	}
	f.CellFormat(0, 6, org, "", 1, "L", false, 0, "")
	f.SetTextColor(0, 0, 0)
	p.font("B", 22)
	f.MultiCell(0, 10, rep.Title, "", "L", false)
	f.Ln(6)
	p.font("", 11)
	for _, l := range []string{
		"Target: " + rep.Target,
		"Scan date: " + date(rep.ScanDate),
		"Report date: " + date(rep.Date),
		"Produced by: " + rep.Tool + " (mapping data " + rep.DataVersion + ")",
	} {
		f.CellFormat(0, 6, l, "", 1, "L", false, 0, "")
	}
	f.Ln(10)
	p.ratingBox()
	f.Ln(8)
	p.note(compliance.Disclaimer)
}

func (p *pdfDoc) ratingBox() {
	f := p.f
	c := map[string]RGB{"Critical": {164, 14, 38}, "High": {209, 36, 47}, "Medium": {191, 135, 0}, "Low": {9, 105, 218}}[p.rep.Risk.Rating]
	p.font("B", 14)
	f.SetFillColor(c.R, c.G, c.B)
	f.SetTextColor(255, 255, 255)
	f.CellFormat(70, 12, "Overall risk: "+strings.ToUpper(p.rep.Risk.Rating), "", 1, "C", true, 0, "")
	f.SetTextColor(0, 0, 0)
}

func (p *pdfDoc) summary() {
	rep := p.rep
	p.section(SectionSummary)
	p.ratingBox()
	p.f.Ln(4)
	p.donut(rep.Donut())
	for _, s := range rep.Summary {
		p.para(s)
	}
	if len(rep.FixFirst) > 0 {
		p.heading("What to fix first")
		for i, a := range rep.FixFirst {
			line := fmt.Sprintf("%d. [%s] %s %s: %d finding(s), exploitation %s, effort %s", i+1, a.Severity, a.Title, a.Where(), a.Count, a.Exploitability, a.Effort)
			if !a.Due.IsZero() {
				line += ", by " + date(a.Due)
			}
			p.para(line + ". " + a.Fix)
		}
	}
}

func (p *pdfDoc) metrics() {
	m := p.rep.Metrics
	p.section(SectionMetrics)
	surface := "not measured by this scan"
	if m.AttackSurface >= 0 {
		surface = view.Count(m.AttackSurface) + " entry points"
	}
	p.table([]string{"Measure", "Value"}, []float64{0.5, 0.5}, [][]string{
		{"Lines of code", view.Count(m.Lines)},
		{"Files scanned", view.Count(m.Files)},
		{"Open findings", view.Count(m.Total)},
		{"Findings per KLOC (without informational)", fmt.Sprintf("%.2f", m.Density)},
		{"Suppressed findings", view.Count(m.Suppressed)},
		{"Scan warnings", view.Count(m.Warnings)},
		{"Attack surface", surface},
	})
	p.headedChart("Severity distribution", p.rep.SeverityChart())
	p.headedChart("Secrets, dependencies, pipelines and AI models", p.rep.AreaChart())
	p.heading("Density per language")
	var rows [][]string
	for _, l := range m.ByLanguage {
		rows = append(rows, []string{l.Language, view.Count(l.Lines), fmt.Sprint(l.Findings), fmt.Sprintf("%.2f", l.Density)})
	}
	if len(rows) == 0 {
		p.note("No line counts per language were recorded.")
	} else {
		p.table([]string{"Language", "Lines of code", "Findings", "Per KLOC"}, []float64{0.4, 0.2, 0.2, 0.2}, rows)
	}
	if len(m.ByCategory) > 0 {
		p.headedChart("By category", p.rep.CategoryChart())
	}
	if len(m.ByComponent) > 0 {
		p.headedChart("By component", p.rep.ComponentChart())
	}
}

func (p *pdfDoc) compliance() {
	rep := p.rep
	p.section(SectionCompliance)
	p.note(rep.Disclaimer)
	p.chart(rep.ComplianceChart())
	for _, fr := range rep.Compliance {
		p.heading(fr.Framework.Name)
		p.font("B", 10)
		p.f.MultiCell(0, pdfLine, FrameworkLine(fr), "", "L", false)
		p.note(fr.Framework.Source + ".")
		var rows [][]string
		for _, c := range fr.Controls {
			req := c.Control.Title
			if c.Control.Summary != "" {
				req += "\n" + c.Control.Summary
			}
			res := c.Label()
			if s := sevLine(c.BySeverity); s != "" {
				res += "\n" + s
			}
			for _, ref := range rep.ControlFindings(c) {
				res += "\n- " + ref
			}
			rows = append(rows, []string{c.Control.ID, req, res, ruleList(c.Rules)})
		}
		p.table([]string{"Control", "Requirement", "Result", "Active rules"}, []float64{0.16, 0.33, 0.28, 0.23}, rows)
	}
}

func (p *pdfDoc) roadmap() {
	rep := p.rep
	p.section(SectionRoadmap)
	p.chart(rep.RoadmapChart())
	for _, b := range rep.Roadmap {
		p.heading(b.Name)
		p.note(b.Meaning)
		if len(b.Actions) == 0 {
			p.para("Nothing in this stage.")
			continue
		}
		var rows [][]string
		for _, a := range b.Actions {
			what := a.Title
			if a.Fix != "" {
				what += "\n" + a.Fix
			}
			what += "\n" + strings.Join(a.Locations, ", ")
			due := "—"
			if !a.Due.IsZero() {
				due = a.Due.Format("2006-01-02")
			}
			rows = append(rows, []string{what, a.Component, a.Severity.String(), fmt.Sprint(a.Count), a.Exploitability, a.Effort, due})
		}
		p.table([]string{"Action", "Owner's area", "Severity", "Findings", "Exploitability", "Effort", "Target date"},
			[]float64{0.31, 0.14, 0.09, 0.08, 0.12, 0.10, 0.16}, rows)
		if b.Omitted > 0 {
			p.note(fmt.Sprintf("… and %d more actions, listed in the technical report.", b.Omitted))
		}
	}
}

func (p *pdfDoc) method() {
	p.section(SectionMethod)
	for _, s := range p.rep.Method() {
		p.para(s)
	}
	p.heading("Glossary")
	var rows [][]string
	for _, g := range Glossary {
		rows = append(rows, []string{g[0], g[1]})
	}
	p.table([]string{"Term", "Meaning"}, []float64{0.2, 0.8}, rows)
	p.heading("Notices")
	p.note(compliance.Notices())
}

// table draws rows with wrapped cells; widths are fractions of the text
// width. The header row repeats on every page the table spans.
func (p *pdfDoc) table(head []string, widths []float64, rows [][]string) {
	f := p.f
	const lh, pad = 4.2, 1.2
	tw := p.width()
	w := make([]float64, len(widths))
	for i, fr := range widths {
		w[i] = fr * tw
	}
	header := func() {
		p.font("B", 8.5)
		f.SetFillColor(246, 248, 250)
		for i, h := range head {
			f.CellFormat(w[i], 6, h, "1", 0, "L", true, 0, "")
		}
		f.Ln(-1)
	}
	p.need(14)
	header()
	p.font("", 8.5)
	for _, row := range rows {
		lines := make([][]string, len(row))
		n := 1
		for i, cell := range row {
			for _, part := range strings.Split(cell, "\n") {
				lines[i] = append(lines[i], f.SplitText(part, w[i]-2*pad)...)
			}
			if len(lines[i]) > maxCellLines {
				lines[i] = append(lines[i][:maxCellLines-1], "…")
			}
			n = max(n, len(lines[i]))
		}
		h := float64(n)*lh + 2*pad
		_, ph := f.GetPageSize()
		if f.GetY()+h > ph-pdfMargin {
			f.AddPage()
			header()
			p.font("", 8.5)
		}
		x, y := f.GetX(), f.GetY()
		for i := range row {
			f.Rect(x, y, w[i], h, "D")
			for j, l := range lines[i] {
				f.SetXY(x+pad, y+pad+float64(j)*lh)
				f.CellFormat(w[i]-2*pad, lh, l, "", 0, "L", false, 0, "")
			}
			x += w[i]
		}
		f.SetXY(pdfMargin, y+h)
	}
	f.Ln(3)
}

// chart draws a horizontal bar chart with filled rectangles: vector
// graphics that stay sharp when printed or zoomed.
// Chart geometry in millimetres.
const (
	chartBarH   = 5.0
	chartGap    = 2.0
	chartLabel  = 55.0
	chartLegend = 7.0
)

// chartHeight is the height chart will take.
func chartHeight(c Chart) float64 {
	h := float64(len(c.Bars))*(chartBarH+chartGap) + 9
	if len(c.Legend) > 0 {
		h += chartLegend
	}
	return h
}

// headedChart writes a heading and a chart on the same page.
func (p *pdfDoc) headedChart(title string, c Chart) {
	p.headingKeep(title, chartHeight(c))
	p.chart(c)
}

func (p *pdfDoc) chart(c Chart) {
	f := p.f
	const barH, gap, label, legendH = chartBarH, chartGap, chartLabel, chartLegend
	p.need(chartHeight(c))
	p.font("B", 9)
	f.CellFormat(0, 5, c.Title, "", 1, "L", false, 0, "")
	p.font("", 8)
	x0, y := pdfMargin, f.GetY()+1
	if len(c.Legend) > 0 {
		x := x0
		for _, l := range c.Legend {
			f.SetFillColor(l.Color.R, l.Color.G, l.Color.B)
			f.Rect(x, y+0.8, 3, 3, "F")
			f.SetXY(x+4, y)
			f.CellFormat(0, 4.5, l.Name, "", 0, "L", false, 0, "")
			x += 8 + f.GetStringWidth(l.Name)
		}
		y += legendH
	}
	area := p.width() - label - 15
	peak := float64(c.max())
	for _, bar := range c.Bars {
		f.SetXY(x0, y)
		f.CellFormat(label-2, barH, clip(bar.Label, 40), "", 0, "R", false, 0, "")
		bx := x0 + label
		for _, s := range bar.Segments {
			if s.Value == 0 {
				continue
			}
			bw := max(area*float64(s.Value)/peak, 0.6)
			f.SetFillColor(s.Color.R, s.Color.G, s.Color.B)
			f.Rect(bx, y+0.5, bw, barH-1, "F")
			bx += bw
		}
		f.SetXY(bx+1.5, y)
		f.CellFormat(15, barH, fmt.Sprint(bar.total()), "", 0, "L", false, 0, "")
		y += barH + gap
	}
	f.SetXY(x0, y+3)
}
