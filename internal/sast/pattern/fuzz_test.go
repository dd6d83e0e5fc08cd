package pattern

import (
	"context"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

var fuzzLangs = []lang.ID{lang.Go, lang.Python, lang.JavaScript, lang.TypeScript, lang.Java}

// FuzzCompile compiles arbitrary pattern text in every language and, when
// it compiles, matches it over a small program: no panics, no hangs.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"(String $X).trim()", "($R : *http.Request).URL", "exec.Command($CMD, ...)", "<... $X ...>", "$...ARGS", "def $F(...):\n  ...", `"..."`, "new $T(...)", "$X = $Y;\n...\n$X", "$RET $M(..., @RequestBody $T $X, ...) { ... }", "foo(..., $X, ..., $Y, ...)", "f(($E) => { ... })"} {
		f.Add(s)
	}
	ps := lang.NewParsers()
	defer ps.Close()
	f.Fuzz(func(t *testing.T, src string) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		for _, id := range fuzzLangs {
			p, err := Compile(ctx, ps, id, src)
			if err != nil {
				continue
			}
			tree, err := syntax.Build(ctx, ps, id, []byte("f(a, b)\nx = g(1)\n"))
			if err != nil {
				continue
			}
			_, _ = NewIndex([]*Pattern{p}).Search(ctx, tree, nil, nil)
		}
	})
}

// FuzzMatch matches fixed patterns over arbitrary source bytes in every
// language.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"package p\nfunc f() { exec.Command(x) }", "import os\nos.system(x)\n", "eval(`a${b}`)", "class A { void f() { new B(\"\\u0041\"); } }", "\xff\xfe(((", "'''"} {
		f.Add([]byte(s))
	}
	ps := lang.NewParsers()
	defer ps.Close()
	ctx := context.Background()
	idx := map[lang.ID]*Index{}
	for _, id := range fuzzLangs {
		var pats []*Pattern
		for _, src := range []string{"$F(..., $X, ...)", "$X + $Y", `"..."`, "$A.$B($...ARGS)", "<... $X ...>"} {
			p, err := Compile(ctx, ps, id, src)
			if err != nil {
				f.Fatalf("%s: %v", id, err)
			}
			pats = append(pats, p)
		}
		idx[id] = NewIndex(pats)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		for _, id := range fuzzLangs {
			tree, err := syntax.Build(ctx, ps, id, data)
			if err != nil {
				continue
			}
			res, _ := idx[id].Search(ctx, tree, nil, nil)
			for _, ms := range res {
				for _, m := range ms {
					if m.Start > m.End || int(m.End) > len(data) {
						t.Fatalf("%s: match span %d-%d outside %d bytes", id, m.Start, m.End, len(data))
					}
					for _, b := range m.Binds {
						_ = data[b.Start:b.End]
					}
				}
			}
		}
	})
}
