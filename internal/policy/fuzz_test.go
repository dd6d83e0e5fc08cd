package policy

import (
	"context"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/sast/rule"
)

// FuzzLoad feeds arbitrary policy files to the loader: it must return a
// policy set or an error, never panic or hang.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(validPolicy))
	f.Add([]byte("policies:\n  - id: a.b\n    handlers: {route-regex: x}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		a, err := Load(ctx, []rule.Source{{Name: "fuzz.yaml", Data: data}}, nil)
		if err == nil {
			a.Close()
		}
	})
}

// FuzzAnalyze feeds arbitrary Python source to a loaded policy.
func FuzzAnalyze(f *testing.F) {
	a, err := Load(context.Background(), []rule.Source{{Name: "p.yaml", Data: []byte(validPolicy)}}, nil)
	if err != nil {
		f.Fatal(err)
	}
	defer a.Close()
	f.Add([]byte("def h():\n    commit()\n    check()\n"))
	f.Add([]byte("def h():\n    def g():\n        check()\n    g()\n    commit(check())\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		analyze(t, a, "f.py", src)
	})
}
