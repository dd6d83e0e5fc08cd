package gha

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
)

type sink struct{ n int }

func (s *sink) Emit(finding.Finding) { s.n++ }
func (s *sink) Warn(_, _ string)     {}

// FuzzAudit checks that auditing arbitrary bytes as a workflow or an
// action never panics or hangs.
func FuzzAudit(f *testing.F) {
	f.Add([]byte("on: pull_request_target\njobs:\n  a:\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n"), false)
	f.Add([]byte("runs:\n  using: composite\n  steps:\n    - run: |\n        echo ${{ inputs.x }}\n"), true)
	f.Add([]byte("a: &a [*a]\n"), false)
	a := NewAuditor()
	f.Fuzz(func(t *testing.T, src []byte, action bool) {
		p := ".github/workflows/f.yml"
		if action {
			p = "action.yml"
		}
		_ = a.Audit(context.Background(), p, src, &sink{})
	})
}

// FuzzParseExpression checks the ${{ }} parser on arbitrary text: no
// panic, and a successful parse ends inside the input.
func FuzzParseExpression(f *testing.F) {
	for _, s := range []string{"github.event.issue.title }}", "toJSON(secrets) }}", "a[b['c']].*.d == 'x' && !f(1, -2.5e3) }}", "((((( }}", "'unterminated }}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		n, end, err := parseExpression(src)
		if err == nil && (n == nil || end < 2 || end > len(src)) {
			t.Fatalf("parseExpression(%q) = %v, %d", src, n, end)
		}
	})
}
