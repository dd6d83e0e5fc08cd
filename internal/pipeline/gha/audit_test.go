package gha

import (
	"context"
	"strings"
	"testing"
)

func TestAuditErrors(t *testing.T) {
	a := NewAuditor()
	for _, tc := range []struct {
		path, content, wantErr string
	}{
		{"tools/action.yml", "name: not a GitHub action\nsteps: [a, b]\n", ""},
		{"action.yml", "runs:\n  using: node20\n  main: index.js\n", ""},
		{".github/workflows/bad.yml", "on: [push\n", ".github/workflows/bad.yml: invalid YAML"},
		{".github/workflows/list.yml", "- a\n- b\n", "top level is not a mapping"},
		{".github/workflows/empty.yml", "", "empty document"},
	} {
		err := a.Audit(context.Background(), tc.path, []byte(tc.content), &sink{})
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.path, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: error %v, want %q", tc.path, err, tc.wantErr)
		}
	}
}

func TestIsWorkflowAndAction(t *testing.T) {
	for p, want := range map[string][2]bool{
		".github/workflows/ci.yml":      {true, false},
		"a/.github/workflows/ci.yaml":   {true, false},
		".github/workflows/sub/x.yml":   {false, false},
		"action.yml":                    {false, true},
		".github/actions/x/action.yaml": {false, true},
		"actions.yml":                   {false, false},
	} {
		if got := [2]bool{IsWorkflow(p), IsAction(p)}; got != want {
			t.Errorf("%s: IsWorkflow, IsAction = %v, want %v", p, got, want)
		}
	}
}
