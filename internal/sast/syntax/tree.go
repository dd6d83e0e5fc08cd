package syntax

import (
	"bytes"
	"context"
	"fmt"
	"sort"

	sitter "github.com/tree-sitter/go-tree-sitter"

	"github.com/socyber/codeaudit/internal/sast/lang"
)

// Limits of one tree.
const (
	// MaxDepth is the deepest node kept; deeper subtrees are dropped so
	// that recursive walks over a Tree stay shallow.
	MaxDepth = 800
	// MaxNodes caps the nodes copied from one file.
	MaxNodes = 4_000_000
	// ctxCheckEvery is how many nodes are copied between context checks.
	ctxCheckEvery = 1 << 14
	// slabSize is how many nodes are allocated at once.
	slabSize = 1024
)

// Node is one node of the normalised tree.
type Node struct {
	// Kind is the grammar's node kind, or the token itself for anonymous
	// nodes (operators, keywords).
	Kind string
	// Field is the field name under the parent, "" if none.
	Field string
	// Start and End are byte offsets into Tree.Src.
	Start, End uint32
	Parent     *Node
	Children   []*Node
	Named      bool
	// IsString is set when the node is a constant string (a literal, or a
	// concatenation of them); Str holds its decoded value.
	IsString bool
	Str      string
}

// Child returns the first child with the given field, or nil.
func (n *Node) Child(field string) *Node {
	for _, c := range n.Children {
		if c.Field == field {
			return c
		}
	}
	return nil
}

// NamedChildren returns the named children.
func (n *Node) NamedChildren() []*Node {
	out := make([]*Node, 0, len(n.Children))
	for _, c := range n.Children {
		if c.Named {
			out = append(out, c)
		}
	}
	return out
}

// Tree is a parsed, normalised file.
type Tree struct {
	Lang lang.ID
	Src  []byte
	Root *Node
	// Errors counts syntax errors (ERROR and missing nodes); the tree is
	// still usable where the parser recovered.
	Errors int
	// Truncated is set when nesting or size limits cut the tree.
	Truncated bool
	// Nodes is how many nodes the tree holds.
	Nodes int
	// Imports maps a local name to the qualified name it stands for:
	// "h" -> "hashlib", "ex" -> "os/exec", "Random" -> "java.util.Random",
	// "cp" -> "child_process".
	Imports     map[string]string
	spec        *spec
	lines       []uint32 // byte offset of each line start
	importNodes []*Node
}

// Text is the source text of a node.
func (t *Tree) Text(n *Node) string {
	return string(t.Src[n.Start:n.End])
}

// Bytes is the source of a node without copying.
func (t *Tree) Bytes(n *Node) []byte {
	return t.Src[n.Start:n.End]
}

// Position converts a byte offset to a 1-based line and 1-based byte column.
func (t *Tree) Position(off uint32) (line, col int) {
	i := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, int(off-t.lines[i]) + 1
}

// Build parses src as language id and returns the normalised tree. The
// tree-sitter tree is closed before Build returns.
func Build(ctx context.Context, parsers *lang.Parsers, id lang.ID, src []byte) (*Tree, error) {
	g, err := lang.GrammarFor(id)
	if err != nil {
		return nil, err
	}
	ts, err := parsers.Parse(ctx, id, src)
	if err != nil {
		return nil, err
	}
	defer ts.Close()
	t := &Tree{Lang: id, Src: src, spec: specFor(id)}
	t.lines = lineStarts(src)
	if err := t.copy(ctx, g, ts); err != nil {
		return nil, err
	}
	t.Imports = t.spec.imports(t)
	return t, nil
}

func lineStarts(src []byte) []uint32 {
	out := make([]uint32, 1, 1+len(src)/32)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return out
		}
		i += j + 1
		out = append(out, uint32(i))
	}
}

// copy walks the tree-sitter tree once with a cursor (no recursion, so
// nesting depth cannot exhaust the stack) and builds the Go tree.
func (t *Tree) copy(ctx context.Context, g *lang.Grammar, ts *sitter.Tree) error {
	sp := t.spec
	cur := ts.Walk()
	defer cur.Close()
	var slab []Node
	alloc := func() *Node {
		if len(slab) == 0 {
			slab = make([]Node, slabSize)
		}
		n := &slab[0]
		slab = slab[1:]
		return n
	}
	var stack []*Node
	for {
		tn := cur.Node()
		kid := tn.KindId()
		kind := g.Kind(kid)
		named := g.IsNamed(kid)
		start, end := uint32(tn.StartByte()), uint32(tn.EndByte())
		keep := true
		descend := true
		switch {
		case sp.comments[kind] && named:
			keep = false
		case !named && punctuation[kind]:
			keep = false
		case named && len(stack) > 0 && sp.stringParts[kind] && sp.strings[stack[len(stack)-1].Kind]:
			keep = false
		}
		if kind == lang.KindError {
			t.Errors++
		} else if start == end && tn.IsMissing() {
			t.Errors++
			keep = false
		}
		var n *Node
		if keep {
			n = alloc()
			*n = Node{Kind: kind, Start: start, End: end, Named: named}
			n.Field = g.Field(cur.FieldId())
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				n.Parent = p
				p.Children = append(p.Children, n)
			}
			t.Nodes++
			if t.Nodes%ctxCheckEvery == 0 {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("building syntax tree: %w", err)
				}
			}
			if t.Root == nil {
				t.Root = n
			}
			if len(stack) >= MaxDepth || t.Nodes >= MaxNodes {
				descend = false
				if tn.ChildCount() > 0 {
					t.Truncated = true
				}
			}
		} else {
			descend = false
		}
		if descend && cur.GotoFirstChild() {
			stack = append(stack, n)
			continue
		}
		if n != nil {
			sp.finish(t, n)
		}
		for !cur.GotoNextSibling() {
			if !cur.GotoParent() || len(stack) == 0 {
				return nil
			}
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			sp.finish(t, p)
		}
	}
}

// punctuation lists anonymous tokens that never change meaning once the
// tree is built.
var punctuation = map[string]bool{
	"(": true, ")": true, "[": true, "]": true, "{": true, "}": true,
	",": true, ";": true, ":": true, ".": true, "\n": true, "`": true,
	"\"": true, "'": true,
}
