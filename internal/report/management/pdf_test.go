package management

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/compliance"
	"github.com/socyber/codeaudit/internal/report/reporttest"
)

func pdf(t testing.TB, rep *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, rep); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pdfText extracts the text of a PDF with poppler's pdftotext, skipping the
// test when it is not installed (Debian: apt-get install poppler-utils).
func pdfText(t *testing.T, doc []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils); PDF text not checked")
	}
	in := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(in, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext rejected the PDF: %v", err)
	}
	return string(out)
}

func TestPDFSections(t *testing.T) {
	doc := pdf(t, sample(t))
	if !bytes.HasPrefix(doc, []byte("%PDF-1.")) {
		t.Fatalf("not a PDF: %q", doc[:min(len(doc), 16)])
	}
	text := pdfText(t, doc)
	flat := strings.Join(strings.Fields(text), " ")
	want := append([]string{}, Sections...)
	want = append(want,
		"Overall risk: CRITICAL", "Example Bank", "What to fix first", "Severity distribution", "Density per language",
		"OWASP Top 10 2025", "OWASP Top 10 2021", "CWE Top 25", "OWASP ASVS 5.0 chapters", "PCI DSS 4.0", "DORA", "NIS2",
		"GDPR", "SOC 2", "HIPAA", "EU AI Act", "6.2.4 (injection)", "Art. 21(2)(e)",
		"CC7.1", "CC8.1", "164.312(b)", "Art. 15(5)", "RTS 2024/1774", "not assessed", "not a certification",
		"Now", "Next", "Later", "2026-01-23", "Glossary", "CWE Terms of Use",
		"AWS access key in source", "internal/store",
	)
	for _, s := range want {
		if !strings.Contains(flat, s) {
			t.Errorf("PDF text lacks %q", s)
		}
	}
	if t.Failed() {
		t.Logf("PDF text:\n%s", text)
	}
}

func TestPDFVectorCharts(t *testing.T) {
	doc := pdf(t, sample(t))
	// fpdf compresses page streams; an uncompressed copy shows the drawing
	// operators: filled rectangles ("re f") for the bars, and no images.
	rep := sample(t)
	var buf bytes.Buffer
	if bytes.Contains(doc, []byte("/Subtype /Image")) {
		t.Error("PDF contains raster images; charts must be vector")
	}
	if err := writePDFUncompressed(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(` re f`).FindAll(buf.Bytes(), -1)); n < 20 {
		t.Errorf("%d filled rectangles, want the chart bars drawn as vectors", n)
	}
}

func TestPDFDeterministic(t *testing.T) {
	a, b := pdf(t, sample(t)), pdf(t, sample(t))
	if !bytes.Equal(a, b) {
		t.Error("two PDFs of the same report differ")
	}
}

func TestPDFEmptyAndHuge(t *testing.T) {
	rep, err := Build(reporttest.Empty(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf(t, rep))
	if !strings.Contains(text, "Overall risk: LOW") || !strings.Contains(text, "No open weakness was found") {
		t.Errorf("empty report text:\n%s", text)
	}
	for _, fr := range rep.Compliance {
		if n := fr.Counts()[compliance.NotAssessed]; n != len(fr.Controls) {
			t.Errorf("%s: empty scan must leave every control not assessed", fr.Framework.ID)
		}
	}
	big, err := Build(reporttest.Many(5000), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc := pdf(t, big); len(doc) > 2<<20 {
		t.Errorf("PDF of 5000 findings is %d bytes", len(doc))
	}
}

func BenchmarkWritePDF(b *testing.B) {
	rep, err := Build(reporttest.Many(2000), Options{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WritePDF(&buf, rep); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/report")
}
