package aimodel_test

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/sast"
)

func TestCodeRules(t *testing.T) {
	for _, dir := range []string{"rules/python", "rules/javascript"} {
		t.Run(dir, func(t *testing.T) {
			rep, rules, err := sast.TestRules(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range rep.Mismatches {
				t.Errorf("%+v", m)
			}
			for _, c := range rep.Coverage(rules) {
				t.Errorf("coverage: %v", c)
			}
			if len(rules) == 0 || rep.Files == 0 {
				t.Fatalf("%d rules, %d fixture files", len(rules), rep.Files)
			}
			t.Logf("%d files, positives %v, negatives %v, warnings %v", rep.Files, rep.Positives, rep.Negatives, rep.Warnings)
		})
	}
}
