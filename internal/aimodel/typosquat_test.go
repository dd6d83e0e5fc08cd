package aimodel_test

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel"
	"github.com/socyber/codeaudit/internal/ruletest"
)

func TestPublisherTyposquatFixtures(t *testing.T) {
	a := aimodel.NewCodeAnalyzer()
	rep, err := ruletest.RunDir(context.Background(), a, "testdata/typosquat")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Mismatches {
		t.Errorf("%+v", m)
	}
	for _, c := range rep.Coverage(a.Rules()) {
		t.Error(c)
	}
	if rep.Files != 2 {
		t.Errorf("%d fixture files", rep.Files)
	}
	for _, r := range a.Rules() {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
	}
}

func TestPublishersNear(t *testing.T) {
	p := aimodel.DefaultPublishers("acme-research")
	tests := []struct {
		org, want string
		ok        bool
	}{
		{"EleuterAI", "EleutherAI", true},
		{"EluetherAI", "EleutherAI", true},
		{"EleutherAI", "", false},
		{"eleutherai", "", false},
		{"acme-reserch", "acme-research", true},
		{"openai", "", false},
		{"openal", "openai", true},
		{"Qwem", "", false}, // too short to compare
		{"completely-different", "", false},
	}
	for _, tt := range tests {
		got, ok := p.Near(tt.org)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Near(%q) = %q, %v; want %q, %v", tt.org, got, ok, tt.want, tt.ok)
		}
	}
}
