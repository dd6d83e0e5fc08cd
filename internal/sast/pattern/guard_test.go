package pattern

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// TestGuardsKeepMatches checks that the cheap pre-test of a pattern
// never rejects a node the pattern matches: every search gives the same
// matches with and without guards, and the patterns that have a string
// or name to test get a guard.
func TestGuardsKeepMatches(t *testing.T) {
	tests := []struct {
		id        lang.ID
		pat, src  string
		wantGuard bool
	}{
		{lang.JavaScript, `$APP.$M("/login...", ...)`, "app.post('/login/x', h)\nconst p = '/login'\nrouter.get(p, h)\napp.get('/home', h)\napp.get()\n", true},
		{lang.JavaScript, `$S.$M($D.sanitize(...))`, "a.b(c.sanitize(x))\na.b(c.clean(x))\na.b(sanitize(x))\n", true},
		{lang.Python, `$F($DST[$K], $SRC[$K])`, "f(a[k], b[k])\nf(a[k], b[j])\nf(a, b)\nf(a[k], b[k], c)\n", true},
		{lang.JavaScript, `$R.$M($P, $H)`, "r.get(a, h)\nr.get(a)\nr.get(a, b, h)\nr.get(...a, h)\n", true},
		{lang.JavaScript, `$R.$M($P, ...)`, "r.get(a, h)\nr.get(a)\nr.get()\nr[x](a)\n", true},
		{lang.Python, "$X = json.loads(...)\n...\nuse($X)", "x = json.loads(s)\nuse(x)\ny = yaml.load(s)\nuse(y)\n", true},
		{lang.Go, `$R.HandleFunc("/admin...", $H)`, "package p\nfunc f() {\n\tr.HandleFunc(\"/admin/x\", h)\n\tr.HandleFunc(\"/\", h)\n\tr.HandleFunc(adminPath, h)\n}\nconst adminPath = \"/admin\"\n", true},
		{lang.TypeScript, "$DB.query(\"SELECT ...\" + $X)", "db.query('SELECT a' + b)\ndb.query('UPDATE' + b)\n", true},
	}
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	for _, tt := range tests {
		p, err := Compile(ctx, ps, tt.id, tt.pat)
		if err != nil {
			t.Fatalf("Compile(%q): %v", tt.pat, err)
		}
		if (p.guard != nil) != tt.wantGuard {
			t.Errorf("%q: guard %v, want one: %v", tt.pat, p.guard != nil, tt.wantGuard)
		}
		tree, err := syntax.Build(ctx, ps, tt.id, []byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		with, err := NewIndex([]*Pattern{p}).Search(ctx, tree, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		bare := *p
		bare.guard = nil
		without, err := NewIndex([]*Pattern{&bare}).Search(ctx, tree, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		span := func(ms []Match) [][2]uint32 {
			var out [][2]uint32
			for _, m := range ms {
				out = append(out, [2]uint32{m.Start, m.End})
			}
			return out
		}
		if diff := cmp.Diff(span(without[0]), span(with[0])); diff != "" {
			t.Errorf("%q: guarded matches differ (-without +with):\n%s", tt.pat, diff)
		}
		if len(without[0]) == 0 {
			t.Errorf("%q: no match at all; the case tests nothing", tt.pat)
		}
	}
}
