package jenkins

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
)

type sink struct{ n int }

func (s *sink) Emit(finding.Finding) { s.n++ }
func (s *sink) Warn(_, _ string)     {}

func TestIsPipelineFile(t *testing.T) {
	for p, want := range map[string]bool{
		"Jenkinsfile": true, "ci/Jenkinsfile.release": true, "deploy.jenkinsfile": true,
		"jenkins/build.groovy": true, "ci/pipeline.groovy": true, "src/Util.groovy": false,
		"README.md": false,
	} {
		if got := IsPipelineFile(p); got != want {
			t.Errorf("IsPipelineFile(%q) = %v", p, got)
		}
	}
}

// FuzzAudit checks that auditing arbitrary input never panics.
func FuzzAudit(f *testing.F) {
	f.Add([]byte("node { sh \"curl x | sh ${params.A}\" }"))
	f.Add([]byte("input message: 'x'\n@NonCPS def f() { Jenkins.instance }"))
	a := NewAuditor()
	f.Fuzz(func(t *testing.T, src []byte) {
		_ = a.Audit(context.Background(), "Jenkinsfile", src, &sink{})
	})
}
