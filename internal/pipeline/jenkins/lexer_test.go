package jenkins

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type tokSummary struct {
	Kind    Kind
	Text    string
	Quote   string
	Interps []string
}

func summarise(toks []Token) []tokSummary {
	var out []tokSummary
	for _, t := range toks {
		s := tokSummary{Kind: t.Kind, Text: t.Text, Quote: t.Quote}
		for _, in := range t.Interps {
			s.Interps = append(s.Interps, in.Expr)
		}
		out = append(out, s)
	}
	return out
}

func TestLex(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []tokSummary
	}{
		{"single quotes do not interpolate", `sh 'echo $X ${Y}'`, []tokSummary{
			{Kind: Ident, Text: "sh"}, {Kind: String, Text: "echo $X ${Y}", Quote: "'"},
		}},
		{"gstring interpolations", `sh "a ${env.TOKEN} $params.V.x \$NOT"`, []tokSummary{
			{Kind: Ident, Text: "sh"}, {Kind: String, Text: `a ${env.TOKEN} $params.V.x \$NOT`, Quote: `"`, Interps: []string{"env.TOKEN", "params.V.x"}},
		}},
		{"nested braces and strings inside ${}", `"${ m.collect { "x${it}}" }.join('}') }"`, []tokSummary{
			{Kind: String, Text: `${ m.collect { "x${it}}" }.join('}') }`, Quote: `"`, Interps: []string{` m.collect { "x${it}}" }.join('}') `}},
		}},
		{"triple quotes span lines", "sh '''\nline1 'q'\n'''\nsh \"\"\"\n${A}\n\"\"\"", []tokSummary{
			{Kind: Ident, Text: "sh"}, {Kind: String, Text: "\nline1 'q'\n", Quote: "'''"},
			{Kind: Ident, Text: "sh"}, {Kind: String, Text: "\n${A}\n", Quote: `"""`, Interps: []string{"A"}},
		}},
		{"comments are skipped", "// sh \"${X}\"\n/* input */ a", []tokSummary{{Kind: Ident, Text: "a"}}},
		{"slashy string after =, division after )", "def r = /a\\/b/\nx = (4) / 2", []tokSummary{
			{Kind: Ident, Text: "def"}, {Kind: Ident, Text: "r"}, {Kind: Punct, Text: "="}, {Kind: String, Text: `a\/b`, Quote: "/"},
			{Kind: Ident, Text: "x"}, {Kind: Punct, Text: "="}, {Kind: Punct, Text: "("}, {Kind: Number, Text: "4"}, {Kind: Punct, Text: ")"}, {Kind: Punct, Text: "/"}, {Kind: Number, Text: "2"},
		}},
		{"dollar slashy", `$/a/b $x/$`, []tokSummary{{Kind: String, Text: `a/b $x`, Quote: "$/"}}},
		{"annotation", "@NonCPS\ndef f() {}", []tokSummary{
			{Kind: Annotation, Text: "NonCPS"}, {Kind: Ident, Text: "def"}, {Kind: Ident, Text: "f"},
			{Kind: Punct, Text: "("}, {Kind: Punct, Text: ")"}, {Kind: Punct, Text: "{"}, {Kind: Punct, Text: "}"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toks, err := Lex([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, summarise(toks)); diff != "" {
				t.Errorf("tokens (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLexErrors(t *testing.T) {
	for _, src := range []string{`sh "unterminated`, "/* open", `"${ {`, "'''\nno end", `$/ no end`} {
		toks, err := Lex([]byte(src))
		if err == nil {
			t.Errorf("Lex(%q) = %d tokens, no error", src, len(toks))
			continue
		}
		if !errors.Is(err, ErrUnterminated) {
			t.Errorf("Lex(%q) error %v is not ErrUnterminated", src, err)
		}
	}
}

func TestLexOffsets(t *testing.T) {
	src := "sh \"x ${A}\"\n"
	toks, _ := Lex([]byte(src))
	s := toks[1]
	if src[s.Start:s.End] != `"x ${A}"` || src[s.ContentStart:s.ContentStart+len(s.Text)] != s.Text {
		t.Errorf("offsets wrong: %+v", s)
	}
	if in := s.Interps[0]; src[in.Start:in.End] != "${A}" {
		t.Errorf("interp offsets wrong: %+v", in)
	}
}

// FuzzLex checks that arbitrary input never panics or hangs and that
// token offsets are ordered and inside the input.
func FuzzLex(f *testing.F) {
	for _, s := range []string{"pipeline { agent any }", `sh "${a}"`, "'''", `"${"`, "$/x/$", "/a/", "@Grab('x')"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		toks, _ := Lex(src)
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End < tok.Start || tok.End > len(src) {
				t.Fatalf("bad token offsets %+v (prev end %d, len %d)", tok, prev, len(src))
			}
			prev = tok.End
		}
	})
}
