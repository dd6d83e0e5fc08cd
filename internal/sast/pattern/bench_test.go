package pattern

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// BenchmarkSearch measures matching alone (no parsing) of a few typical
// patterns over a generated Python file.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	var pats []*Pattern
	for _, src := range []string{
		"subprocess.run($CMD, ..., shell=True, ...)", "log(..., $ARG, ...)", "$F($X, ...)",
		"hashlib.md5(...)", "cursor.execute(<... request.args ...>)", "def $F(...):\n    ...\n    eval($X)",
		"$X = request.args.get(...)", "$A.$B($...ARGS)",
	} {
		p, err := Compile(ctx, ps, lang.Python, src)
		if err != nil {
			b.Fatal(err)
		}
		pats = append(pats, p)
	}
	var src strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&src, "def f%d(a, b, request):\n    x = request.args.get('q%d')\n    log(a, b, x, token%d)\n    subprocess.run(x, check=True, shell=True)\n    cursor.execute('select ' + request.args['a'])\n    eval(x)\n", i, i, i)
	}
	tree, err := syntax.Build(ctx, ps, lang.Python, []byte(src.String()))
	if err != nil {
		b.Fatal(err)
	}
	ix := NewIndex(pats)
	b.SetBytes(int64(src.Len()))
	b.ResetTimer()
	for range b.N {
		if _, err := ix.Search(ctx, tree, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
