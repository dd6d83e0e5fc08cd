package secrets

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/ruletest"
)

// TestRuleFixtures runs every fixture under testdata/rules and checks the
// ruleid:/ok: annotations both ways, plus the coverage of every rule.
func TestRuleFixtures(t *testing.T) {
	a := New(Options{})
	rep, err := ruletest.RunDir(context.Background(), a, "testdata/rules")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Mismatches {
		t.Error(m)
	}
	for _, w := range rep.Warnings {
		t.Error("warning:", w)
	}
	for _, c := range rep.Coverage(a.Rules()) {
		t.Error("coverage:", c)
	}
	if rep.Files < 10 {
		t.Errorf("only %d fixture files ran", rep.Files)
	}
}

func TestRulesValid(t *testing.T) {
	a := New(Options{})
	seen := map[string]bool{}
	for _, r := range a.Rules() {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if seen[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		seen[r.ID] = true
		if !strings.HasPrefix(r.ID, "secrets.") || r.Remediation == "" || len(r.References) == 0 || r.Description == "" {
			t.Errorf("rule %s is incomplete", r.ID)
		}
	}
}

// TestDocsListEveryRule fails when docs/secrets.md drifts from the rules.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../../docs/secrets.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range New(Options{}).Rules() {
		if !strings.Contains(string(doc), "`"+r.ID+"`") {
			t.Errorf("docs/secrets.md does not describe %s", r.ID)
		}
	}
}

// TestPreCommitHookParses checks the sample hook is valid shell and runs
// the staged secrets scan.
func TestPreCommitHookParses(t *testing.T) {
	hook, err := os.ReadFile("../../scripts/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(hook), "codeaudit scan --staged --scanners secrets --fail-on") {
		t.Error("hook does not run the staged secrets scan")
	}
	if sh, err := exec.LookPath("sh"); err == nil {
		if out, err := exec.Command(sh, "-n", "../../scripts/pre-commit").CombinedOutput(); err != nil {
			t.Errorf("hook is not valid shell: %v\n%s", err, out)
		}
	}
}

// TestPreCommitHookRuns runs the sample hook in a repository with a stand-in
// codeaudit that records its arguments and exits as told: the hook passes
// the staged scan's verdict on, fails closed when codeaudit is missing, and
// honours CODEAUDIT_OPTIONAL and CODEAUDIT_FAIL_ON.
func TestPreCommitHookRuns(t *testing.T) {
	requireGit(t)
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	gitPath, _ := exec.LookPath("git")
	hook, err := filepath.Abs("../../scripts/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	git(t, repo, nil, "init", "-q")
	shimDir := t.TempDir()
	argsFile := filepath.Join(shimDir, "args")
	shim := "#!/bin/sh\nprintf '%s ' \"$@\" > '" + argsFile + "'\nexit \"${SHIM_EXIT:-0}\"\n"
	if err := os.WriteFile(filepath.Join(shimDir, "codeaudit"), []byte(shim), 0o755); err != nil {
		t.Fatal(err)
	}
	basePath := filepath.Dir(gitPath) + string(os.PathListSeparator) + filepath.Dir(sh) + string(os.PathListSeparator) + "/usr/bin:/bin"
	run := func(withShim bool, env ...string) (int, string) {
		t.Helper()
		p := basePath
		if withShim {
			p = shimDir + string(os.PathListSeparator) + p
		}
		cmd := exec.Command(sh, hook)
		cmd.Dir = repo
		cmd.Env = append([]string{"PATH=" + p, "HOME=" + repo, "GIT_CONFIG_NOSYSTEM=1"}, env...)
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), string(out)
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, string(out)
	}
	if code, out := run(true); code != 0 {
		t.Errorf("clean: exit %d\n%s", code, out)
	}
	args, _ := os.ReadFile(argsFile)
	if !strings.HasPrefix(string(args), "scan --staged --scanners secrets --fail-on high --no-progress ") {
		t.Errorf("hook ran codeaudit %s", args)
	}
	if code, out := run(true, "SHIM_EXIT=1"); code != 1 || !strings.Contains(out, "codeaudit:ignore") {
		t.Errorf("findings: exit %d\n%s", code, out)
	}
	if code, _ := run(true, "SHIM_EXIT=3"); code != 3 {
		t.Errorf("internal failure: exit %d", code)
	}
	run(true, "CODEAUDIT_FAIL_ON=medium")
	if args, _ := os.ReadFile(argsFile); !strings.Contains(string(args), "--fail-on medium") {
		t.Errorf("CODEAUDIT_FAIL_ON ignored: %s", args)
	}
	for _, d := range filepath.SplitList(basePath) {
		if _, err := os.Stat(filepath.Join(d, "codeaudit")); err == nil {
			return // a real codeaudit next to git or sh: cannot test its absence
		}
	}
	if code, out := run(false); code != 1 || !strings.Contains(out, "not found") {
		t.Errorf("missing codeaudit: exit %d\n%s", code, out)
	}
	if code, _ := run(false, "CODEAUDIT_OPTIONAL=1"); code != 0 {
		t.Errorf("missing codeaudit, optional: exit %d", code)
	}
}
