package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/source"
	"github.com/socyber/codeaudit/internal/suppress"
)

// lineRule flags every line containing a marker word; behaviour switches
// let tests make it panic, hang or fail.
type lineRule struct {
	name   string
	word   string
	panics string // path that makes it panic
	hangs  string // path on which it ignores ctx and blocks
	fails  string // path on which it returns an error
	picky  string // path on which Wants panics
	rule   finding.Rule
}

func newLineRule(word string) *lineRule {
	return &lineRule{name: "test", word: word, rule: finding.Rule{
		ID: "test.marker", Title: "marker", Severity: finding.High, Confidence: finding.ConfidenceHigh,
		CWE: "CWE-89", Analyzer: "test",
	}}
}

func (l *lineRule) Info() analyzer.Info {
	return analyzer.Info{Name: l.name, Scanner: analyzer.ScannerSAST}
}
func (l *lineRule) Rules() []finding.Rule { return []finding.Rule{l.rule} }
func (l *lineRule) Wants(f *source.File) bool {
	if f.Path == l.picky {
		panic("cannot decide")
	}
	return f.Language == source.Go || f.Language == source.Python
}
func (l *lineRule) AnalyzeFile(ctx context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	switch t.File.Path {
	case l.panics:
		var m map[string]int
		m["boom"]++ // nil map write panics
	case l.hangs:
		time.Sleep(2 * time.Second)
	case l.fails:
		return errors.New("cannot parse")
	}
	for i, line := range finding.SplitLines(t.Content) {
		if c := strings.Index(line, l.word); c >= 0 {
			loc := finding.Location{Path: t.File.Path, StartLine: i + 1, StartColumn: c + 1, EndLine: i + 1, EndColumn: c + 1 + len(l.word)}
			out.Emit(finding.New(&l.rule, loc, "marker found"))
		}
	}
	return nil
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, dir string, opts Options, as ...analyzer.Analyzer) *result.Result {
	t.Helper()
	opts.Source.Root = dir
	opts.Now = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	r, err := Run(context.Background(), opts, as)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRunFindsAndCompletes(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.go", "package a\n\nfunc f() {\n\tSINK(x)\n}\n")
	write(t, dir, "sub/b.py", "# comment\nSINK(y)\n")
	write(t, dir, "notes.txt", "SINK in a text file is not analysed\n")
	r := run(t, dir, Options{Target: "."}, newLineRule("SINK"))
	if len(r.Findings) != 2 {
		t.Fatalf("findings = %+v", r.Findings)
	}
	f := r.Findings[0]
	if f.Location.Path != "a.go" || f.Location.StartLine != 4 || f.Fingerprint == "" || f.Snippet == nil || f.OWASP2021 == nil {
		t.Errorf("finding not completed: %+v", f)
	}
	if f.Snippet.StartLine != 2 || f.Snippet.Lines[2] != "\tSINK(x)" {
		t.Errorf("snippet = %+v", f.Snippet)
	}
	if r.Stats.Languages[source.Go].Code == 0 || r.Stats.Languages[source.Python].Comment != 1 {
		t.Errorf("line counts = %+v", r.Stats.Languages)
	}
	if r.Stats.BySeverity[finding.High] != 2 {
		t.Errorf("by severity = %+v", r.Stats.BySeverity)
	}
	if len(r.Rules) < 2 {
		t.Errorf("rules = %+v", r.Rules)
	}
}

func TestFingerprintSurvivesInsertedLines(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.go", "package a\n\nfunc f() {\n\tSINK(x)\n}\n")
	before := run(t, dir, Options{}, newLineRule("SINK")).Findings[0].Fingerprint
	write(t, dir, "a.go", "package a\n\nimport \"fmt\"\n\n// doc\nfunc g() { fmt.Println() }\n\nfunc f() {\n\tSINK(x)\n}\n")
	after := run(t, dir, Options{}, newLineRule("SINK")).Findings[0]
	if after.Location.StartLine != 9 || after.Fingerprint != before {
		t.Errorf("fingerprint changed after inserting lines above: %s -> %s (line %d)", before, after.Fingerprint, after.Location.StartLine)
	}
}

func TestDuplicateCodeGetsDistinctFingerprints(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.go", "package a\nSINK(x)\n\nSINK(x)\n\nSINK(x)\n")
	r := run(t, dir, Options{}, newLineRule("SINK"))
	seen := map[string]bool{}
	for _, f := range r.Findings {
		if seen[f.Fingerprint] {
			t.Errorf("duplicate fingerprint %s", f.Fingerprint)
		}
		seen[f.Fingerprint] = true
	}
}

func TestPanicTimeoutAndErrorBecomeWarnings(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "panic.go", "package a\nSINK()\n")
	write(t, dir, "hang.go", "package a\nSINK()\n")
	write(t, dir, "fail.go", "package a\nSINK()\n")
	write(t, dir, "ok.go", "package a\nSINK()\n")
	a := newLineRule("SINK")
	write(t, dir, "picky.go", "package a\nSINK()\n")
	a.panics, a.hangs, a.fails, a.picky = "panic.go", "hang.go", "fail.go", "picky.go"
	r := run(t, dir, Options{FileTimeout: 100 * time.Millisecond}, a)
	var paths []string
	for _, f := range r.Findings {
		paths = append(paths, f.Location.Path)
	}
	// fail.go emits nothing because it errors first; ok.go completes.
	if strings.Join(paths, ",") != "ok.go" {
		t.Errorf("findings in %v, want only ok.go", paths)
	}
	want := map[string]string{"panic.go": "crashed", "hang.go": "time budget", "fail.go": "cannot parse", "picky.go": "crashed deciding"}
	for _, w := range r.Warnings {
		if sub, ok := want[w.Path]; ok && strings.Contains(w.Message, sub) && w.Analyzer == "test" {
			delete(want, w.Path)
		}
	}
	if len(want) != 0 {
		t.Errorf("missing warnings for %v; got %+v", want, r.Warnings)
	}
}

func TestSuppressions(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.go", `package a
// codeaudit:ignore test.marker -- reviewed, constant input
SINK(1)
SINK(2) // codeaudit:ignore test.marker
SINK(3)
`)
	write(t, dir, "legacy/b.go", "package b\nSINK(4)\n")
	set := &suppress.Set{Now: time.Now(), Ignores: []suppress.Ignore{{Rule: "test.*", Paths: []string{"legacy/**"}, Reason: "legacy", Source: "c:1"}}}
	r := run(t, dir, Options{Suppress: set}, newLineRule("SINK"))
	open := map[int]string{}
	for _, f := range r.Findings {
		if f.RuleID == "test.marker" {
			open[f.Location.StartLine] = f.RuleID
		}
	}
	// Line 4's suppression has no reason: the finding stays open and the
	// comment itself is reported.
	if open[3] != "" || open[4] != "test.marker" || open[5] != "test.marker" {
		t.Errorf("open findings by line: %v", open)
	}
	var invalid bool
	for _, f := range r.Findings {
		if f.RuleID == suppress.InvalidRule.ID && f.Location.StartLine == 4 {
			invalid = true
		}
	}
	if !invalid {
		t.Error("suppression without reason not reported")
	}
	kinds := map[string]int{}
	for _, f := range r.Suppressed {
		kinds[f.Suppression.Kind]++
	}
	if kinds["inline"] != 1 || kinds["config"] != 1 {
		t.Errorf("suppressed kinds = %v", kinds)
	}
}

func TestBaselineReportsOnlyNew(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.go", "package a\nSINK(old)\n")
	first := run(t, dir, Options{}, newLineRule("SINK"))
	doc := `{"schema_version":"1.0","findings":[{"fingerprint":"` + first.Findings[0].Fingerprint + `"}]}`
	base, err := suppress.ReadBaseline("base.json", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "a.go", "package a\n// a new line above\nSINK(old)\nSINK(new)\n")
	r := run(t, dir, Options{Suppress: &suppress.Set{Baseline: base}}, newLineRule("SINK"))
	if len(r.Findings) != 1 || !strings.Contains(r.Findings[0].Snippet.Lines[len(r.Findings[0].Snippet.Lines)-1], "new") || len(r.Suppressed) != 1 {
		t.Errorf("open = %+v, suppressed = %d", r.Findings, len(r.Suppressed))
	}
}

func TestMissingRootIsAnError(t *testing.T) {
	_, err := Run(context.Background(), Options{Source: source.Options{Root: filepath.Join(t.TempDir(), "nope")}}, nil)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want ErrNotExist", err)
	}
}

func TestCancelledContext(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.go", "package a\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Options{Source: source.Options{Root: dir}}, []analyzer.Analyzer{newLineRule("x")}); err == nil {
		t.Error("cancelled scan returned no error")
	}
}

// projectRule emits for a file it reads itself, to exercise completion of
// project findings.
type projectRule struct{ *lineRule }

func (p projectRule) AnalyzeProject(ctx context.Context, pr *analyzer.Project, out analyzer.Emitter) error {
	data, err := pr.ReadFile("deps.txt")
	if err != nil {
		return err
	}
	if _, err := pr.ReadFile("../etc/passwd"); err == nil {
		return errors.New("read outside root")
	}
	for i, l := range finding.SplitLines(data) {
		if strings.Contains(l, "bad") {
			out.Emit(finding.New(&p.rule, finding.Location{Path: "deps.txt", StartLine: i + 1}, "bad dep"))
		}
	}
	return nil
}

func TestProjectAnalyzer(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "deps.txt", "good 1.0\nbad 0.1\n")
	r := run(t, dir, Options{}, projectRule{newLineRule("zzz")})
	if len(r.Findings) != 1 || r.Findings[0].Snippet == nil || r.Findings[0].Fingerprint == "" || r.Findings[0].Location.StartLine != 2 {
		t.Errorf("findings = %+v warnings = %+v", r.Findings, r.Warnings)
	}
}

// historyRule reports a finding in an older revision of a file that exists
// today with a suppression comment on the same line number.
type historyRule struct{ *lineRule }

func (h historyRule) AnalyzeProject(_ context.Context, _ *analyzer.Project, out analyzer.Emitter) error {
	f := finding.New(&h.rule, finding.Location{Path: "a.go", StartLine: 3, Revision: "abc123"}, "found in history")
	f.Snippet = &finding.Snippet{StartLine: 3, Lines: []string{"old[REDACTED]"}}
	out.Emit(f)
	return nil
}

func TestRevisionLocationsKeepTheirOwnSnippetAndIgnoreTodaysComments(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.go", "package a\n// codeaudit:ignore test.marker -- unrelated line today\nvar x = 1\n")
	r := run(t, dir, Options{}, historyRule{newLineRule("zzz")})
	if len(r.Findings) != 1 || r.Findings[0].Snippet.Lines[0] != "old[REDACTED]" || r.Findings[0].Fingerprint == "" {
		t.Errorf("findings = %+v, suppressed = %+v", r.Findings, r.Suppressed)
	}
}

func TestOnlyRestrictsTheScan(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.go", "package a\nSINK(1)\n")
	write(t, dir, "b.go", "package b\nSINK(2)\n")
	r := run(t, dir, Options{Only: []string{"./b.go"}}, newLineRule("SINK"))
	if len(r.Findings) != 1 || r.Findings[0].Location.Path != "b.go" || r.Stats.FilesScanned != 1 {
		t.Errorf("findings = %+v", r.Findings)
	}
}

// streamer wants *.bin files, reads them itself and reports their size.
type streamer struct{ *lineRule }

func (s streamer) Info() analyzer.Info {
	return analyzer.Info{Name: "streamer", Scanner: analyzer.ScannerModels, Binary: true, Stream: true}
}
func (s streamer) Wants(f *source.File) bool { return strings.HasSuffix(f.Path, ".bin") }
func (s streamer) AnalyzeFile(_ context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	if t.Content != nil && t.File.Size > 1024 {
		return errors.New("engine read a large streamed file")
	}
	out.Emit(finding.New(&s.rule, finding.Location{Path: t.File.Path, StartLine: 1}, "seen"))
	return nil
}

func TestStreamingAnalyzersGetLargeFilesUnread(t *testing.T) {
	dir := t.TempDir()
	big, _ := os.Create(filepath.Join(dir, "model.bin"))
	big.Truncate(3 << 30) // sparse: 3 GB over a 1 KB cap
	big.Close()
	write(t, dir, "big.go", "package a\n"+strings.Repeat("// filler\n", 500))
	r := run(t, dir, Options{Source: source.Options{MaxFileSize: 1024}}, streamer{newLineRule("zzz")}, newLineRule("filler"))
	if len(r.Findings) != 1 || r.Findings[0].Location.Path != "model.bin" || r.Findings[0].Fingerprint == "" {
		t.Errorf("findings = %+v warnings = %+v", r.Findings, r.Warnings)
	}
	if r.Stats.FilesSkipped[source.SkipOversize] != 1 {
		t.Errorf("the large .go file should be skipped: %v", r.Stats.FilesSkipped)
	}
}

func TestMergeSameWeakness(t *testing.T) {
	at := func(rule string, line int, cwe string, conf finding.Confidence, trace bool) finding.Finding {
		f := finding.Finding{RuleID: rule, CWE: cwe, Confidence: conf, Severity: finding.High, Location: finding.Location{Path: "a.go", StartLine: line}}
		if trace {
			f.Trace = []finding.TraceStep{{Note: "source"}}
		}
		return f
	}
	in := []finding.Finding{
		at("go.pattern.exec", 3, "CWE-78", finding.ConfidenceMedium, false),
		at("go.taint.exec", 3, "CWE-78", finding.ConfidenceHigh, true),
		at("go.weak-hash", 3, "CWE-328", finding.ConfidenceHigh, false), // other CWE: kept
		at("go.pattern.exec", 5, "CWE-78", finding.ConfidenceMedium, false),
		at("go.pattern.exec", 5, "CWE-78", finding.ConfidenceMedium, false), // same rule twice: kept
	}
	sup := at("go.pattern.exec", 7, "CWE-78", finding.ConfidenceHigh, false)
	sup.Suppression = &finding.Suppression{Kind: "inline"}
	in = append(in, sup, at("go.taint.exec", 7, "CWE-78", finding.ConfidenceHigh, true))
	got := mergeSameWeakness(in)
	var ids []string
	for _, f := range got {
		ids = append(ids, fmt.Sprintf("%s@%d", f.RuleID, f.Location.StartLine))
	}
	want := "go.taint.exec@3 go.weak-hash@3 go.pattern.exec@5 go.pattern.exec@5 go.pattern.exec@7 go.taint.exec@7"
	if strings.Join(ids, " ") != want {
		t.Errorf("kept %v, want %s", ids, want)
	}
	if got[0].Properties["also_reported_by"] != "go.pattern.exec" {
		t.Errorf("also_reported_by = %q", got[0].Properties["also_reported_by"])
	}
}

func TestMergeRefinedWeakness(t *testing.T) {
	at := func(rule, analyzer string, line int, cwe string) finding.Finding {
		return finding.Finding{RuleID: rule, Analyzer: analyzer, CWE: cwe, Confidence: finding.ConfidenceHigh, Severity: finding.Medium, Location: finding.Location{Path: "app.py", StartLine: line}}
	}
	in := []finding.Finding{
		at("python.crypto.weak-hash", "sast", 3, "CWE-328"),
		at("python.crypto.weak-password-hash", "sast", 3, "CWE-916"), // refines CWE-328: kept alone
		at("python.crypto.weak-hash", "sast", 5, "CWE-328"),          // no refinement on its line
		at("python.taint.sql-injection", "sast", 7, "CWE-89"),
		at("python.crypto.weak-hash", "sast", 7, "CWE-328"), // unrelated CWEs: both kept
		at("generic.hardcoded", "secrets", 9, "CWE-798"),
		at("python.crypto.hardcoded-key", "sast", 9, "CWE-321"), // another analyzer: both kept
	}
	got := mergeSameWeakness(in)
	var ids []string
	for _, f := range got {
		ids = append(ids, fmt.Sprintf("%s@%d", f.RuleID, f.Location.StartLine))
	}
	want := "python.crypto.weak-password-hash@3 python.crypto.weak-hash@5 python.taint.sql-injection@7 python.crypto.weak-hash@7 generic.hardcoded@9 python.crypto.hardcoded-key@9"
	if strings.Join(ids, " ") != want {
		t.Errorf("kept %v, want %s", ids, want)
	}
	if got[0].Properties["also_reported_by"] != "python.crypto.weak-hash" {
		t.Errorf("also_reported_by = %q", got[0].Properties["also_reported_by"])
	}
}
