package policy

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/socyber/codeaudit/internal/ruletest"
)

func TestFixtures(t *testing.T) {
	a, err := New(Options{Files: []string{filepath.Join("testdata", "fixtures", "policies.yaml")}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	rep, err := ruletest.RunDir(context.Background(), a, filepath.Join("testdata", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Mismatches {
		t.Errorf("%+v", m)
	}
	for _, c := range rep.Coverage(a.Rules()) {
		t.Errorf("coverage: %v", c)
	}
	if rep.Files < 4 {
		t.Errorf("%d fixture files, want >= 4", rep.Files)
	}
	for _, w := range rep.Warnings {
		t.Errorf("warning: %v", w)
	}
	t.Logf("%d files, positives %v, negatives %v", rep.Files, rep.Positives, rep.Negatives)
}
