package lang

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"

	sitter "github.com/tree-sitter/go-tree-sitter"
	tsgo "github.com/tree-sitter/tree-sitter-go/bindings/go"
	tsjava "github.com/tree-sitter/tree-sitter-java/bindings/go"
	tsjs "github.com/tree-sitter/tree-sitter-javascript/bindings/go"
	tspython "github.com/tree-sitter/tree-sitter-python/bindings/go"
	tsts "github.com/tree-sitter/tree-sitter-typescript/bindings/go"

	"github.com/socyber/codeaudit/internal/source"
)

// ID names a language the SAST front end can parse. TSX is a dialect of
// TypeScript with its own grammar; rules written for "typescript" cover it.
type ID string

// Supported languages.
const (
	Go         ID = "go"
	Python     ID = "python"
	JavaScript ID = "javascript"
	TypeScript ID = "typescript"
	TSX        ID = "tsx"
	Java       ID = "java"
)

// All lists the languages rules may name, in display order (TSX is reached
// through TypeScript).
var All = []ID{Go, Python, JavaScript, TypeScript, Java}

// aliases maps the names rule files use (Semgrep's included) to languages.
var aliases = map[string]ID{
	"go": Go, "golang": Go,
	"python": Python, "py": Python, "python3": Python,
	"javascript": JavaScript, "js": JavaScript, "jsx": JavaScript,
	"typescript": TypeScript, "ts": TypeScript, "tsx": TypeScript,
	"java": Java,
}

// Parse reads a language name as written in a rule file: "go", "golang",
// "py", "js", "ts" and the like, in any case.
func Parse(name string) (ID, bool) {
	id, ok := aliases[strings.ToLower(strings.TrimSpace(name))]
	return id, ok
}

// Family is the language whose rules apply: TSX files are checked with
// TypeScript rules.
func (id ID) Family() ID {
	if id == TSX {
		return TypeScript
	}
	return id
}

// ForFile picks the grammar for a discovered file, or "" when none applies.
func ForFile(f *source.File) ID {
	switch f.Language {
	case source.Go:
		return Go
	case source.Python:
		return Python
	case source.JavaScript:
		return JavaScript
	case source.TypeScript:
		if strings.HasSuffix(strings.ToLower(f.Path), ".tsx") {
			return TSX
		}
		return TypeScript
	case source.Java:
		if strings.HasSuffix(strings.ToLower(f.Path), ".jsp") {
			return "" // JSP is markup with Java inside, not Java
		}
		return Java
	}
	return ""
}

// Grammar is a loaded tree-sitter grammar with its node-kind and field
// tables copied into Go once, so that walking a tree needs no string
// conversions across cgo. A Grammar is immutable and safe to share.
type Grammar struct {
	ID       ID
	Language *sitter.Language
	// Kinds is indexed by node-kind id (the symbol), Named likewise.
	Kinds []string
	Named []bool
	// Fields is indexed by field id; 0 is "no field".
	Fields []string
}

func newGrammar(id ID, ptr unsafe.Pointer) *Grammar {
	l := sitter.NewLanguage(ptr)
	g := &Grammar{ID: id, Language: l}
	n := l.NodeKindCount()
	g.Kinds = make([]string, n)
	g.Named = make([]bool, n)
	for i := uint32(0); i < n; i++ {
		g.Kinds[i] = l.NodeKindForId(uint16(i))
		g.Named[i] = l.NodeKindIsNamed(uint16(i))
	}
	fc := l.FieldCount()
	g.Fields = make([]string, fc+1)
	for i := uint32(1); i <= fc; i++ {
		g.Fields[i] = l.FieldNameForId(uint16(i))
	}
	return g
}

// Kind names a node-kind id; the error symbol (65535) is KindError.
func (g *Grammar) Kind(id uint16) string {
	if int(id) < len(g.Kinds) {
		return g.Kinds[id]
	}
	return KindError
}

// IsNamed reports whether a node-kind id is a named node.
func (g *Grammar) IsNamed(id uint16) bool {
	if int(id) < len(g.Named) {
		return g.Named[id]
	}
	return true
}

// Field names a field id ("" for none).
func (g *Grammar) Field(id uint16) string {
	if int(id) < len(g.Fields) {
		return g.Fields[id]
	}
	return ""
}

// grammars is loaded once; the tables are read-only afterwards.
var grammars = sync.OnceValue(func() map[ID]*Grammar {
	useCAllocator()
	return map[ID]*Grammar{
		Go:         newGrammar(Go, tsgo.Language()),
		Python:     newGrammar(Python, tspython.Language()),
		JavaScript: newGrammar(JavaScript, tsjs.Language()),
		TypeScript: newGrammar(TypeScript, tsts.LanguageTypescript()),
		TSX:        newGrammar(TSX, tsts.LanguageTSX()),
		Java:       newGrammar(Java, tsjava.Language()),
	}
})

// GrammarFor returns the grammar of a language.
func GrammarFor(id ID) (*Grammar, error) {
	g, ok := grammars()[id]
	if !ok {
		return nil, fmt.Errorf("no grammar for language %q", id)
	}
	return g, nil
}
