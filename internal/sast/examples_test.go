package sast

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/ruletest"
)

// exampleRules is the user rule set documented in docs/rules.md.
const exampleRules = "../../examples/rules"

// TestExampleRuleSet is the "done when" as a user would see it:
// a directory of rules written once per language, each like
// exec.Command($CMD, ...) with pattern-not exec.Command("ls", ...), hits
// exactly the annotated calls of its fixtures, across lines and through
// renamed imports, in all five languages.
func TestExampleRuleSet(t *testing.T) {
	rep, rules, err := TestRules(context.Background(), exampleRules)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Mismatches {
		t.Errorf("%s", m)
	}
	for _, c := range rep.Coverage(rules) {
		t.Errorf("coverage: %s", c)
	}
	for _, w := range rep.Warnings {
		t.Errorf("warning: %s", w)
	}
	if len(rules) != 5 {
		t.Errorf("%d rules, want one per language", len(rules))
	}
	// Every language has fixtures, with multi-line calls and renamed
	// imports among the positives.
	exts := map[string]int{}
	entries, err := os.ReadDir(exampleRules)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(exampleRules, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range ruletest.Parse(data) {
			if x.Positive {
				exts[filepath.Ext(e.Name())]++
			}
		}
	}
	for _, ext := range []string{".go", ".py", ".js", ".ts", ".java"} {
		if exts[ext] < 2 {
			t.Errorf("%s fixtures have %d positive cases, want at least 2", ext, exts[ext])
		}
	}
	for file, want := range map[string]string{
		"exec_renamed.go": `proc "os/exec"`,
		"exec_aliases.py": "from subprocess import run as r",
		"exec_import.js":  "import { exec as run } from 'child_process'",
		"exec.ts":         `import cp = require("child_process")`,
		"Exec.java":       "java.lang.Runtime.getRuntime()",
		"exec.py":         "subprocess.run(\n",
		"exec.js":         "cp.exec(\n",
		"exec.go":         "exec.Command(\n",
	} {
		data, err := os.ReadFile(filepath.Join(exampleRules, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s no longer holds %q", file, want)
		}
	}
}
