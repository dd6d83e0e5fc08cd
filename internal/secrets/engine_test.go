package secrets_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/engine"
	"github.com/socyber/codeaudit/internal/secrets"
	"github.com/socyber/codeaudit/internal/source"
)

// TestThroughEngine runs the analyzer inside the real engine: findings keep
// the analyzer's redacted snippet and hash-based fingerprint, inline
// codeaudit:ignore comments suppress secrets, and nothing in the result
// holds a secret.
func TestThroughEngine(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"app/.env": "POSTGRES_PASSWORD=pG7!vQ2rX9mK\n" +
			"# codeaudit:ignore secrets.generic-secret -- rotated, kept for the demo\n" +
			"SESSION_SECRET=8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc\n" +
			"API_KEY=your-api-key-here\n",
		"svc/aws.py": "KEY = \"AKIAZ3XQ7JH2MPLV4NWR\"\nother = 1\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := engine.Run(context.Background(), engine.Options{Source: source.Options{Root: dir}, Target: dir, Jobs: 2},
		[]analyzer.Analyzer{secrets.New(secrets.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.RuleID+"@"+f.Location.String())
		if f.Snippet == nil || !strings.Contains(strings.Join(f.Snippet.Lines, "\n"), "(sha256:") {
			t.Errorf("%s: snippet not the redacted one: %+v", f.RuleID, f.Snippet)
		}
		if !strings.HasPrefix(f.Fingerprint, fingerprintPrefix(f.RuleID, f.Location.Path, f.Properties["secret_hash"])) {
			t.Errorf("%s: fingerprint %s not hash-based", f.RuleID, f.Fingerprint)
		}
	}
	want := "secrets.aws-access-key-id@svc/aws.py:1:8 secrets.generic-password@app/.env:1:19"
	if strings.Join(sortStrings(got), " ") != want {
		t.Errorf("findings = %v; want %s", got, want)
	}
	if len(res.Suppressed) != 1 || res.Suppressed[0].RuleID != "secrets.generic-secret" {
		t.Errorf("suppressed = %+v", res.Suppressed)
	}
	b, _ := json.Marshal(res)
	for _, s := range []string{"pG7!vQ2rX9mK", "8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc", "AKIAZ3XQ7JH2MPLV4NWR"} {
		if strings.Contains(string(b), s) {
			t.Errorf("result JSON contains a secret starting %q", s[:4])
		}
	}
}

// fingerprintPrefix recomputes the documented fingerprint through the
// exported pieces: it must not depend on the secret text.
func fingerprintPrefix(ruleID, path, hash string) string {
	return secrets.Fingerprint(ruleID, path, hash)
}

func sortStrings(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// TestHistoryThroughEngine checks a secret that was committed and then
// deleted with its file is reported by the engine with its commit.
func TestHistoryThroughEngine(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME="+dir,
			"GIT_AUTHOR_NAME=Eve", "GIT_AUTHOR_EMAIL=eve@example.org", "GIT_COMMITTER_NAME=Eve", "GIT_COMMITTER_EMAIL=eve@example.org",
			"GIT_AUTHOR_DATE=2023-05-06T07:08:09+02:00", "GIT_COMMITTER_DATE=2023-05-06T07:08:09+02:00")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q", "-b", "main")
	if err := os.WriteFile(filepath.Join(dir, "old.env"), []byte("SMTP_PASSWORD=Hk3$wQ8zLm5v\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", ".")
	run("commit", "-q", "-m", "smtp")
	run("rm", "-q", "old.env")
	run("commit", "-q", "-m", "drop smtp")
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(context.Background(), engine.Options{Source: source.Options{Root: dir}, Target: dir},
		[]analyzer.Analyzer{secrets.New(secrets.Options{GitHistory: true})})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Fatalf("findings = %+v, warnings %+v", res.Findings, res.Warnings)
	}
	f := res.Findings[0]
	if f.Location.Path != "old.env" || f.Location.StartLine != 1 || f.Properties["in_history_only"] != "true" ||
		f.Properties["author"] != "Eve <eve@example.org>" || f.Properties["date"] != "2023-05-06T07:08:09+02:00" || len(f.Properties["commit"]) != 40 {
		t.Errorf("history finding = %+v %v", f.Location, f.Properties)
	}
	if b, _ := json.Marshal(res); strings.Contains(string(b), "Hk3$wQ8zLm5v") {
		t.Error("result leaks the secret")
	}
}

// TestHistoryInlineIgnoreThroughEngine checks codeaudit:ignore comments in
// history mode, where the engine reads no file for this analyzer: a
// working-tree .env line marked ignored is suppressed (not reported again
// as history-only), and the engine's debug log holds no secret.
func TestHistoryInlineIgnoreThroughEngine(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Eve", "-c", "user.email=eve@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q", "-b", "main")
	env := "# codeaudit:ignore secrets.generic-password -- local test database, not reachable\n" +
		"POSTGRES_PASSWORD=pG7!vQ2rX9mK\n" +
		"SESSION_SECRET=8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc\n"
	if err := os.WriteFile(filepath.Join(dir, "app.env"), []byte(env), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", ".")
	run("commit", "-q", "-m", "env")
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	res, err := engine.Run(context.Background(), engine.Options{Source: source.Options{Root: dir}, Target: dir, Logger: logger},
		[]analyzer.Analyzer{secrets.New(secrets.Options{GitHistory: true})})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "secrets.generic-secret" || res.Findings[0].Properties["in_history_only"] != "false" {
		t.Errorf("findings = %+v", res.Findings)
	}
	if len(res.Suppressed) != 1 || res.Suppressed[0].RuleID != "secrets.generic-password" || res.Suppressed[0].Suppression.Kind != "inline" {
		t.Errorf("suppressed = %+v", res.Suppressed)
	}
	b, _ := json.Marshal(res)
	for _, s := range []string{"pG7!vQ2rX9mK", "8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc"} {
		if strings.Contains(string(b)+logs.String(), s) {
			t.Errorf("result or log contains a secret starting %q", s[:4])
		}
	}
}

// TestExclusionsInHistoryAndStaged checks that paths the operator excluded
// (an exclude pattern, a .codeauditignore file) are left out of history and
// staged scans as they are of the working tree, while a file committed by
// mistake and git-ignored afterwards is still reported from history.
func TestExclusionsInHistoryAndStaged(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Eve", "-c", "user.email=eve@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	put := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q", "-b", "main")
	put(".codeauditignore", "fixtures/\n")
	put("fixtures/a.env", "SMTP_PASSWORD=Hk3$wQ8zLm5v\n")
	put("testdata/b.env", "API_TOKEN=Lm3pX7vQ9rTz8Kd2\n")
	put(".env", "POSTGRES_PASSWORD=pG7!vQ2rX9mK\n")
	run("add", ".")
	run("commit", "-q", "-m", "init")
	put(".gitignore", ".env\n")
	run("rm", "-q", "--cached", ".env")
	run("add", ".gitignore")
	run("commit", "-q", "-m", "stop tracking .env")

	scan := func(opts secrets.Options, only []string) []string {
		t.Helper()
		res, err := engine.Run(context.Background(), engine.Options{Source: source.Options{Root: dir, Exclude: []string{"testdata/"}}, Target: dir, Only: only},
			[]analyzer.Analyzer{secrets.New(opts)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.Location.Path+" "+f.Properties["in_history_only"])
		}
		return sortStrings(got)
	}
	if got, want := strings.Join(scan(secrets.Options{GitHistory: true}, nil), ","), ".env true"; got != want {
		t.Errorf("history: %s; want %s", got, want)
	}

	put("fixtures/c.env", "SESSION_SECRET=8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc\n")
	put("testdata/d.env", "SESSION_SECRET=8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc\n")
	put("app/e.env", "SESSION_SECRET=8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc\n")
	run("add", ".")
	staged, err := secrets.StagedFiles(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(scan(secrets.Options{Staged: true}, staged), ","), "app/e.env "; got != want {
		t.Errorf("staged: %s; want %s", got, want)
	}
}
