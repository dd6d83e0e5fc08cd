package sarif

import (
	"bytes"
	encjson "encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/reporttest"
	"github.com/socyber/codeaudit/internal/result"
)

func write(t testing.TB, r *result.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := New().Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for name, r := range map[string]*result.Result{
		"sample.sarif": reporttest.Sample(),
		"empty.sarif":  reporttest.Empty(),
	} {
		t.Run(name, func(t *testing.T) { reporttest.Golden(t, name, write(t, r)) })
	}
}

func TestSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join("testdata", "sarif-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	abs := reporttest.Sample()
	abs.Target = "/home/ci/work/shop"
	for name, r := range map[string]*result.Result{
		"sample": reporttest.Sample(), "empty": reporttest.Empty(), "absolute target": abs, "many": reporttest.Many(300),
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(write(t, r)))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("not valid SARIF 2.1.0: %v", err)
			}
		})
	}
}

// sarifLog is the part of SARIF the GitHub ingestion checks look at.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name            string `json:"name"`
				Version         string `json:"version"`
				SemanticVersion string `json:"semanticVersion"`
				InformationURI  string `json:"informationUri"`
				Rules           []struct {
					ID               string `json:"id"`
					Name             string `json:"name"`
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string `json:"helpUri"`
					Default          struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI         string `json:"uri"`
			Description struct{ Text string }
		} `json:"originalUriBaseIds"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level   string `json:"level"`
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				Physical struct {
					Artifact struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region map[string]any `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			CodeFlows           []struct {
				ThreadFlows []struct {
					Locations []struct {
						Kinds    []string `json:"kinds"`
						Location struct {
							Message struct{ Text string }
						} `json:"location"`
					} `json:"locations"`
				} `json:"threadFlows"`
			} `json:"codeFlows"`
			Suppressions []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
			Properties map[string]any `json:"properties"`
		} `json:"results"`
	} `json:"runs"`
}

func decode(t *testing.T, b []byte) sarifLog {
	t.Helper()
	var l sarifLog
	if err := encjson.Unmarshal(b, &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Runs) != 1 {
		t.Fatalf("%d runs", len(l.Runs))
	}
	return l
}

func TestGitHubRequirements(t *testing.T) {
	l := decode(t, write(t, reporttest.Sample()))
	if l.Version != "2.1.0" || l.Schema == "" {
		t.Errorf("version %q schema %q", l.Version, l.Schema)
	}
	run := l.Runs[0]
	d := run.Tool.Driver
	if d.Name != "codeaudit" || d.Version != "1.4.0" || d.SemanticVersion != "1.4.0" || d.InformationURI != InformationURI {
		t.Errorf("driver = %+v", d)
	}
	var ids []string
	for i, r := range d.Rules {
		ids = append(ids, r.ID)
		if r.Name == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %s incomplete: %+v", r.ID, r)
		}
		sev, ok := r.Properties["security-severity"].(string)
		if !ok || len(sev) < 3 || sev[len(sev)-2] != '.' {
			t.Errorf("rule %s security-severity = %#v, want a string like \"8.0\"", r.ID, r.Properties["security-severity"])
		}
		tags, _ := r.Properties["tags"].([]any)
		if len(tags) == 0 || tags[0] != "security" {
			t.Errorf("rule %s tags = %v", r.ID, tags)
		}
		if i > 0 && d.Rules[i-1].ID >= r.ID {
			t.Errorf("rules not sorted at %s", r.ID)
		}
	}
	wantIDs := []string{
		"deps.osv.vulnerable-package", "go.crypto.weak-random", "go.sql.injection",
		"models.hf.unpinned-revision", "pipeline.gha.expression-injection",
		"python.crypto.weak-hash", "secrets.aws-access-key",
	}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	sqli := d.Rules[2]
	if sqli.Name != "GoSqlInjection" || sqli.Default.Level != "error" || sqli.HelpURI != "https://go.dev/doc/database/sql-injection" ||
		sqli.Properties["precision"] != "high" || sqli.Properties["security-severity"] != "8.0" {
		t.Errorf("go.sql.injection rule = %+v", sqli)
	}
	if diff := cmp.Diff([]any{"security", "external/cwe/cwe-89", "owasp/A03:2021", "owasp/A05:2025", "sast"}, sqli.Properties["tags"]); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
	if !strings.Contains(sqli.Help.Markdown, "[CWE-89: Improper Neutralization") || !strings.Contains(sqli.Help.Markdown, "db.QueryContext") {
		t.Errorf("help markdown:\n%s", sqli.Help.Markdown)
	}
	// A rule known only from its finding still gets a CWE helpUri.
	if hf := d.Rules[3]; hf.HelpURI != "https://cwe.mitre.org/data/definitions/494.html" || hf.Default.Level != "note" {
		t.Errorf("derived rule = %+v", hf)
	}

	base := run.OriginalURIBaseIDs[SrcRoot]
	if base.URI != "" || !strings.Contains(base.Description.Text, "./shop") {
		t.Errorf("originalUriBaseIds = %+v", run.OriginalURIBaseIDs)
	}
	inv := run.Invocations[0]
	if !inv.ExecutionSuccessful || len(inv.Notifications) != 1 || inv.Notifications[0].Message.Text != "sast: parse timed out after 5s" {
		t.Errorf("invocation = %+v", inv)
	}

	if len(run.Results) != 8 {
		t.Fatalf("%d results, want 6 open + 2 suppressed", len(run.Results))
	}
	levels := map[string]string{}
	for _, r := range run.Results {
		if d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d (%s)", r.RuleID, r.RuleIndex, d.Rules[r.RuleIndex].ID)
		}
		if r.Locations[0].Physical.Artifact.URIBaseID != SrcRoot {
			t.Errorf("result %s location not relative to %s", r.RuleID, SrcRoot)
		}
		if r.PartialFingerprints[FingerprintKey] == "" {
			t.Errorf("result %s has no %s", r.RuleID, FingerprintKey)
		}
		levels[r.RuleID] = r.Level
	}
	if diff := cmp.Diff(map[string]string{
		"secrets.aws-access-key": "error", "pipeline.gha.expression-injection": "error", "deps.osv.vulnerable-package": "error",
		"go.sql.injection": "error", "python.crypto.weak-hash": "note", "models.hf.unpinned-revision": "note",
		"go.crypto.weak-random": "warning",
	}, levels); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}

	sq := run.Results[3]
	if sq.RuleID != "go.sql.injection" {
		t.Fatalf("result 3 is %s", sq.RuleID)
	}
	if diff := cmp.Diff(map[string]any{"byteOffset": -1.0, "charOffset": -1.0, "startLine": 42.0, "startColumn": 23.0, "endLine": 42.0, "endColumn": 61.0,
		"snippet": map[string]any{"text": "\trows, err := s.db.QueryContext(ctx, q)"}}, sq.Locations[0].Physical.Region); diff != "" {
		t.Errorf("region (-want +got):\n%s", diff)
	}
	flow := sq.CodeFlows[0].ThreadFlows[0].Locations
	if len(flow) != 4 || flow[0].Location.Message.Text != "user input read from r.URL.Query().Get(\"name\")" ||
		!cmp.Equal(flow[3].Kinds, []string{"taint", "sink"}) {
		t.Errorf("thread flow = %+v", flow)
	}

	dep := run.Results[2]
	if dep.RuleID != "deps.osv.vulnerable-package" || dep.Properties["advisory"] != "GHSA-4v7x-pqxf-cx7m" || dep.Properties["security-severity"] != "7.5" {
		t.Errorf("properties = %v", dep.Properties)
	}
	if _, hasCol := dep.Locations[0].Physical.Region["startColumn"]; hasCol {
		t.Error("zero column written")
	}

	uni := run.Results[4]
	if uni.Locations[0].Physical.Artifact.URI != "src/%C3%A4pp/%E3%83%8F%E3%83%83%E3%82%B7%E3%83%A5.py" {
		t.Errorf("unicode uri = %q", uni.Locations[0].Physical.Artifact.URI)
	}

	var kinds []string
	for _, r := range run.Results[6:] {
		if len(r.Suppressions) != 1 {
			t.Fatalf("suppressed result %s has %d suppressions", r.RuleID, len(r.Suppressions))
		}
		kinds = append(kinds, r.Suppressions[0].Kind+": "+r.Suppressions[0].Justification)
	}
	if diff := cmp.Diff([]string{
		"inSource: test fixture only, not a real token (inline suppression at internal/token/token.go:11)",
		"external: accepted in baseline",
	}, kinds); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	for _, r := range run.Results[:6] {
		if r.Suppressions != nil {
			t.Errorf("open result %s has suppressions", r.RuleID)
		}
	}
}

func TestCodePointColumns(t *testing.T) {
	snip := &finding.Snippet{StartLine: 5, Lines: []string{"x := \"héllo\" + y", "ascii"}}
	for _, tc := range []struct{ line, col, want int }{
		{5, 1, 1},
		{5, 6, 6},   // before the é
		{5, 16, 15}, // "+" after the two-byte é
		{6, 3, 3},
		{7, 9, 9},   // outside the snippet: unchanged
		{5, 99, 99}, // beyond the line: unchanged
	} {
		if got := codePointColumn(snip, tc.line, tc.col); got != tc.want {
			t.Errorf("line %d byte column %d -> %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	for in, want := range map[string]string{
		"1.4.0": "1.4.0", "v2.0.1-rc.1": "2.0.1-rc.1", "v1.2.3 (0123456789ab)": "1.2.3",
		"dev": "0.0.0-dev", "": "0.0.0-dev", "dev (abc)": "0.0.0-dev", "1.2": "0.0.0-1.2", "weird/ver": "0.0.0-weird-ver",
	} {
		if got := semanticVersion(in); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAbsoluteTarget(t *testing.T) {
	r := reporttest.Empty()
	r.Target = "/home/ci/my repo"
	l := decode(t, write(t, r))
	if got := l.Runs[0].OriginalURIBaseIDs[SrcRoot].URI; got != "file:///home/ci/my%20repo/" {
		t.Errorf("uri = %q", got)
	}
}

func TestResultLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large report")
	}
	l := decode(t, write(t, reporttest.Many(MaxResults+10)))
	run := l.Runs[0]
	if len(run.Results) != MaxResults {
		t.Errorf("%d results, want %d", len(run.Results), MaxResults)
	}
	n := run.Invocations[0].Notifications
	if len(n) != 2 || !strings.Contains(n[1].Message.Text, "exceed the SARIF limit") {
		t.Errorf("notifications = %+v", n)
	}
	// The 2 suppressed and 10 of the info findings are the ones cut.
	info := 0
	for _, r := range run.Results {
		if len(r.Suppressions) > 0 {
			t.Fatal("a suppressed result was kept while open ones were cut")
		}
		if r.RuleID == "models.hf.unpinned-revision" {
			info++
		}
	}
	if want := (MaxResults+10)/6 - 10; info != want {
		t.Errorf("%d info results kept, want %d", info, want)
	}
}

func TestURI(t *testing.T) {
	for in, want := range map[string]string{
		"a/b.go": "a/b.go", "dir with space/x#1.go": "dir%20with%20space/x%231.go", "c:odd/x.go": "./c:odd/x.go", "/abs/x": "abs/x",
	} {
		if got := uri(in); got != want {
			t.Errorf("uri(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	r := reporttest.Many(10000)
	w := New()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := w.Write(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
}

// GitHub renders rule help as Markdown: a code example indented under its
// sentence (YAML rule files) must reach it fenced.
func TestHelpMarkdownFencesCode(t *testing.T) {
	r := &finding.Rule{ID: "go.http.no-timeouts", Title: "Server without timeouts", Remediation: "Use an http.Server with timeouts:\n  srv := &http.Server{ReadTimeout: 30 * time.Second}"}
	got := helpMarkdown(r)
	want := "## Remediation\n\nUse an http.Server with timeouts:\n\n```\nsrv := &http.Server{ReadTimeout: 30 * time.Second}\n```"
	if !strings.Contains(got, want) {
		t.Errorf("help markdown:\n%s", got)
	}
}
