package management

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/reporttest"
)

var reportDate = time.Date(2026, time.January, 16, 9, 0, 0, 0, time.UTC)

func sample(t testing.TB) *Report {
	t.Helper()
	rep, err := Build(reporttest.Sample(), Options{Organisation: "Example Bank", Application: "Shop", Now: reportDate})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestGoldenHTML(t *testing.T) {
	for name, res := range map[string]func() *Report{
		"sample.html": func() *Report { return sample(t) },
		"empty.html": func() *Report {
			rep, err := Build(reporttest.Empty(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			return rep
		},
	} {
		var buf bytes.Buffer
		if err := WriteHTML(&buf, res()); err != nil {
			t.Fatal(err)
		}
		reporttest.Golden(t, name, buf.Bytes())
		got := buf.String()
		for _, s := range Sections {
			if !strings.Contains(got, "<h2>"+s+"</h2>") {
				t.Errorf("%s lacks section %q", name, s)
			}
		}
		for _, bad := range []string{"<script", "src=", "<link", "url(", "@import"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
}

func TestComponentOf(t *testing.T) {
	for in, want := range map[string]string{
		"internal/store/users.go":       "internal/store",
		"web/handlers/login.go":         "web",
		"src/äpp/ハッシュ.py":               "src/äpp",
		"src/main.py":                   "src",
		"go.mod":                        "(root)",
		".github/workflows/triage.yml":  "CI/CD",
		".gitlab-ci.yml":                "CI/CD",
		"ci/Jenkinsfile":                "CI/CD",
		"./services/pay/api/handler.go": "services/pay",
	} {
		if got := ComponentOf(in); got != want {
			t.Errorf("ComponentOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeuristics(t *testing.T) {
	trace2 := []finding.TraceStep{{Location: finding.Location{Path: "a.go"}}, {Location: finding.Location{Path: "b.go"}}}
	for _, tc := range []struct {
		name         string
		f            finding.Finding
		exploit, eff string
		bucket       int
	}{
		{"secret", finding.Finding{Severity: finding.Critical, Confidence: finding.ConfidenceHigh, Analyzer: "secrets"}, Likely, EffortLow, 0},
		{"traced sqli", finding.Finding{Severity: finding.High, Confidence: finding.ConfidenceHigh, Analyzer: "sast", Trace: trace2}, Likely, EffortHigh, 0},
		{"pattern high", finding.Finding{Severity: finding.High, Confidence: finding.ConfidenceMedium, Analyzer: "sast"}, Possible, EffortMedium, 1},
		{"dep with fix", finding.Finding{Severity: finding.Medium, Confidence: finding.ConfidenceHigh, Analyzer: "deps", Properties: map[string]string{"fixed": "1.2.3"}}, Possible, EffortLow, 1},
		{"dep without fix", finding.Finding{Severity: finding.Medium, Confidence: finding.ConfidenceHigh, Analyzer: "deps"}, Possible, EffortMedium, 2},
		{"gha injection", finding.Finding{Severity: finding.High, Confidence: finding.ConfidenceHigh, Analyzer: "pipeline", RuleID: "pipeline.gha.expression-injection"}, Likely, EffortLow, 0},
		{"low guess", finding.Finding{Severity: finding.Low, Confidence: finding.ConfidenceLow, Analyzer: "sast"}, Unlikely, EffortMedium, 2},
	} {
		ex, _ := exploitability(&tc.f)
		eff := effort(&tc.f)
		if ex != tc.exploit || eff != tc.eff || bucket(tc.f.Severity, ex, eff) != tc.bucket {
			t.Errorf("%s: exploitability %s, effort %s, bucket %d; want %s, %s, %d", tc.name, ex, eff, bucket(tc.f.Severity, ex, eff), tc.exploit, tc.eff, tc.bucket)
		}
	}
}

func TestRate(t *testing.T) {
	sev := func(c, h, m, l int) []Count {
		return []Count{{Severity: finding.Critical, N: c}, {Severity: finding.High, N: h}, {Severity: finding.Medium, N: m}, {Severity: finding.Low, N: l}}
	}
	for _, tc := range []struct {
		name  string
		m     Metrics
		want  string
		score float64
	}{
		{"one critical in a large code base", Metrics{BySeverity: sev(1, 0, 0, 0), Lines: 1_000_000, Total: 1}, "Critical", 10},
		{"high", Metrics{BySeverity: sev(0, 2, 1, 0), Lines: 50_000, Total: 3}, "High", 12},
		{"dense lows", Metrics{BySeverity: sev(0, 0, 0, 10), Lines: 2_000, Total: 10}, "High", 5},
		{"medium", Metrics{BySeverity: sev(0, 0, 1, 3), Lines: 100_000, Total: 4}, "Medium", 3.5},
		{"few lows", Metrics{BySeverity: sev(0, 0, 0, 2), Lines: 100_000, Total: 2}, "Low", 1},
		{"clean", Metrics{BySeverity: sev(0, 0, 0, 0), Lines: 100}, "Low", 0},
	} {
		got := rate(tc.m)
		if got.Rating != tc.want || got.Score != tc.score || len(got.Reasons) == 0 {
			t.Errorf("%s: rating %s score %v reasons %q; want %s %v", tc.name, got.Rating, got.Score, got.Reasons, tc.want, tc.score)
		}
	}
}

func TestBuild(t *testing.T) {
	rep := sample(t)
	if rep.Risk.Rating != "Critical" {
		t.Errorf("rating %s", rep.Risk.Rating)
	}
	want := []string{
		"Shop was scanned on 15 January 2026: 15,745 lines of code in 128 files, checking application code, secrets, dependencies, CI/CD pipelines and AI model files.",
		"1 critical and 3 high-severity weaknesses were found, 6 findings in all (0.32 per thousand lines of code, not counting informational notes).",
	}
	if d := cmp.Diff(want, rep.Summary[:2]); d != "" {
		t.Errorf("summary (-want +got):\n%s", d)
	}
	if !strings.HasPrefix(rep.Summary[2], "Overall risk is rated CRITICAL because 1 critical weakness") {
		t.Errorf("summary[2] = %q", rep.Summary[2])
	}
	if !strings.HasPrefix(rep.Summary[3], "Fix first: AWS access key in source in config (by 23 January 2026); SQL query built from user input in internal/store (by 15 February 2026); dependency with") {
		t.Errorf("summary[3] = %q", rep.Summary[3])
	}
	var got [3][]string
	for i, b := range rep.Roadmap {
		for _, a := range b.Actions {
			got[i] = append(got[i], a.RuleID+" "+a.Component+" "+a.Due.Format("2006-01-02"))
		}
	}
	wantRoad := [3][]string{
		{"secrets.aws-access-key config 2026-01-23", "go.sql.injection internal/store 2026-02-15"},
		{"deps.osv.vulnerable-package (root) 2026-02-15", "pipeline.gha.expression-injection CI/CD 2026-02-15"},
		{"python.crypto.weak-hash src/äpp 2026-05-16", "models.hf.unpinned-revision ml 0001-01-01"},
	}
	if d := cmp.Diff(wantRoad, got); d != "" {
		t.Errorf("roadmap (-want +got):\n%s", d)
	}
	if rep.Metrics.Density < 0.31 || rep.Metrics.Density > 0.33 {
		t.Errorf("density %v", rep.Metrics.Density)
	}
	var goLang LanguageDensity
	for _, l := range rep.Metrics.ByLanguage {
		if l.Language == "go" {
			goLang = l
		}
	}
	if goLang.Findings != 1 || goLang.Lines != 12000 {
		t.Errorf("go density %+v", goLang)
	}

	custom, err := Build(reporttest.Sample(), Options{Now: reportDate, SLADays: map[finding.Severity]int{finding.Critical: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if d := custom.Roadmap[0].Actions[0].Due; !d.Equal(reportDate.AddDate(0, 0, 1)) {
		t.Errorf("custom SLA due %v", d)
	}
	if custom.SLADays[finding.High] != 30 {
		t.Error("SLA days not overridden must keep their default")
	}
	if _, err := Build(nil, Options{}); err == nil {
		t.Error("nil result accepted")
	}
}

func TestWriteFormat(t *testing.T) {
	rep := sample(t)
	for format, prefix := range map[string]string{"html": "<!DOCTYPE html>", "PDF": "%PDF-"} {
		var buf bytes.Buffer
		if err := Write(&buf, rep, format); err != nil || !strings.HasPrefix(buf.String(), prefix) {
			t.Errorf("Write(%s): %v, starts %q", format, err, buf.String()[:min(buf.Len(), 10)])
		}
	}
	if err := Write(&bytes.Buffer{}, rep, "docx"); err == nil || !strings.Contains(err.Error(), "html, pdf") {
		t.Errorf("unknown format error = %v", err)
	}
}

func TestParseSLA(t *testing.T) {
	got, err := ParseSLA(" critical=3, low=200 ,high=0")
	if err != nil {
		t.Fatal(err)
	}
	want := map[finding.Severity]int{finding.Critical: 3, finding.Low: 200, finding.High: 0}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ParseSLA (-want +got):\n%s", d)
	}
	for _, bad := range []string{"critical", "severe=3", "high=-1", "high=x", "low=99999"} {
		if _, err := ParseSLA(bad); err == nil {
			t.Errorf("ParseSLA(%q) accepted", bad)
		}
	}
}

func TestHostileHTML(t *testing.T) {
	r := reporttest.Sample()
	r.Target = `<script>alert(1)</script>`
	r.Findings[0].Title = `<img src=x onerror=alert(1)>`
	r.Findings[0].Location.Path = `"><svg onload=alert(1)>/x.go`
	r.Findings[0].Remediation = "<b>fix</b>"
	rep, err := Build(r, Options{Organisation: "<i>Org</i>"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, rep); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, bad := range []string{"<script", "<img", "<svg onload", "<b>fix", "<i>Org"} {
		if strings.Contains(got, bad) {
			t.Errorf("unescaped %q in management HTML", bad)
		}
	}
	// The PDF takes the same text without trouble.
	if err := WritePDF(&bytes.Buffer{}, rep); err != nil {
		t.Fatal(err)
	}
}

func TestControlFindings(t *testing.T) {
	r := reporttest.Many(40)
	rep, err := Build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range rep.Compliance {
		if fr.Framework.ID != "dora" {
			continue
		}
		got := rep.ControlFindings(fr.Controls[0]) // Art. 24: every finding
		want := []string{
			"AWS access key in source ×7 (pkg/mod000/file0000.go:10:19, pkg/mod006/file0006.go:16:19, …)",
			"Untrusted GitHub context expanded in a run script ×7 (pkg/mod001/file0001.go:11:14, pkg/mod007/file0007.go:17:14, …)",
			"Dependency with a known vulnerability ×7 (pkg/mod002/file0002.go:12, pkg/mod008/file0008.go:18, …)",
			"SQL query built from user input ×7 (pkg/mod003/file0003.go:13:23, pkg/mod009/file0009.go:19:23, …)",
			"Weak hash algorithm ×6 (pkg/mod004/file0004.go:14:12, pkg/mod010/file0010.go:20:12, …)",
			"and 6 more",
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("ControlFindings (-want +got):\n%s", d)
		}
	}
}

func TestFixSummary(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Pin the full commit SHA:\n\n    uses: a/b@0123", "Pin the full commit SHA."},
		{"Never evaluate request data; parse JSON\nwith JSON.parse:\n  const h = handlers[name];\nmore", "Never evaluate request data; parse JSON with JSON.parse."},
		{"Rotate the key.", "Rotate the key."},
		{"```go\nx()\n```", ""},
	} {
		if got := fixSummary(tc.in); got != tc.want {
			t.Errorf("fixSummary(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
