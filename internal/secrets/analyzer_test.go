package secrets

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// fakeGitHubToken builds a token with a valid checksum from 30 characters.
func fakeGitHubToken(random30 string) string {
	return "ghp_" + random30 + base62CRC(random30)
}

type emitter struct {
	mu       sync.Mutex
	findings []finding.Finding
	warnings []string
}

func (e *emitter) Emit(f finding.Finding) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.findings = append(e.findings, f)
}

func (e *emitter) Warn(path, msg string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.warnings = append(e.warnings, path+": "+msg)
}

func TestChecksum(t *testing.T) {
	// The published sample of npm's token format announcement.
	if !validCRCToken("qkJaB6MffYVzZXWqmcoF49yrUxP3wf0LsakP") {
		t.Error("known-good npm sample rejected")
	}
	if validCRCToken("qkJaB6MffYVzZXWqmcoF49yrUxP3wf0LsakQ") {
		t.Error("bad checksum accepted")
	}
	tok := fakeGitHubToken("Zr8kQ2mLx7Vp4Wn9Tb3Yc6Hd1Jf5Gs")
	if !validCRCToken(tok[4:]) {
		t.Error("generated token rejected")
	}
}

func TestRedact(t *testing.T) {
	tests := []struct {
		secret string
		show   int
		want   string
	}{
		{"AKIAZ3XQ7JH2MPLV4NWR", 4, "AKIA…(sha256:" + Hash("AKIAZ3XQ7JH2MPLV4NWR")[:8] + ")"},
		{"hunter2!", 0, "hu…(sha256:" + Hash("hunter2!")[:8] + ")"},
		{"abc", 0, "…(sha256:" + Hash("abc")[:8] + ")"},
		{"sk_live_0123456789abcdefghijklmnopqrstu", 8, "sk_live_…(sha256:" + Hash("sk_live_0123456789abcdefghijklmnopqrstu")[:8] + ")"},
	}
	for _, tt := range tests {
		if got := redactShowing(tt.secret, tt.show); got != tt.want {
			t.Errorf("redactShowing(%q, %d) = %q; want %q", tt.secret, tt.show, got, tt.want)
		}
	}
	if got := Redact("hunter2!"); got != tests[1].want {
		t.Errorf("Redact = %q", got)
	}
	if len(Hash("x")) != 16 {
		t.Error("hash length")
	}
}

// redactionCorpus holds one secret per detector family; none may appear in
// any finding field.
func redactionCorpus() (string, []string) {
	gh := fakeGitHubToken("Pq4Lm8Zx2Vn7Rk3Wt9Yb5Hc1Jd6Gf0")
	secrets := []string{
		"AKIAZ3XQ7JH2MPLV4NWR",
		gh,
		"Tr0ub4dor&3x",
		"Vq7mZ2xK9pLw",
		"dj4Kx9Lm2Pq7Rs1Tv6Wy3Za8Bc5De0Fg",
	}
	text := "AWS_ACCESS_KEY_ID = \"" + secrets[0] + "\"\n" +
		"token = '" + secrets[1] + "'  # next line too\n" +
		"DB_PASSWORD = \"" + secrets[2] + "\"\n" +
		"DATABASE_URL = \"postgres://billing:" + secrets[3] + "@db.acme.internal/billing\"\n" +
		"SECRET_KEY = \"" + secrets[4] + "\"\n"
	return text, secrets
}

func TestRedactionEverywhere(t *testing.T) {
	text, secrets := redactionCorpus()
	fs, err := New(Options{}).ScanText(context.Background(), "app/settings.py", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != len(secrets) {
		t.Fatalf("got %d findings, want %d", len(fs), len(secrets))
	}
	b, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if strings.Contains(string(b), s) {
			t.Errorf("finding JSON contains the secret %q", s[:4])
		}
		// Nor any long slice of it.
		if strings.Contains(string(b), s[len(s)/2:]) {
			t.Errorf("finding JSON contains the second half of %q…", s[:4])
		}
	}
	for _, f := range fs {
		if f.Snippet == nil || f.Fingerprint == "" || f.Properties["secret_hash"] == "" || f.Properties["secret_prefix"] == "" {
			t.Errorf("%s: snippet, fingerprint or secret properties missing", f.RuleID)
		}
		if want := secretFingerprint(f.RuleID, f.Location.Path, f.Properties["secret_hash"]); f.Fingerprint != want {
			t.Errorf("%s: fingerprint %s not derived from the hash", f.RuleID, f.Fingerprint)
		}
		if !strings.Contains(f.Message, "(sha256:"+f.Properties["secret_hash"][:8]+")") {
			t.Errorf("%s: message %q lacks the redacted form", f.RuleID, f.Message)
		}
	}
}

func TestFindingDetails(t *testing.T) {
	tok := fakeGitHubToken("Pq4Lm8Zx2Vn7Rk3Wt9Yb5Hc1Jd6Gf0")
	text := "x = 1\nGH = \"" + tok + "\"\n"
	fs, err := New(Options{}).ScanText(context.Background(), "tests/fixtures/gh.py", []byte(text))
	if err != nil || len(fs) != 1 {
		t.Fatalf("findings %v, %v", fs, err)
	}
	f := fs[0]
	want := finding.Location{Path: "tests/fixtures/gh.py", StartLine: 2, StartColumn: 7, EndLine: 2, EndColumn: 7 + len(tok)}
	if diff := cmp.Diff(want, f.Location); diff != "" {
		t.Errorf("location (-want +got):\n%s", diff)
	}
	// Valid checksum gives high confidence; the test path lowers it one step.
	if f.Confidence != finding.ConfidenceMedium || f.Properties["checksum"] != "valid" || f.Properties["context"] != "test" {
		t.Errorf("confidence %v, properties %v", f.Confidence, f.Properties)
	}
	if f.Severity != finding.High || f.CWE != "CWE-798" {
		t.Errorf("severity %v cwe %s", f.Severity, f.CWE)
	}
	wantSnippet := &finding.Snippet{StartLine: 1, Lines: []string{"x = 1", "GH = \"" + redactShowing(tok, 4) + "\""}}
	if diff := cmp.Diff(wantSnippet, f.Snippet); diff != "" {
		t.Errorf("snippet (-want +got):\n%s", diff)
	}
}

func TestPlaceholdersAndDecoys(t *testing.T) {
	decoys := []string{
		"AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
		"password = \"changeme\"",
		"api_key = \"your-api-key-here\"",
		"token: ${GITHUB_TOKEN}",
		"secret = \"{{ .Values.secret }}\"",
		"password = \"<your-password>\"",
		"password = \"********\"",
		"api_key = os.Getenv(\"API_KEY\")",
		"const token = process.env.TOKEN;",
		"sha256 = \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"",
		"request_id = \"123e4567-e89b-12d3-a456-426614174000\"",
		"commit: 9fceb02d0ae598e95dc970b74767f19372d61af8",
		"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA8z3Jk4sLmQz deploy@ci",
		"-----BEGIN PUBLIC KEY-----",
		"password: xxxxxxxxxxxx",
		"token = \"aaaaaaaaaaaaaaaaaaaaaaaa\"",
	}
	a := New(Options{})
	for _, d := range decoys {
		fs, err := a.ScanText(context.Background(), "config/app.env", []byte(d+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			t.Errorf("decoy %q reported as %s", d, f.RuleID)
		}
	}
}

func TestWants(t *testing.T) {
	a := New(Options{})
	for p, want := range map[string]bool{"app.py": true, "go.sum": false, "web/package-lock.json": false, ".env": true} {
		if got := a.Wants(&source.File{Path: p}); got != want {
			t.Errorf("Wants(%s) = %v", p, got)
		}
	}
	if a.Wants(&source.File{Path: "x.bin", Binary: true}) {
		t.Error("binary wanted")
	}
	if New(Options{Staged: true}).Wants(&source.File{Path: "app.py"}) || New(Options{GitHistory: true}).Wants(&source.File{Path: "app.py"}) {
		t.Error("file phase must be off in staged and history mode")
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	big := strings.Repeat("password = 'x' token = 'y'\n", 20000)
	if _, err := New(Options{}).ScanText(ctx, "a.py", []byte(big)); err == nil {
		t.Error("cancelled scan returned no error")
	}
}

// git runs git in dir with a fixed identity and dates.
func git(t testing.TB, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME="+dir)
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func requireGit(t testing.TB) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
}

func author(name, date string) []string {
	return []string{"GIT_AUTHOR_NAME=" + name, "GIT_AUTHOR_EMAIL=" + strings.ToLower(name) + "@example.org", "GIT_AUTHOR_DATE=" + date,
		"GIT_COMMITTER_NAME=" + name, "GIT_COMMITTER_EMAIL=" + strings.ToLower(name) + "@example.org", "GIT_COMMITTER_DATE=" + date}
}

func write(t testing.TB, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// project builds the analyzer.Project the engine would pass.
func project(t testing.TB, dir string) *analyzer.Project {
	t.Helper()
	var files []source.File
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, source.File{Path: filepath.ToSlash(rel), Abs: p})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return &analyzer.Project{Root: dir, Files: files, ReadFile: func(p string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	}}
}

func TestGitHistoryAddedThenRemoved(t *testing.T) {
	requireGit(t)
	dir := t.TempDir()
	git(t, dir, nil, "init", "-q", "-b", "main")
	tok := fakeGitHubToken("Hx8Lq2Zk7Vm4Pw9Rt3Nb6Yc1Jf5Gd0")
	write(t, dir, "README.md", "# service\n")
	git(t, dir, nil, "add", ".")
	git(t, dir, author("Alice", "2024-01-02T10:00:00+00:00"), "commit", "-q", "-m", "init")
	write(t, dir, "deploy/config.py", "import os\n\nGITHUB_TOKEN = \""+tok+"\"\n")
	git(t, dir, nil, "add", ".")
	git(t, dir, author("Bob", "2024-02-03T11:00:00+00:00"), "commit", "-q", "-m", "add deploy config")
	introduced := git(t, dir, nil, "rev-parse", "HEAD")
	// The same secret is committed again on another branch, later: still
	// one finding, attributed to the first commit.
	git(t, dir, nil, "checkout", "-q", "-b", "feature")
	write(t, dir, "deploy/config.py", "import os\n\n\nGITHUB_TOKEN = \""+tok+"\"\n")
	git(t, dir, author("Carol", "2024-03-01T09:00:00+00:00"), "commit", "-q", "-am", "reformat")
	git(t, dir, nil, "checkout", "-q", "main")
	write(t, dir, "deploy/config.py", "import os\n\nGITHUB_TOKEN = os.environ[\"GITHUB_TOKEN\"]\n")
	git(t, dir, author("Bob", "2024-02-04T12:00:00+00:00"), "commit", "-q", "-am", "read token from env")
	// A secret still in the tree gets its introducing commit too.
	write(t, dir, "app/.env", "POSTGRES_PASSWORD=pG7!vQ2rX9mK\n")
	git(t, dir, nil, "add", ".")
	git(t, dir, author("Alice", "2024-02-05T08:00:00+00:00"), "commit", "-q", "-m", "env")

	e := &emitter{}
	a := New(Options{GitHistory: true})
	if err := a.AnalyzeProject(context.Background(), project(t, dir), e); err != nil {
		t.Fatal(err)
	}
	if len(e.warnings) > 0 {
		t.Errorf("warnings: %v", e.warnings)
	}
	type row struct{ Rule, Path, Commit, Author, Date, HistoryOnly string }
	var got []row
	var lines []int
	for _, f := range e.findings {
		p := f.Properties
		got = append(got, row{f.RuleID, f.Location.Path, p["commit"], p["author"], p["date"], p["in_history_only"]})
		lines = append(lines, f.Location.StartLine)
	}
	envCommit := git(t, dir, nil, "rev-parse", "HEAD")
	want := []row{
		{"secrets.generic-password", "app/.env", envCommit, "Alice <alice@example.org>", "2024-02-05T08:00:00+00:00", "false"},
		{"secrets.github-token", "deploy/config.py", introduced, "Bob <bob@example.org>", "2024-02-03T11:00:00+00:00", "true"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("history findings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 3}, lines); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	b, _ := json.Marshal(e.findings)
	if strings.Contains(string(b), tok) || strings.Contains(string(b), "pG7!vQ2rX9mK") {
		t.Error("history finding leaks a secret")
	}
}

// TestStagedNotARepo checks --staged outside a git work tree: nothing is
// staged, so no files, no error, and one warning from the analyzer.
func TestStagedNotARepo(t *testing.T) {
	requireGit(t)
	dir := t.TempDir()
	write(t, dir, "a.env", "POSTGRES_PASSWORD=pG7!vQ2rX9mK\n")
	files, err := StagedFiles(context.Background(), dir)
	if err != nil || files != nil {
		t.Errorf("StagedFiles = %v, %v; want nil, nil", files, err)
	}
	e := &emitter{}
	if err := New(Options{Staged: true}).AnalyzeProject(context.Background(), project(t, dir), e); err != nil {
		t.Fatal(err)
	}
	if len(e.findings) != 0 || len(e.warnings) != 1 || !strings.Contains(e.warnings[0], "not a git repository") {
		t.Errorf("findings %v, warnings %v", e.findings, e.warnings)
	}
}

func TestGitHistoryNotARepo(t *testing.T) {
	requireGit(t)
	dir := t.TempDir()
	write(t, dir, "a.env", "POSTGRES_PASSWORD=pG7!vQ2rX9mK\n")
	e := &emitter{}
	if err := New(Options{GitHistory: true}).AnalyzeProject(context.Background(), project(t, dir), e); err != nil {
		t.Fatal(err)
	}
	if len(e.warnings) != 1 || !strings.Contains(e.warnings[0], "not a git repository") {
		t.Errorf("warnings = %v", e.warnings)
	}
	if len(e.findings) != 1 {
		t.Errorf("working tree not scanned: %d findings", len(e.findings))
	}
}

func TestStaged(t *testing.T) {
	requireGit(t)
	dir := t.TempDir()
	git(t, dir, nil, "init", "-q", "-b", "main")
	write(t, dir, "old.env", "OLD_PASSWORD=Qz8#mP4vL2xN\n")
	git(t, dir, nil, "add", ".")
	git(t, dir, author("Alice", "2024-01-02T10:00:00+00:00"), "commit", "-q", "-m", "init")
	// Staged: a new secret on line 2 of a modified file and one in a new
	// file; unstaged: a secret that must not be reported.
	write(t, dir, "old.env", "OLD_PASSWORD=Qz8#mP4vL2xN\nSESSION_SECRET=8f3kLq2Zp9Wm4Xv7Nr1Tb6Yc\n")
	write(t, dir, "svc/keys.py", "# codeaudit:ignore secrets.generic-secret -- rotated test value\nTOKEN = \"a8Kq3Zx7Lm2Vp9Wr4Tn6\"\nAWS = \"AKIAZ3XQ7JH2MPLV4NWR\"\n")
	git(t, dir, nil, "add", ".")
	write(t, dir, "unstaged.env", "API_TOKEN=Lm3pX7vQ9rTz8Kd2\n")

	files, err := StagedFiles(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"old.env", "svc/keys.py"}, files); diff != "" {
		t.Errorf("staged files (-want +got):\n%s", diff)
	}
	e := &emitter{}
	if err := New(Options{Staged: true}).AnalyzeProject(context.Background(), project(t, dir), e); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Rule, Path string
		Line       int
		Suppressed bool
	}
	var got []row
	for _, f := range e.findings {
		got = append(got, row{f.RuleID, f.Location.Path, f.Location.StartLine, f.Suppression != nil})
	}
	want := []row{
		{"secrets.generic-secret", "old.env", 2, false},
		{"secrets.generic-secret", "svc/keys.py", 2, true},
		{"secrets.aws-access-key-id", "svc/keys.py", 3, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("staged findings (-want +got):\n%s", diff)
	}
}

func TestGitMissing(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.env", "POSTGRES_PASSWORD=pG7!vQ2rX9mK\n")
	e := &emitter{}
	a := New(Options{GitHistory: true, Git: "/nonexistent/git"})
	if err := a.AnalyzeProject(context.Background(), project(t, dir), e); err != nil {
		t.Fatal(err)
	}
	if len(e.warnings) != 1 || !strings.Contains(e.warnings[0], "git not found") || len(e.findings) != 1 {
		t.Errorf("warnings %v, %d findings", e.warnings, len(e.findings))
	}
	if err := New(Options{Staged: true, Git: "/nonexistent/git"}).AnalyzeProject(context.Background(), project(t, dir), e); err == nil {
		t.Error("staged scan without git did not fail")
	}
}

// TestHugeLine checks that a minified multi-megabyte line with many
// keyword hits is scanned in linear time and its snippets stay short.
func TestHugeLine(t *testing.T) {
	var b strings.Builder
	for b.Len() < 2<<20 {
		b.WriteString(`{"password":"x","name":"Ada"},`)
	}
	b.WriteString(`{"api_key":"k7Hq2Lx9Mz4Wp8Rv3Tn6Yb1C"}`)
	fs, err := New(Options{}).ScanText(context.Background(), "data.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 {
		t.Fatalf("got %d findings", len(fs))
	}
	for _, l := range fs[0].Snippet.Lines {
		if len(l) > 2*maxSnippetLine {
			t.Errorf("snippet line of %d bytes", len(l))
		}
	}
}

func TestTooManyHitsIsPartial(t *testing.T) {
	text := strings.Repeat("token ", maxHitsPerFile+10) + "\nAWS=AKIAZ3XQ7JH2MPLV4NWR\n"
	e := &emitter{}
	err := New(Options{}).AnalyzeFile(context.Background(), &analyzer.Target{File: source.File{Path: "a.txt"}, Content: []byte(text)}, e)
	if !errors.Is(err, ErrPartial) {
		t.Errorf("err = %v; want ErrPartial", err)
	}
}

func TestGitHistoryRename(t *testing.T) {
	requireGit(t)
	dir := t.TempDir()
	git(t, dir, nil, "init", "-q", "-b", "main")
	write(t, dir, "conf/old.env", "A=1\nB=2\nC=3\nD=4\nSMTP_PASSWORD=Hk3$wQ8zLm5v\n")
	git(t, dir, nil, "add", ".")
	git(t, dir, author("Ann", "2024-01-02T10:00:00+00:00"), "commit", "-q", "-m", "add")
	git(t, dir, nil, "mv", "conf/old.env", "conf/new.env")
	git(t, dir, author("Ann", "2024-01-03T10:00:00+00:00"), "commit", "-q", "-m", "rename")
	e := &emitter{}
	if err := New(Options{GitHistory: true}).AnalyzeProject(context.Background(), project(t, dir), e); err != nil {
		t.Fatal(err)
	}
	if len(e.findings) != 1 {
		t.Fatalf("got %d findings: %+v", len(e.findings), e.findings)
	}
	f := e.findings[0]
	if f.Location.Path != "conf/new.env" || f.Properties["in_history_only"] != "false" || f.Properties["introduced_path"] != "conf/old.env" || f.Properties["date"] != "2024-01-02T10:00:00+00:00" {
		t.Errorf("finding %s %v", f.Location, f.Properties)
	}
}

// TestContextLowersConfidence checks that test fixtures, examples, templates
// and documentation keep their findings at one confidence step lower, with
// the severity unchanged and the reason in the context property.
func TestContextLowersConfidence(t *testing.T) {
	line := "AWS_ACCESS_KEY_ID=AKIAZ3XQ7JH2MPLV4NWR\n"
	tests := []struct {
		path, context string
		conf          finding.Confidence
	}{
		{"deploy/prod.env", "", finding.ConfidenceHigh},
		{"internal/aws/client_test.go", "test", finding.ConfidenceMedium},
		{"tests/test_upload.py", "test", finding.ConfidenceMedium},
		{"web/src/__tests__/api.spec.ts", "test", finding.ConfidenceMedium},
		{"src/test/resources/fixtures/app.yaml", "test", finding.ConfidenceMedium},
		{"examples/quickstart/main.py", "example", finding.ConfidenceMedium},
		{"config/app.env.example", "template", finding.ConfidenceMedium},
		{"README.md", "docs", finding.ConfidenceMedium},
		{"docs/setup/aws.yaml", "docs", finding.ConfidenceMedium},
		{"api/openapi.yaml", "docs", finding.ConfidenceMedium},
	}
	a := New(Options{})
	for _, tt := range tests {
		if got := contextKind(tt.path); got != tt.context {
			t.Errorf("contextKind(%s) = %q; want %q", tt.path, got, tt.context)
		}
		fs, err := a.ScanText(context.Background(), tt.path, []byte(line))
		if err != nil || len(fs) != 1 {
			t.Errorf("%s: %d findings, %v; want 1 (lowered, not dropped)", tt.path, len(fs), err)
			continue
		}
		f := fs[0]
		if f.Confidence != tt.conf || f.Severity != finding.High || f.Properties["context"] != tt.context {
			t.Errorf("%s: confidence %v severity %v context %q", tt.path, f.Confidence, f.Severity, f.Properties["context"])
		}
	}
	// A generic finding already at medium goes one step lower, never below low.
	fs, err := a.ScanText(context.Background(), "docs/install.md", []byte("DB_PASSWORD=pG7!vQ2rX9mK\n"))
	if err != nil || len(fs) != 1 || fs[0].Confidence != finding.ConfidenceLow || fs[0].Severity != finding.Medium {
		t.Errorf("generic finding in docs: %+v, %v", fs, err)
	}
}

// TestGitHistoryAllRefs checks that commits reachable only from a branch
// that was never merged, or only from a tag, are scanned too.
func TestGitHistoryAllRefs(t *testing.T) {
	requireGit(t)
	dir := t.TempDir()
	git(t, dir, nil, "init", "-q", "-b", "main")
	write(t, dir, "README.md", "# service\n")
	git(t, dir, nil, "add", ".")
	git(t, dir, author("Alice", "2024-01-02T10:00:00+00:00"), "commit", "-q", "-m", "init")
	// A branch never merged into main.
	git(t, dir, nil, "checkout", "-q", "-b", "wip")
	write(t, dir, "wip/notify.env", "SLACK_WEBHOOK=https://hooks.slack.com/services/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\n")
	git(t, dir, nil, "add", ".")
	git(t, dir, author("Bob", "2024-01-03T10:00:00+00:00"), "commit", "-q", "-m", "wip")
	onBranch := git(t, dir, nil, "rev-parse", "HEAD")
	// A commit reachable only from a tag.
	git(t, dir, nil, "checkout", "-q", "--detach", "main")
	write(t, dir, "release/key.env", "AWS_ACCESS_KEY_ID=AKIAZ3XQ7JH2MPLV4NWR\n")
	git(t, dir, nil, "add", ".")
	git(t, dir, author("Carol", "2024-01-04T10:00:00+00:00"), "commit", "-q", "-m", "release")
	onTag := git(t, dir, nil, "rev-parse", "HEAD")
	git(t, dir, nil, "tag", "v0.9.0")
	git(t, dir, nil, "checkout", "-q", "main")

	e := &emitter{}
	if err := New(Options{GitHistory: true}).AnalyzeProject(context.Background(), project(t, dir), e); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range e.findings {
		if f.Properties["in_history_only"] != "true" {
			t.Errorf("%s: in_history_only = %q", f.Location.Path, f.Properties["in_history_only"])
		}
		got[f.Location.Path] = f.Properties["commit"]
	}
	want := map[string]string{"wip/notify.env": onBranch, "release/key.env": onTag}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("commits by path (-want +got):\n%s", diff)
	}
}

func TestRepetitiveKey(t *testing.T) {
	// The header of every unencrypted OpenSSH key: not padding.
	header := "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ"
	if repetitiveKey(header) {
		t.Error("OpenSSH header judged repetitive")
	}
	for _, pad := range []string{strings.Repeat("A", 80), strings.Repeat("AB", 40), "MIIEpAIBAAKCAQEA" + strings.Repeat("X", 30) + "q8Zr2LmX7vPw"} {
		if !repetitiveKey(pad) {
			t.Errorf("padding %q… not judged repetitive", pad[:20])
		}
	}
}
