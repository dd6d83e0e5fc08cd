package compliance

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/reporttest"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the tables in docs/compliance.md")

var knownAnalyzers = map[string]bool{"sast": true, "secrets": true, "deps": true, "pipeline": true, "models": true}

// TestTables checks the embedded data: every framework and control is
// complete, ids are unique, every CWE exists in the research view and
// every analyzer exists.
func TestTables(t *testing.T) {
	if !regexp.MustCompile(`^\d{4}\.\d+\.\d+$`).MatchString(Version()) {
		t.Errorf("version %q is not YYYY.MM.N", Version())
	}
	fws, err := Frameworks()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{OWASP2025, OWASP2021, CWETop25, "asvs-5.0", "pci-dss-4.0", "dora", "nis2", "gdpr", "soc2", "hipaa", "eu-ai-act"}
	var got []string
	for _, fw := range fws {
		got = append(got, fw.ID)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("frameworks (-want +got):\n%s", d)
	}
	for _, fw := range fws {
		if fw.Name == "" || fw.Source == "" || fw.Licence == "" || len(fw.Controls) == 0 {
			t.Errorf("%s: name, source, licence and controls are required", fw.ID)
		}
		seen := map[string]bool{}
		for _, c := range fw.Controls {
			if c.ID == "" || c.Title == "" {
				t.Errorf("%s: control %q needs an id and a title", fw.ID, c.ID)
			}
			if c.owaspYear == 0 && !strings.HasPrefix(fw.ID, "cwe-top25") && c.Summary == "" {
				t.Errorf("%s %s: summary is required", fw.ID, c.ID)
			}
			if seen[c.ID] {
				t.Errorf("%s: duplicate control %s", fw.ID, c.ID)
			}
			seen[c.ID] = true
			for _, cwe := range c.CWEs {
				if !strings.HasPrefix(cwe, "CWE-") || !taxonomy.KnownCWE(cwe) {
					t.Errorf("%s %s: %s is not a CWE of the research view", fw.ID, c.ID, cwe)
				}
			}
			for _, a := range c.Analyzers {
				if !knownAnalyzers[a] {
					t.Errorf("%s %s: unknown analyzer %q", fw.ID, c.ID, a)
				}
			}
			if c.owaspYear == 0 && !c.All && len(c.CWEs) == 0 && len(c.Analyzers) == 0 && c.ID != "V17" {
				t.Errorf("%s %s: maps to nothing", fw.ID, c.ID)
			}
		}
	}
	if n := len(fws[0].Controls); n != 10 {
		t.Errorf("OWASP 2025 has %d categories", n)
	}
	if n := len(fws[2].Controls); n != 25 {
		t.Errorf("CWE Top 25 has %d entries", n)
	}
	for _, want := range []string{"CWE Terms of Use", "Creative", "certification"} {
		if !strings.Contains(Notices(), want) {
			t.Errorf("notices lack %q", want)
		}
	}
	if !strings.Contains(ASVSLicence(), "Attribution-ShareAlike 4.0") {
		t.Error("ASVS licence text missing")
	}
}

// TestASVSChapters checks the ASVS chapter titles against ASVS 5.0.0.
func TestASVSChapters(t *testing.T) {
	fws, _ := Frameworks()
	var got []string
	for _, c := range fws[3].Controls {
		got = append(got, c.ID+" "+c.Title)
	}
	want := []string{
		"V1 Encoding and Sanitization", "V2 Validation and Business Logic", "V3 Web Frontend Security",
		"V4 API and Web Service", "V5 File Handling", "V6 Authentication", "V7 Session Management",
		"V8 Authorization", "V9 Self-contained Tokens", "V10 OAuth and OIDC", "V11 Cryptography",
		"V12 Secure Communication", "V13 Configuration", "V14 Data Protection",
		"V15 Secure Coding and Architecture", "V16 Security Logging and Error Handling", "V17 WebRTC",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ASVS chapters (-want +got):\n%s", d)
	}
}

func TestMatches(t *testing.T) {
	fws, _ := Frameworks()
	find := func(fw, id string) *Control {
		for _, f := range fws {
			if f.ID != fw {
				continue
			}
			for i := range f.Controls {
				if f.Controls[i].ID == id {
					return &f.Controls[i]
				}
			}
		}
		t.Fatalf("no control %s %s", fw, id)
		return nil
	}
	for _, tc := range []struct {
		fw, control, cwe, analyzer string
		want                       bool
	}{
		{OWASP2021, "A03:2021", "CWE-89", "sast", true},
		{OWASP2025, "A05:2025", "CWE-89", "sast", true},
		{OWASP2021, "A01:2021", "CWE-89", "sast", false},
		{CWETop25, "#2 CWE-89", "CWE-89", "sast", true},
		{CWETop25, "#2 CWE-89", "CWE-564", "sast", true},  // Hibernate SQL injection is a child of CWE-89
		{CWETop25, "#2 CWE-89", "CWE-943", "sast", false}, // the broader class is not the entry
		{"pci-dss-4.0", "6.2.4 (injection)", "CWE-89", "sast", true},
		{"pci-dss-4.0", "6.2.4 (injection)", "CWE-328", "sast", false},
		{"pci-dss-4.0", "8.6.2", "CWE-200", "secrets", true}, // by analyzer
		{"pci-dss-4.0", "6.2.4 (high-risk vulnerabilities)", "CWE-1", "", true},
		{"eu-ai-act", "Art. 15(5)", "CWE-502", "sast", false},
		{"eu-ai-act", "Art. 15(5)", "CWE-502", "models", true},
		{"asvs-5.0", "V11", "CWE-328", "sast", true},
		{"asvs-5.0", "V17", "CWE-79", "sast", false},
		{"gdpr", "Art. 25", "bogus", "sast", false},
	} {
		if got := find(tc.fw, tc.control).Matches(tc.cwe, tc.analyzer); got != tc.want {
			t.Errorf("%s %s Matches(%s, %s) = %v, want %v", tc.fw, tc.control, tc.cwe, tc.analyzer, got, tc.want)
		}
	}
}

func TestAssess(t *testing.T) {
	r := reporttest.Sample()
	res, err := Assess(r.Rules, r.Findings)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, fr := range res {
		for _, c := range fr.Controls {
			got[fr.Framework.ID+" "+c.Control.ID] = c.Label()
		}
	}
	for key, want := range map[string]string{
		"owasp-top10-2021 A03:2021":          "2 findings (2 rules active)", // SQL injection, expression injection
		"owasp-top10-2021 A10:2021":          "not assessed",
		"cwe-top25-2025 #1 CWE-79":           "not assessed",
		"pci-dss-4.0 8.6.2":                  "1 finding (1 rule active)",
		"pci-dss-4.0 6.2.4 (access control)": "1 finding (1 rule active)",
		"asvs-5.0 V17":                       "not assessed",
		"eu-ai-act Art. 15(5)":               "1 finding (1 rule active)", // the models rule is not in Rules but its finding counts
		"dora Art. 25":                       "6 findings (7 rules active)",
		"gdpr Art. 32(1)(a)":                 "1 finding (1 rule active)",
	} {
		if got[key] != want {
			t.Errorf("%s = %q, want %q", key, got[key], want)
		}
	}
	for _, fr := range res {
		for _, c := range fr.Controls {
			if c.Status == NoFindings && len(c.Rules) == 0 || c.Status == NotAssessed && len(c.Rules) > 0 {
				t.Errorf("%s %s: status %v with %d rules", fr.Framework.ID, c.Control.ID, c.Status, len(c.Rules))
			}
		}
	}

	// A clean scan with no rules assesses nothing: never "pass".
	empty, err := Assess(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range empty {
		if n := fr.Counts()[NotAssessed]; n != len(fr.Controls) {
			t.Errorf("%s: %d of %d controls not assessed on an empty scan", fr.Framework.ID, n, len(fr.Controls))
		}
	}
	one := []finding.Rule{{ID: "go.sql.injection", CWE: "CWE-89", Analyzer: "sast"}}
	res, _ = Assess(one, nil)
	if c := res[0].Controls[4]; c.Control.ID != "A05:2025" || c.Label() != "no findings (1 rule active)" {
		t.Errorf("A05:2025 with one quiet rule: %s %q", c.Control.ID, c.Label())
	}
}

// TestDocs keeps docs/compliance.md in step with the data: the tables
// between the markers must be what MarkdownTables renders.
func TestDocs(t *testing.T) {
	const begin, end = "<!-- tables:begin -->\n", "<!-- tables:end -->"
	path := filepath.Join("..", "..", "docs", "compliance.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %q ... %q markers", path, begin, end)
	}
	want := MarkdownTables()
	if *updateDocs {
		s = s[:i+len(begin)] + want + s[j:]
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if d := cmp.Diff(want, s[i+len(begin):j]); d != "" {
		t.Errorf("%s tables are out of date; run go test ./internal/compliance -update-docs (-want +got):\n%s", path, d)
	}
}
