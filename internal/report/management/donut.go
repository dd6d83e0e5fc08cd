package management

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/go-pdf/fpdf"
)

// Donut is the severity distribution as a ring: the share of each severity
// at a glance, for the executive summary.
func (r *Report) Donut() Chart {
	c := Chart{Title: "Share of open findings by severity", Legend: severityLegend()}
	var segs []Segment
	for _, s := range r.Metrics.BySeverity {
		segs = append(segs, Segment{Name: s.Label, Value: s.N, Color: severityColor[s.Severity]})
	}
	c.Bars = []Bar{{Label: "all", Segments: segs}}
	return c
}

// DonutSVG renders the first bar of c as a ring with the total inside and
// a legend with counts on the right.
func (c Chart) DonutSVG() template.HTML {
	const size, radius, width = 160, 58.0, 24.0
	esc := template.HTMLEscapeString
	var b strings.Builder
	total := 0
	var segs []Segment
	if len(c.Bars) > 0 {
		segs = c.Bars[0].Segments
		total = c.Bars[0].total()
	}
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-label="%s" viewBox="0 0 %d %d" width="%d" height="%d">`, esc(c.Title), size+220, size, size+220, size)
	circ := 2 * math.Pi * radius
	cx := float64(size) / 2
	if total == 0 {
		fmt.Fprintf(&b, `<circle cx="%.0f" cy="%.0f" r="%.0f" fill="none" stroke="#d0d7de" stroke-width="%.0f"/>`, cx, cx, radius, width)
	}
	offset := 0.0
	for _, s := range segs {
		if s.Value == 0 || total == 0 {
			continue
		}
		l := circ * float64(s.Value) / float64(total)
		fmt.Fprintf(&b, `<circle cx="%.0f" cy="%.0f" r="%.0f" fill="none" stroke="%s" stroke-width="%.0f" stroke-dasharray="%.2f %.2f" stroke-dashoffset="%.2f" transform="rotate(-90 %.0f %.0f)"><title>%s: %d</title></circle>`,
			cx, cx, radius, s.Color.hex(), width, l, circ-l, -offset, cx, cx, esc(s.Name), s.Value)
		offset += l
	}
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="middle" font-size="26" font-weight="700">%d</text>`, cx, cx+4, total)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="middle">open findings</text>`, cx, cx+22)
	for i, s := range segs {
		y := 24 + i*24
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="14" fill="%s"/><text x="%d" y="%d">%s: %d</text>`, size+24, y, s.Color.hex(), size+44, y+12, esc(s.Name), s.Value)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // labels escaped above
}

// donut draws the ring in the PDF with filled polygons (vector), at the
// current position, and moves below it.
func (p *pdfDoc) donut(c Chart) {
	const radius, inner, steps = 22.0, 13.0, 96
	f := p.f
	p.need(2*radius + 10)
	x0, y0 := pdfMargin+radius, f.GetY()+radius+2
	var segs []Segment
	total := 0
	if len(c.Bars) > 0 {
		segs, total = c.Bars[0].Segments, c.Bars[0].total()
	}
	ring := func(a0, a1 float64, col RGB) {
		n := max(2, int(float64(steps)*(a1-a0)/(2*math.Pi)))
		pts := make([]fpdf.PointType, 0, 2*n+2)
		for i := 0; i <= n; i++ {
			a := a0 + (a1-a0)*float64(i)/float64(n)
			pts = append(pts, fpdf.PointType{X: x0 + radius*math.Sin(a), Y: y0 - radius*math.Cos(a)})
		}
		for i := n; i >= 0; i-- {
			a := a0 + (a1-a0)*float64(i)/float64(n)
			pts = append(pts, fpdf.PointType{X: x0 + inner*math.Sin(a), Y: y0 - inner*math.Cos(a)})
		}
		f.SetFillColor(col.R, col.G, col.B)
		f.Polygon(pts, "F")
	}
	if total == 0 {
		ring(0, 2*math.Pi, statusColor[0])
	}
	a := 0.0
	for _, s := range segs {
		if s.Value == 0 || total == 0 {
			continue
		}
		da := 2 * math.Pi * float64(s.Value) / float64(total)
		ring(a, a+da, s.Color)
		a += da
	}
	p.font("B", 14)
	f.SetXY(x0-radius, y0-4)
	f.CellFormat(2*radius, 6, fmt.Sprint(total), "", 0, "C", false, 0, "")
	p.font("", 7)
	f.SetXY(x0-radius, y0+2)
	f.CellFormat(2*radius, 4, "open findings", "", 0, "C", false, 0, "")
	p.font("", 9)
	for i, s := range segs {
		y := y0 - radius + 4 + float64(i)*7
		f.SetFillColor(s.Color.R, s.Color.G, s.Color.B)
		f.Rect(x0+radius+10, y, 4, 4, "F")
		f.SetXY(x0+radius+16, y-0.5)
		f.CellFormat(50, 5, fmt.Sprintf("%s: %d", s.Name, s.Value), "", 0, "L", false, 0, "")
	}
	f.SetXY(pdfMargin, y0+radius+6)
}
