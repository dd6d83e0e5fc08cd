package sast

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/rule"
	"github.com/socyber/codeaudit/internal/source"
)

// TestAcceptanceExecRules is the "done when": the same rule in five
// languages hits exactly the annotated calls, across lines and through
// renamed imports.
func TestAcceptanceExecRules(t *testing.T) {
	rep, rules, err := TestRules(context.Background(), "testdata/exec")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Mismatches {
		t.Errorf("%s", m)
	}
	for _, c := range rep.Coverage(rules) {
		t.Errorf("coverage: %s", c)
	}
	if rep.Files != 5 {
		t.Errorf("ran over %d files, want 5", rep.Files)
	}
}

type collector struct {
	mu       sync.Mutex
	findings []finding.Finding
	warnings []string
}

func (c *collector) Emit(f finding.Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.findings = append(c.findings, f)
}

func (c *collector) Warn(path, msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.warnings = append(c.warnings, path+": "+msg)
}

func analyze(t *testing.T, a *Analyzer, path string, content []byte) *collector {
	t.Helper()
	f := source.File{Path: path, Size: int64(len(content)), Language: source.DetectLanguage(path, content)}
	c := &collector{}
	if !a.Wants(&f) {
		t.Fatalf("analyzer does not want %s", path)
	}
	if err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: content}, c); err != nil {
		c.Warn(path, "error: "+err.Error())
	}
	return c
}

func TestFindingFields(t *testing.T) {
	a, err := New(Options{RuleFiles: []string{"testdata/exec/exec.yaml"}, RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	c := analyze(t, a, "src/Main.java", []byte("class A {\n  void f(String userCommand) throws Exception {\n    Runtime.getRuntime().exec(userCommand);\n  }\n}\n"))
	if len(c.findings) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(c.findings), c.findings)
	}
	f := c.findings[0]
	want := finding.Finding{
		RuleID: "test.java-exec", Title: "Runtime.exec runs …", Message: "Runtime.exec runs userCommand",
		Severity: finding.Info, SecuritySeverity: 0, Confidence: finding.ConfidenceMedium, CWE: rule.DefaultCWE,
		Location:   finding.Location{Path: "src/Main.java", StartLine: 3, StartColumn: 5, EndLine: 3, EndColumn: 43},
		Analyzer:   "sast",
		Properties: map[string]string{"fix": "Runtime.getRuntime().exec(new String[]{userCommand})"},
	}
	f.SecuritySeverity = 0
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("finding (-want +got):\n%s", diff)
	}
}

func TestRuleMetadataFromSemgrepKeys(t *testing.T) {
	a, err := New(Options{RuleFiles: []string{"testdata/exec"}, RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for _, r := range a.Rules() {
		if r.ID == "test.js-exec" {
			if r.CWE != "CWE-78" || r.Confidence != finding.ConfidenceHigh || r.Severity != finding.Medium {
				t.Errorf("js rule metadata = %s %s %s, want CWE-78 high medium", r.CWE, r.Confidence, r.Severity)
			}
			return
		}
	}
	t.Error("test.js-exec not loaded")
}

func TestLoadErrors(t *testing.T) {
	tests := map[string]string{
		"lang.yaml":       `lang.yaml:3: rule "bad.lang": unknown language "cobol"`,
		"pattern.yaml":    `pattern.yaml:6: rule "bad.pattern": invalid go pattern`,
		"yaml.yaml":       `yaml.yaml:5: invalid YAML`,
		"severity.yaml":   `severity.yaml:4: rule "bad.severity": unknown severity "SEVERE"`,
		"nopositive.yaml": `nopositive.yaml:7: rule "bad.nopositive": patterns needs at least one positive pattern`,
	}
	for file, want := range tests {
		_, err := New(Options{RuleFiles: []string{filepath.Join("testdata/badrules", file)}, RulesOnly: true})
		var le *rule.LoadError
		if !errors.As(err, &le) {
			t.Errorf("%s: error %v is not a *rule.LoadError", file, err)
			continue
		}
		got := strings.TrimPrefix(filepath.ToSlash(err.Error()), "testdata/badrules/")
		if !strings.HasPrefix(got, want) {
			t.Errorf("%s: error %q, want prefix %q", file, got, want)
		}
	}
}

func TestBuiltinRulesLoad(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if len(a.Rules()) < 10 {
		t.Errorf("only %d built-in rules", len(a.Rules()))
	}
	if a.Info().Name != "sast" || a.Info().Scanner != analyzer.ScannerSAST {
		t.Errorf("Info = %+v", a.Info())
	}
}

func TestPartialParseWarns(t *testing.T) {
	a, err := New(Options{RuleFiles: []string{"testdata/exec/exec.yaml"}, RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	c := analyze(t, a, "broken.py", []byte("import subprocess\ndef f(:\n    pass\nsubprocess.run(cmd)\n"))
	if diff := cmp.Diff([]string{"broken.py: partially parsed: 1 syntax errors"}, c.warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if len(c.findings) != 1 || c.findings[0].Location.StartLine != 4 {
		t.Errorf("findings after a syntax error: %+v", c.findings)
	}
}

// TestBadInput feeds pathological files and checks that each finishes in
// bounded time with at most warnings.
func TestBadInput(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	garbage := make([]byte, 256<<10)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i>>3)
		if garbage[i] == 0 {
			garbage[i] = 1
		}
	}
	inputs := map[string][]byte{
		"deep.py":     []byte("import hashlib\nx = " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\nhashlib.md5(x)\n"),
		"deep.go":     []byte("package p\nimport \"crypto/md5\"\nvar x = " + strings.Repeat("(", 10000) + "md5.New()" + strings.Repeat(")", 10000) + "\n"),
		"deep.js":     []byte("eval(" + strings.Repeat("{a:", 10000) + "1" + strings.Repeat("}", 10000) + ");eval(x)\n"),
		"longline.js": []byte("const crypto = require('crypto'); var s = '" + strings.Repeat("a", 50000) + "'; eval(s);" + strings.Repeat(" f(x);", 10000) + "\n"),
		"bundle.js":   []byte("eval(x);" + strings.Repeat("function a(b){return require('child_process').exec(b+1)}var c=[1,2,3].map(function(d){return d*2});", 5<<20/110)),
		"garbage.py":  append([]byte("eval hashlib subprocess os system md5 "), garbage...),
		"Deep.java":   []byte("class A { void f() { Object o = " + strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000) + "; MessageDigest.getInstance(\"MD5\"); } }"),
	}
	// The warning each input must produce ("" for none: a long line is
	// analysed in full).
	wantWarning := map[string]string{
		"deep.py":     "syntax tree cut at nesting depth",
		"deep.go":     "syntax tree cut at nesting depth",
		"deep.js":     "syntax tree cut at nesting depth",
		"Deep.java":   "syntax tree cut at nesting depth",
		"longline.js": "",
		"bundle.js":   "the rest are not reported",
		"garbage.py":  "partially parsed",
	}
	for name, content := range inputs {
		start := time.Now()
		c := analyze(t, a, name, content)
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%s took %v", name, d)
		}
		t.Logf("%s: %d bytes, %d findings, warnings %q in %v", name, len(content), len(c.findings), c.warnings, time.Since(start).Round(time.Millisecond))
		found := false
		for _, w := range c.warnings {
			if strings.Contains(w, ": error: ") {
				t.Errorf("%s: analysis failed: %s", name, w)
			}
			if !strings.HasPrefix(w, name+": ") {
				t.Errorf("%s: warning does not name the file: %s", name, w)
			}
			found = found || wantWarning[name] != "" && strings.Contains(w, wantWarning[name])
		}
		if want := wantWarning[name]; want != "" && !found {
			t.Errorf("%s: no warning %q among %q", name, want, c.warnings)
		}
		if wantWarning[name] == "" && len(c.warnings) > 0 {
			t.Errorf("%s: unexpected warnings %q", name, c.warnings)
		}
	}
}

// TestConcurrentAnalysis runs many files through one analyzer at once, as
// the engine's worker pool does (run with -race).
func TestConcurrentAnalysis(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	files := map[string]string{
		"a.py":   "import hashlib\nhashlib.md5(x)\n",
		"b.go":   "package p\nimport \"os/exec\"\nfunc f(c string) { exec.Command(c) }\n",
		"c.js":   "eval(userInput)\n",
		"d.ts":   "eval(userInput as string)\n",
		"E.java": "class E { void f() throws Exception { java.security.MessageDigest.getInstance(\"MD5\"); } }\n",
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for i := range 20 {
		for name, src := range files {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f := source.File{Path: name, Language: source.DetectLanguage(name, nil)}
				c := &collector{}
				if err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: []byte(src)}, c); err != nil {
					errs <- err.Error()
					return
				}
				if len(c.findings) != 1 {
					errs <- fmt.Sprintf("%s run %d: %d findings", name, i, len(c.findings))
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestParseCancelled(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src := []byte("import hashlib\n" + strings.Repeat("hashlib.md5(x)\n", 200000))
	f := source.File{Path: "big.py", Language: source.Python}
	err = a.AnalyzeFile(ctx, &analyzer.Target{File: f, Content: src}, &collector{})
	if err == nil {
		t.Fatal("cancelled analysis returned no error")
	}
	// The pooled parser must still work afterwards.
	c := analyze(t, a, "small.py", []byte("import hashlib\nhashlib.md5(x)\n"))
	if len(c.findings) != 1 {
		t.Errorf("after a cancelled parse: %d findings, want 1", len(c.findings))
	}
}
