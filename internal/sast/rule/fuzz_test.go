package rule

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/sast/lang"
)

// FuzzLoad feeds arbitrary bytes to the rule loader: it must return rules
// or a *LoadError, never panic or hang.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(header + "    pattern: eval($X)\n"))
	f.Add([]byte(header + "    patterns:\n      - pattern-inside: |\n          def $F(...):\n            ...\n      - pattern: eval(...)\n      - metavariable-regex: {metavariable: $X, regex: a}\n"))
	f.Add([]byte("rules: [{id: a.b, languages: [go, java], severity: LOW, message: x, pattern-either: [{pattern: 'f(...)'}]}]"))
	f.Add([]byte("rules:\n- &a {id: x.y}\n- *a\n"))
	ps := lang.NewParsers()
	defer ps.Close()
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := Load(ctx, ps, []Source{{Name: "fuzz.yaml", Data: data}})
		var le *LoadError
		if err != nil && !errors.As(err, &le) && ctx.Err() == nil {
			t.Fatalf("error %v is not a *LoadError", err)
		}
	})
}
