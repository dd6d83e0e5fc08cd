package gitlab

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
)

type sink struct{ n int }

func (s *sink) Emit(finding.Finding) { s.n++ }
func (s *sink) Warn(_, _ string)     {}

// FuzzAudit checks that auditing arbitrary bytes as .gitlab-ci.yml never
// panics or hangs.
func FuzzAudit(f *testing.F) {
	f.Add([]byte("job:\n  script:\n    - eval \"$CI_COMMIT_MESSAGE\"\n"))
	f.Add([]byte("include:\n  - remote: https://x\n---\nimage: node\n"))
	f.Add([]byte("a: &a\n  script: [*a]\nb:\n  <<: *a\n"))
	a := NewAuditor()
	f.Fuzz(func(t *testing.T, src []byte) {
		_, _ = a.Audit(context.Background(), ".gitlab-ci.yml", src, &sink{})
	})
}

func TestGlobMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"ci/*.yml", "ci/a.yml", true},
		{"ci/*.yml", "ci/sub/a.yml", false},
		{"ci/**.yml", "ci/sub/a.yml", true},
		{"ci/**/*.yml", "ci/sub/deep/a.yml", true},
		{"ci/**/*.yml", "other/a.yml", false},
	} {
		if got := globMatch(tc.pattern, tc.name); got != tc.want {
			t.Errorf("globMatch(%q, %q) = %v", tc.pattern, tc.name, got)
		}
	}
}
