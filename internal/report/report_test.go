package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/html"
	"github.com/socyber/codeaudit/internal/report/json"
	"github.com/socyber/codeaudit/internal/report/markdown"
	"github.com/socyber/codeaudit/internal/report/reporttest"
	"github.com/socyber/codeaudit/internal/report/sarif"
	"github.com/socyber/codeaudit/internal/report/text"
	"github.com/socyber/codeaudit/internal/result"
)

func TestNew(t *testing.T) {
	for format, want := range map[string]string{
		"text":     fmt.Sprintf("%T", &text.Writer{}),
		"JSON":     fmt.Sprintf("%T", &json.Writer{}),
		" sarif ":  fmt.Sprintf("%T", &sarif.Writer{}),
		"markdown": fmt.Sprintf("%T", &markdown.Writer{}),
		"md":       fmt.Sprintf("%T", &markdown.Writer{}),
		"HTML":     fmt.Sprintf("%T", &html.Writer{}),
	} {
		w, err := New(format, Options{})
		if err != nil {
			t.Errorf("New(%q): %v", format, err)
			continue
		}
		if got := fmt.Sprintf("%T", w); got != want {
			t.Errorf("New(%q) = %s, want %s", format, got, want)
		}
	}
	_, err := New("pdf", Options{})
	if err == nil || !strings.Contains(err.Error(), `"pdf"`) || !strings.Contains(err.Error(), "text, json, sarif, markdown, html") {
		t.Errorf("unknown format error = %v", err)
	}
}

func TestEveryFormatWritesEveryResult(t *testing.T) {
	for _, format := range Formats {
		for name, res := range map[string]*result.Result{"empty": reporttest.Empty(), "sample": reporttest.Sample()} {
			w, err := New(format, Options{Color: true, ShowSuppressed: true})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := w.Write(&buf, res); err != nil {
				t.Errorf("%s/%s: %v", format, name, err)
			}
			if buf.Len() == 0 {
				t.Errorf("%s/%s: no output", format, name)
			}
			if err := w.Write(&buf, nil); err == nil {
				t.Errorf("%s: nil result accepted", format)
			}
		}
	}
}

func TestReadBackJSON(t *testing.T) {
	w, _ := New(FormatJSON, Options{})
	var buf bytes.Buffer
	if err := w.Write(&buf, reporttest.Sample()); err != nil {
		t.Fatal(err)
	}
	r, err := json.Read(&buf)
	if err != nil || len(r.Findings) != 6 {
		t.Fatalf("read back: %v, %d findings", err, len(r.Findings))
	}
}

// TestDegenerateInput checks that no format panics or fails on findings
// with missing or inconsistent parts.
func TestDegenerateInput(t *testing.T) {
	r := reporttest.Empty()
	r.Findings = []finding.Finding{
		{},
		{RuleID: "x", Location: finding.Location{Path: "a", StartLine: 9, EndLine: 2, StartColumn: 500, EndColumn: 1}},
		{RuleID: "y", Severity: finding.Severity(42), Confidence: finding.Confidence(-3),
			Location:    finding.Location{Path: "b", StartLine: 3, EndLine: 3, StartColumn: 2},
			Snippet:     &finding.Snippet{StartLine: -4, Lines: []string{"", "\x00\x1b", "é"}},
			Trace:       []finding.TraceStep{{}, {Location: finding.Location{StartLine: -1}}},
			Suppression: &finding.Suppression{}},
		{RuleID: "z", Snippet: &finding.Snippet{StartLine: 1}, Properties: map[string]string{"": ""}},
	}
	r.Suppressed = []finding.Finding{{RuleID: "s"}}
	r.Warnings = []result.Warning{{}}
	for _, format := range Formats {
		w, err := New(format, Options{Color: true, ShowSuppressed: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(&bytes.Buffer{}, r); err != nil {
			t.Errorf("%s: %v", format, err)
		}
	}
}
