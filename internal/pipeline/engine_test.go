package pipeline

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/engine"
	"github.com/socyber/codeaudit/internal/source"
)

// TestThroughEngine runs the analyzer the way a scan does, on the
// repository's deliberately vulnerable example: discovery must reach the
// .github dot-directory and every hazard of its workflow must be found.
func TestThroughEngine(t *testing.T) {
	res, err := engine.Run(context.Background(), engine.Options{
		Source: source.Options{Root: "../../examples/vulnerable-app"},
		Jobs:   1,
	}, []analyzer.Analyzer{New(Options{})})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Location.Path, ".github/workflows/") {
			got = append(got, f.RuleID)
		}
		if f.Fingerprint == "" || f.Snippet == nil {
			t.Errorf("%s: engine did not complete the finding", f.RuleID)
		}
	}
	for _, id := range []string{
		"pipeline.gha.untrusted-checkout", "pipeline.gha.expression-injection", "pipeline.gha.unpinned-action",
		"pipeline.gha.remote-script", "pipeline.gha.excessive-permissions", "pipeline.gha.dangerous-trigger",
	} {
		if !slices.Contains(got, id) {
			t.Errorf("missing %s in %v", id, got)
		}
	}
}
