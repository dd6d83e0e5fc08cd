package policy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/sast/rule"
)

const validPolicy = `policies:
  - id: a.b
    title: T
    languages: [python]
    cwe: CWE-862
    must-call: check(...)
    before: commit(...)
`

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the *rule.LoadError's text
	}{
		{"not yaml", "policies: [", `p.yaml: invalid YAML: yaml: line 1: did not find expected node content`},
		{"no list", "rules: []\n", `p.yaml:1: missing "policies" list`},
		{"unknown key", "policies:\n  - id: a.b\n    bogus: 1\n", `p.yaml:3: unknown key "bogus" (known: id, title, description, languages, cwe, severity, confidence, message, remediation, references, tags, handlers, must-call, before)`},
		{"bad id", "policies:\n  - id: Bad\n", `p.yaml:2: rule "Bad": id must be lower-case and dotted, like bank.fraud-check-before-payment`},
		{"reserved suffix", "policies:\n  - id: a.order\n", `p.yaml:2: rule "a.order": id must not end in ".order" (reserved for the wrong-order rule)`},
		{"missing cwe", "policies:\n  - id: a.b\n    title: T\n", `p.yaml:2: rule "a.b": missing cwe (for example CWE-862 for a missing authorization-like check)`},
		{"unknown cwe", "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-999999\n", `p.yaml:4: rule "a.b": unknown CWE "CWE-999999"`},
		{"bad language", "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-862\n    languages: [cobol]\n", `p.yaml:5: rule "a.b": unknown language "cobol" (known: go, python, javascript, typescript, java)`},
		{"no must-call", "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-862\n    languages: [go]\n", `p.yaml:2: rule "a.b": missing must-call: the pattern(s) of the required call`},
		{"no scope", "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-862\n    languages: [go]\n    must-call: f()\n", `p.yaml:2: rule "a.b": a policy needs handlers, before, or both: otherwise every function of the code base would have to make the call`},
		{"bad regex", "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-862\n    languages: [go]\n    must-call: f()\n    handlers:\n      - name-regex: '('\n", `p.yaml:8: rule "a.b": name-regex: error parsing regexp: missing closing ): ` + "`(`"},
		{"bad handler key", "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-862\n    languages: [go]\n    must-call: f()\n    handlers:\n      - decorator: x\n", `p.yaml:8: rule "a.b": unknown handler key "decorator" (known: name-regex, route-regex, contains)`},
		{"bad severity", "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-862\n    severity: dire\n", ""},
		{"bad pattern", "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-862\n    languages: [python]\n    must-call: 'f(('\n    before: g()\n", ""},
		{"duplicate id", validPolicy + "  - id: a.b\n    title: T\n    languages: [python]\n    cwe: CWE-862\n    must-call: check(...)\n    before: commit(...)\n", `p.yaml:8: rule "a.b": id already used in p.yaml:2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Load(context.Background(), []rule.Source{{Name: "p.yaml", Data: []byte(tt.src)}}, nil)
			if err == nil {
				a.Close()
				t.Fatal("loaded; want an error")
			}
			var le *rule.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %T %v is not a *rule.LoadError", err, err)
			}
			if le.File != "p.yaml" || (le.Line == 0 && tt.name != "not yaml") {
				t.Errorf("error %q lacks file or line", err)
			}
			if tt.want != "" {
				if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
					t.Errorf("(-want +got)\n%s", diff)
				}
			}
		})
	}
}

func TestLoadValid(t *testing.T) {
	a, err := Load(context.Background(), []rule.Source{{Name: "p.yaml", Data: []byte(validPolicy)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var got []string
	for _, r := range a.Rules() {
		if err := r.Validate(); err != nil {
			t.Errorf("%s: %v", r.ID, err)
		}
		got = append(got, r.ID+" "+r.CWE+" "+r.Severity.String())
	}
	want := []string{"a.b CWE-862 high", "a.b.order CWE-696 high"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestShippedExample loads the sample policy file of the documentation.
func TestShippedExample(t *testing.T) {
	name := filepath.Join("..", "..", "docs", "policy-example.yaml")
	if _, err := os.Stat(name); err != nil {
		t.Skip("no docs/policy-example.yaml")
	}
	a, err := New(Options{Files: []string{name}})
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
}

func TestMissingFile(t *testing.T) {
	if _, err := New(Options{Files: []string{filepath.Join(t.TempDir(), "none.yaml")}}); err == nil {
		t.Fatal("no error for a missing file")
	}
}

// TestPatternErrorLine checks that a pattern that does not parse is
// reported on the line of its clause.
func TestPatternErrorLine(t *testing.T) {
	src := "policies:\n  - id: a.b\n    title: T\n    cwe: CWE-862\n    languages: [python]\n    must-call: check()\n    before: 'g(('\n"
	_, err := Load(context.Background(), []rule.Source{{Name: "p.yaml", Data: []byte(src)}}, nil)
	var le *rule.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %v is not a *rule.LoadError", err)
	}
	if le.Line != 7 {
		t.Errorf("line %d, want 7 (%v)", le.Line, err)
	}
}
