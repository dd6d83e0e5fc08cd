package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/ruletest"
)

// exampleRules is the user rule set of docs/rules.md: one exec rule per
// language with annotated fixtures.
const exampleRules = "../../examples/rules"

// runReal runs the CLI with the real analyzers.
func runReal(t *testing.T, args ...string) outcome {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
	return outcome{code, out.String(), errb.String()}
}

// TestExampleUserRules drives the example rule set through both commands
// a user runs: `rules test DIR` passes, and `scan --rules DIR
// --rules-only` reports exactly the lines annotated ruleid: and nothing
// else, in all five languages.
func TestExampleUserRules(t *testing.T) {
	if o := runReal(t, "rules", "test", exampleRules); o.code != 0 || !strings.Contains(o.stdout, "5 rules, 8 fixture files, 0 mismatches, 0 coverage gaps") {
		t.Errorf("rules test: %+v", o)
	}
	o := runReal(t, "scan", exampleRules, "--rules", exampleRules, "--rules-only", "--scanners", "sast", "--format", "json", "--no-progress")
	if o.code != 0 {
		t.Fatalf("scan: %+v", o)
	}
	var rep struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Location struct {
				Path      string `json:"path"`
				StartLine int    `json:"start_line"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(o.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.Location.Path, f.Location.StartLine, f.RuleID))
	}
	entries, err := os.ReadDir(exampleRules)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]bool{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(exampleRules, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range ruletest.Parse(data) {
			if x.Positive {
				want = append(want, fmt.Sprintf("%s:%d %s", e.Name(), x.Line, x.RuleID))
				langs[filepath.Ext(e.Name())] = true
			}
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("scan findings:\n%s\nwant the ruleid: lines:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(langs) != 5 {
		t.Errorf("positives in %d languages, want 5", len(langs))
	}
}

// TestBrokenUserRulesExit2 checks that every kind of broken rule stops
// both commands with exit 2 and names the file, the line and the reason.
func TestBrokenUserRulesExit2(t *testing.T) {
	const head = "rules:\n  - id: my.rule\n    severity: HIGH\n    message: m\n"
	cases := map[string]struct{ yaml, want string }{
		"yaml":     {"rules:\n  - id: x\n    pattern: [\n", "bad.yaml:"},
		"language": {head + "    languages: [cobol]\n    pattern: x\n", `bad.yaml:5: rule "my.rule": unknown language "cobol"`},
		"pattern":  {head + "    languages: [go]\n    pattern: exec.Command(\n", `bad.yaml:6: rule "my.rule": invalid go pattern`},
		"severity": {"rules:\n  - id: my.rule\n    severity: SEVERE\n    message: m\n    languages: [go]\n    pattern: f()\n", `bad.yaml:3: rule "my.rule": unknown severity "SEVERE"`},
		"key":      {head + "    languages: [go]\n    pattern: f()\n    pattern-inside-out: g()\n", `bad.yaml:7: rule "my.rule": unknown key "pattern-inside-out"`},
		"regex":    {head + "    languages: [go]\n    patterns:\n      - pattern: f($X)\n      - metavariable-regex:\n          metavariable: $X\n          regex: '(?<=a)b'\n", `bad.yaml:10: rule "my.rule": metavariable-regex: look-around "(?<=...)" is not supported`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := repo(t, map[string]string{"bad.yaml": c.yaml, "a.go": "package a\n"})
			for _, args := range [][]string{
				{"rules", "test", dir},
				{"scan", dir, "--rules", filepath.Join(dir, "bad.yaml"), "--rules-only", "--no-progress"},
			} {
				o := runReal(t, args...)
				if o.code != ExitUsage || !strings.Contains(filepath.ToSlash(o.stderr), c.want) {
					t.Errorf("%s: exit %d, stderr %q, want exit 2 and %q", args[0], o.code, o.stderr, c.want)
				}
			}
		})
	}
}
