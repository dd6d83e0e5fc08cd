package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/analyzer/list"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// marker reports every line containing "DANGER" at high severity.
type marker struct{}

var markerRule = finding.Rule{ID: "test.danger", Title: "Danger", Severity: finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-78", Analyzer: "marker"}

func (marker) Info() analyzer.Info {
	return analyzer.Info{Name: "marker", Scanner: analyzer.ScannerSAST, Description: "test"}
}
func (marker) Rules() []finding.Rule     { return []finding.Rule{markerRule} }
func (marker) Wants(f *source.File) bool { return f.Language == source.Go }
func (marker) AnalyzeFile(_ context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	for i, l := range finding.SplitLines(t.Content) {
		if strings.Contains(l, "DANGER") {
			out.Emit(finding.New(&markerRule, finding.Location{Path: t.File.Path, StartLine: i + 1}, "danger here"))
		}
	}
	return nil
}

type outcome struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, args ...string) outcome {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, IO{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv:    func(string) string { return "" },
		analyzers: func(list.Options) ([]analyzer.Analyzer, error) { return []analyzer.Analyzer{marker{}}, nil },
	})
	return outcome{code, out.String(), errb.String()}
}

func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExitCodes(t *testing.T) {
	dirty := repo(t, map[string]string{"a.go": "package a\n// DANGER\n"})
	clean := repo(t, map[string]string{"a.go": "package a\n"})
	badCfg := repo(t, map[string]string{"a.go": "package a\n", ".codeaudit.yaml": "version: 1\nignore:\n  - rule: x\n"})
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"findings without fail-on", []string{"scan", dirty}, ExitOK, ""},
		{"findings at fail-on", []string{"scan", "--fail-on", "high", dirty}, ExitFindings, ""},
		{"findings below fail-on", []string{"scan", "--fail-on", "critical", dirty}, ExitOK, ""},
		{"clean with fail-on", []string{"scan", "--fail-on", "info", clean}, ExitOK, ""},
		{"missing path", []string{"scan", filepath.Join(clean, "nope")}, ExitUsage, "no such file"},
		{"bad config", []string{"scan", badCfg}, ExitUsage, ".codeaudit.yaml:3: ignore entry needs a reason"},
		{"unknown scanner", []string{"scan", "--scanners", "sast,magic", clean}, ExitUsage, `unknown scanner "magic"`},
		{"unknown format", []string{"scan", "--format", "pdf", clean}, ExitUsage, "pdf"},
		{"bad fail-on", []string{"scan", "--fail-on", "severe", clean}, ExitUsage, "fail-on"},
		{"unknown flag", []string{"scan", "--frobnicate", clean}, ExitUsage, "unknown flag"},
		{"too many args", []string{"scan", clean, clean}, ExitUsage, "accepts at most 1 arg"},
		{"missing baseline", []string{"scan", "--baseline", filepath.Join(clean, "none.json"), clean}, ExitUsage, "--baseline"},
		{"bad size", []string{"scan", "--max-file-size", "big", clean}, ExitUsage, "max-file-size"},
		{"version", []string{"version"}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := runCLI(t, tt.args...)
			if o.code != tt.code || !strings.Contains(o.stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d with %q", o.code, o.stderr, tt.code, tt.stderr)
			}
		})
	}
}

func TestJSONOutputAndBaseline(t *testing.T) {
	dir := repo(t, map[string]string{"a.go": "package a\n// DANGER one\n"})
	out := filepath.Join(t.TempDir(), "base.json")
	if o := runCLI(t, "scan", "--format", "json", "--output", out, "-q", dir); o.code != 0 || o.stdout != "" {
		t.Fatalf("json scan: %+v", o)
	}
	var doc struct {
		SchemaVersion string `json:"schema_version"`
		Findings      []struct {
			RuleID      string `json:"rule_id"`
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
	}
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Findings) != 1 || doc.Findings[0].RuleID != "test.danger" {
		t.Fatalf("json output: %v %s", err, data)
	}
	// A new finding above the old one: only it fails the gate.
	os.WriteFile(filepath.Join(dir, "a.go"), []byte("package a\n// DANGER two\n\n// DANGER one\n"), 0o644)
	o := runCLI(t, "scan", "--baseline", out, "--fail-on", "high", "--format", "json", dir)
	if o.code != ExitFindings {
		t.Fatalf("exit = %d, stderr %s", o.code, o.stderr)
	}
	var after struct {
		Findings   []struct{ Message string } `json:"findings"`
		Suppressed []struct{ Message string } `json:"suppressed"`
	}
	json.Unmarshal([]byte(o.stdout), &after)
	if len(after.Findings) != 1 || len(after.Suppressed) != 1 {
		t.Errorf("open %d suppressed %d", len(after.Findings), len(after.Suppressed))
	}
	// With the new one suppressed inline, the gate passes.
	os.WriteFile(filepath.Join(dir, "a.go"), []byte("package a\n// codeaudit:ignore test.danger -- test input\n// DANGER two\n\n// DANGER one\n"), 0o644)
	if o := runCLI(t, "scan", "--baseline", out, "--fail-on", "high", "-q", dir); o.code != ExitOK {
		t.Errorf("exit = %d with everything suppressed: %s", o.code, o.stdout)
	}
}

func TestConfigDefaultsAndExpiry(t *testing.T) {
	dir := repo(t, map[string]string{
		"a.go":            "package a\n// DANGER\n",
		"skip/b.go":       "package b\n// DANGER\n",
		".codeaudit.yaml": "version: 1\nfail-on: high\nexclude: [skip/]\nignore:\n  - rule: test.*\n    reason: old\n    expires: 2020-01-01\n",
	})
	o := runCLI(t, "scan", "--format", "json", dir)
	if o.code != ExitFindings {
		t.Errorf("config fail-on not applied: exit %d", o.code)
	}
	if strings.Contains(o.stdout, "skip/b.go") {
		t.Error("config exclude not applied")
	}
	if !strings.Contains(o.stdout, "expired on 2020-01-01") {
		t.Error("expired ignore entry not reported")
	}
}

func TestRulesList(t *testing.T) {
	o := runCLI(t, "rules", "list")
	if o.code != 0 || !strings.Contains(o.stdout, "test.danger") || !strings.Contains(o.stdout, "CWE-78") {
		t.Errorf("rules list: %+v", o)
	}
	o = runCLI(t, "rules", "list", "--format", "json")
	var doc struct{ Rules []finding.Rule }
	if err := json.Unmarshal([]byte(o.stdout), &doc); err != nil || len(doc.Rules) < 2 {
		t.Errorf("rules list json: %v %s", err, o.stdout)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"scan", "--help"}, {"rules", "list", "--help"}} {
		o := runCLI(t, args...)
		if o.code != 0 || !strings.Contains(o.stdout, "Usage:") {
			t.Errorf("%v: %+v", args, o)
		}
	}
}

func TestRulesTest(t *testing.T) {
	good := repo(t, map[string]string{
		"exec.yaml": `rules:
  - id: my.exec
    languages: [go]
    severity: HIGH
    message: command from $CMD
    metadata: {cwe: "CWE-78: OS Command Injection"}
    patterns:
      - pattern: exec.Command($CMD, ...)
      - pattern-not: exec.Command("ls", ...)
`,
		"exec.go": `package x

import "os/exec"

func f(user string) {
	// ruleid: my.exec
	exec.Command(user)
	// ruleid: my.exec
	exec.Command(user,
		"-x")
	// ok: my.exec
	exec.Command("ls", "-l")
	// ok: my.exec
	exec.Command("ls")
}
`,
	})
	if o := runCLI(t, "rules", "test", good); o.code != 0 || !strings.Contains(o.stdout, "0 mismatches") {
		t.Errorf("passing rules: %+v", o)
	}
	bad := repo(t, map[string]string{
		"exec.yaml": `rules:
  - id: my.exec
    languages: [go]
    severity: HIGH
    message: m
    metadata: {cwe: CWE-78}
    pattern: exec.Command($CMD, ...)
`,
		"exec.go": "package x\n\nimport \"os/exec\"\n\nfunc f() {\n\t// ok: my.exec\n\texec.Command(\"ls\")\n}\n",
	})
	if o := runCLI(t, "rules", "test", bad); o.code != ExitFindings || !strings.Contains(o.stdout, "false positive") || !strings.Contains(o.stdout, "coverage") {
		t.Errorf("failing rules: %+v", o)
	}
	broken := repo(t, map[string]string{"r.yaml": "rules:\n  - id: x\n    languages: [cobol]\n    message: m\n    severity: HIGH\n    pattern: x\n"})
	if o := runCLI(t, "rules", "test", broken); o.code != ExitUsage || !strings.Contains(o.stderr, "r.yaml:") {
		t.Errorf("broken rule file: %+v", o)
	}
}

func TestUserRuleFileErrorsExit2(t *testing.T) {
	dir := repo(t, map[string]string{"a.go": "package a\n", "bad.yaml": "rules:\n  - id: x\n    languages: [go]\n    severity: HIGH\n    message: m\n    pattern: exec.Command(\n"})
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"scan", "--rules", filepath.Join(dir, "bad.yaml"), dir}, IO{Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
	if code != ExitUsage || !strings.Contains(errb.String(), "bad.yaml:") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

func TestReportCommands(t *testing.T) {
	dir := repo(t, map[string]string{"a.go": "package a\n// DANGER\n"})
	out := t.TempDir()
	saved := filepath.Join(out, "r.json")
	if o := runCLI(t, "scan", "--format", "json", "-o", saved, "-q", dir); o.code != 0 {
		t.Fatalf("scan: %+v", o)
	}
	o := runCLI(t, "report", "management", "--from", saved, "--org", "Example Bank", "--sla", "critical=3,high=14")
	if o.code != 0 || !strings.Contains(o.stdout, "<html") || !strings.Contains(o.stdout, "Example Bank") {
		t.Errorf("management html: exit %d, stderr %q", o.code, o.stderr)
	}
	pdf := filepath.Join(out, "m.pdf")
	if o := runCLI(t, "report", "management", dir, "--format", "pdf", "-o", pdf, "-q"); o.code != 0 {
		t.Errorf("management pdf: %+v", o)
	}
	if data, _ := os.ReadFile(pdf); !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
	zipPath := filepath.Join(out, "e.zip")
	if o := runCLI(t, "report", "evidence", "--from", saved, "-o", zipPath); o.code != 0 {
		t.Errorf("evidence: %+v", o)
	}
	if data, _ := os.ReadFile(zipPath); !bytes.Contains(data, []byte("MANIFEST.sha256")) {
		t.Error("evidence pack has no manifest")
	}
	for _, bad := range [][]string{
		{"report", "management", "--from", saved, "--format", "docx"},
		{"report", "management", "--from", filepath.Join(out, "missing.json")},
		{"report", "management", "--from", saved, dir},
		{"report", "management", "--from", saved, "--sla", "critical=soon"},
		{"report", "management", "--from", saved, "--date", "tomorrow"},
	} {
		if o := runCLI(t, bad...); o.code != ExitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", bad, o.code, o.stderr)
		}
	}
}

// TestStagedPreCommit runs the real secrets analyzer the way the
// pre-commit hook does: only what is staged counts.
func TestStagedPreCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := repo(t, map[string]string{"README.md": "hello\n"})
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "init")
	// Unstaged: a secret that is not part of the commit.
	os.WriteFile(filepath.Join(dir, "local.env"), []byte("AWS_ACCESS_KEY_ID=AKIAQ3EGRT5WZ7YKJ4N6\n"), 0o644)
	scan := func() outcome {
		var out, errb bytes.Buffer
		code := Main(context.Background(), []string{"scan", "--staged", "--scanners", "secrets", "--fail-on", "high", "--format", "json", dir}, IO{Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
		return outcome{code, out.String(), errb.String()}
	}
	if o := scan(); o.code != ExitOK {
		t.Fatalf("nothing staged: exit %d\n%s%s", o.code, o.stdout, o.stderr)
	}
	os.WriteFile(filepath.Join(dir, "deploy.py"), []byte("import boto3\nAWS_ACCESS_KEY_ID = \"AKIAQ3EGRT5WZ7YKJ4N6\"\n"), 0o644)
	git("add", "deploy.py")
	o := scan()
	if o.code != ExitFindings || !strings.Contains(o.stdout, "deploy.py") || strings.Contains(o.stdout, "local.env") {
		t.Errorf("staged secret: exit %d\n%s%s", o.code, o.stdout, o.stderr)
	}
	if strings.Contains(o.stdout, "AKIAQ3EGRT5WZ7YKJ4N6") {
		t.Error("report contains the full secret")
	}
}

func TestExitInternal(t *testing.T) {
	dir := repo(t, map[string]string{"a.go": "package a\n// DANGER\n"})
	// An interrupted scan (Ctrl-C cancels the context) is exit 3.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := Main(ctx, []string{"scan", dir}, IO{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv:    func(string) string { return "" },
		analyzers: func(list.Options) ([]analyzer.Analyzer, error) { return []analyzer.Analyzer{marker{}}, nil },
	})
	if code != ExitInternal || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("cancelled scan: exit %d, stderr %q", code, errb.String())
	}
	// A crash in codeaudit itself is exit 3 with a message, never a trace.
	errb.Reset()
	code = Main(context.Background(), []string{"scan", dir}, IO{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv:    func(string) string { return "" },
		analyzers: func(list.Options) ([]analyzer.Analyzer, error) { panic("registry broken") },
	})
	if code != ExitInternal || !strings.Contains(errb.String(), "internal error: registry broken") {
		t.Errorf("crash: exit %d, stderr %q", code, errb.String())
	}
}

func TestOutputPathCheckedBeforeScan(t *testing.T) {
	dir := repo(t, map[string]string{"a.go": "package a\n", "file": "x"})
	for _, tc := range []struct{ out, want string }{
		{filepath.Join(dir, "missing", "r.json"), "no such file or directory"},
		{dir, "is a directory"},
		{filepath.Join(dir, "file", "r.json"), "is not a directory"},
	} {
		o := runCLI(t, "scan", "--format", "json", "-o", tc.out, dir)
		if o.code != ExitUsage || !strings.Contains(o.stderr, tc.want) {
			t.Errorf("-o %s: exit %d, stderr %q; want exit 2 with %q", tc.out, o.code, o.stderr, tc.want)
		}
	}
	if o := runCLI(t, "report", "management", "-o", filepath.Join(dir, "missing", "m.html"), dir); o.code != ExitUsage || !strings.Contains(o.stderr, "--output") {
		t.Errorf("report management to a missing directory: exit %d, stderr %q", o.code, o.stderr)
	}
}

func TestShowProgress(t *testing.T) {
	for _, tc := range []struct {
		name         string
		fl           scanFlags
		machine, tty bool
		want         bool
	}{
		{"terminal, text", scanFlags{}, false, true, true},
		{"not a terminal", scanFlags{}, false, false, false},
		{"quiet", scanFlags{quiet: true}, false, true, false},
		{"no-progress", scanFlags{noProgress: true}, false, true, false},
		{"verbose logs instead", scanFlags{verbose: true}, false, true, false},
		{"machine output on stdout", scanFlags{}, true, true, false},
	} {
		if got := showProgress(&tc.fl, tc.machine, tc.tty); got != tc.want {
			t.Errorf("%s: showProgress = %v, want %v", tc.name, got, tc.want)
		}
	}
}
