package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestKindsExistInGrammars reads kinds.go and checks every node-kind
// constant against the grammars it belongs to: the prefix names the
// grammar (Go, Py, JS, JSTS, Java); shared Kind constants list theirs in a
// trailing comment ("all" for every grammar).
func TestKindsExistInGrammars(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "kinds.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]ID{"go": Go, "python": Python, "javascript": JavaScript, "typescript": TypeScript, "java": Java}
	checked := 0
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			name := vs.Names[0].Name
			lit, ok := vs.Values[0].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: value is not a string literal", name)
				continue
			}
			kind, _ := strconv.Unquote(lit.Value)
			var ids []ID
			switch {
			case strings.HasPrefix(name, "Kind"):
				if vs.Comment == nil {
					t.Errorf("%s: shared kind needs a comment listing its grammars", name)
					continue
				}
				c := strings.TrimSpace(vs.Comment.Text())
				if c == "all" {
					ids = All
					break
				}
				for _, n := range strings.Split(c, ",") {
					id, ok := byName[strings.TrimSpace(n)]
					if !ok {
						t.Errorf("%s: unknown grammar %q in comment", name, n)
					}
					ids = append(ids, id)
				}
			case strings.HasPrefix(name, "JSTS"):
				ids = []ID{TypeScript, TSX}
			case strings.HasPrefix(name, "JS"):
				ids = []ID{JavaScript, TypeScript, TSX}
			case strings.HasPrefix(name, "Java"):
				ids = []ID{Java}
			case strings.HasPrefix(name, "Go"):
				ids = []ID{Go}
			case strings.HasPrefix(name, "Py"):
				ids = []ID{Python}
			default:
				t.Errorf("%s: constant name must start with Kind, Go, Py, JS, JSTS or Java", name)
				continue
			}
			for _, id := range ids {
				g, err := GrammarFor(id)
				if err != nil {
					t.Fatal(err)
				}
				if kind == KindError {
					continue // the error symbol is built in, not in the table
				}
				if g.Language.IdForNodeKind(kind, true) == 0 {
					t.Errorf("%s = %q is not a named node kind of the %s grammar", name, kind, id)
				}
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d kind checks ran; is kinds.go parsed correctly?", checked)
	}
}

func TestParseLanguageNames(t *testing.T) {
	for name, want := range map[string]ID{"go": Go, "Golang": Go, "py": Python, "js": JavaScript, "TS": TypeScript, "java": Java} {
		if got, ok := Parse(name); !ok || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if _, ok := Parse("cobol"); ok {
		t.Error("Parse(cobol) succeeded")
	}
}
