package syntax

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"sync"

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
	assignNodes []*Node
	declNodes   []*Node
	// types maps declared names to their declared types.
	types map[string][]string
	// constants maps identifier reads to the constant string they hold.
	constants map[*Node]string
	// slab holds the nodes, for Release.
	slab *nodeSlab
}

// nodeSlab is the storage of a tree's nodes and child lists, reused
// across files through Release: the nodes are the largest allocation of
// an analysis, and reusing them spares garbage collection.
type nodeSlab struct {
	nodes []Node
	kids  []*Node
	used  int
}

var slabPool = sync.Pool{New: func() any { return new(nodeSlab) }}

// Release hands the tree's nodes back for reuse by later builds. Neither
// the tree nor any node or match taken from it may be used afterwards;
// a tree that is kept (as the taint phase keeps them) is simply not
// released.
func (t *Tree) Release() {
	s := t.slab
	if s == nil {
		return
	}
	t.slab, t.Root, t.constants, t.importNodes, t.assignNodes, t.declNodes = nil, nil, nil, nil, nil, nil
	clear(s.nodes[:s.used])
	clear(s.kids[:s.used])
	s.used = 0
	if cap(s.nodes) <= maxPooledEntries {
		slabPool.Put(s)
	}
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
	t.constants = t.spec.propagate(t)
	t.types = t.spec.declarations(t)
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

// copy flattens the tree-sitter tree in one cgo call and builds the Go
// tree from the flat preorder list, without recursion. A first pass
// decides which entries are kept and counts children, so that nodes and
// child lists are allocated once, at their exact sizes.
func (t *Tree) copy(ctx context.Context, g *lang.Grammar, ts *sitter.Tree) error {
	sp := t.spec
	classes := classTable(g)
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	entries, cut := lang.FlattenInto(sc.entries, ts, MaxNodes, MaxDepth)
	sc.entries = entries
	t.Truncated = cut

	// Pass 1: keep or drop each entry; ord[i] is the kept ordinal or -1.
	ord := grow(sc.ord, len(entries))[:len(entries)]
	parents := grow(sc.parents, len(entries))[:0]
	counts := grow(sc.counts, len(entries))[:0]
	sc.ord, sc.parents, sc.counts = ord, parents, counts
	type open1 struct {
		ord   int32
		depth uint16
		kind  string
	}
	var stack1 []open1
	skipBelow := -1 // entries deeper than this belong to a dropped node
	for i := range entries {
		e := &entries[i]
		ord[i] = -1
		if i&(ctxCheckEvery-1) == 0 && i > 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("building syntax tree: %w", err)
			}
		}
		if skipBelow >= 0 {
			if int(e.Depth) > skipBelow {
				continue
			}
			skipBelow = -1
		}
		for len(stack1) > 0 && stack1[len(stack1)-1].depth >= e.Depth {
			stack1 = stack1[:len(stack1)-1]
		}
		kind := g.Kind(e.Symbol)
		class := uint8(0)
		if int(e.Symbol) < len(classes) {
			class = classes[e.Symbol]
		}
		if kind == lang.KindError {
			t.Errors++
		} else if e.Flags&lang.FlagMissing != 0 {
			t.Errors++
			skipBelow = int(e.Depth)
			continue
		}
		parent := int32(-1)
		parentKind := ""
		if len(stack1) > 0 {
			parent, parentKind = stack1[len(stack1)-1].ord, stack1[len(stack1)-1].kind
		}
		if class&classDrop != 0 || class&classStringPart != 0 && parent >= 0 && sp.strings[parentKind] {
			skipBelow = int(e.Depth)
			continue
		}
		o := int32(len(parents))
		ord[i] = o
		parents = append(parents, parent)
		counts = append(counts, 0)
		if parent >= 0 {
			counts[parent]++
		}
		stack1 = append(stack1, open1{o, e.Depth, kind})
	}
	if len(parents) == 0 {
		return nil
	}

	// Pass 2: fill the nodes; finish each once its children are built.
	slab := slabPool.Get().(*nodeSlab)
	if cap(slab.nodes) < len(parents) {
		slab.nodes, slab.kids = make([]Node, len(parents)), make([]*Node, len(parents))
	}
	slab.used = len(parents)
	t.slab = slab
	nodes := slab.nodes[:len(parents)]
	kids := slab.kids[:len(parents)]
	off := int32(0)
	for o := range nodes {
		nodes[o].Children = kids[off : off : off+counts[o]]
		off += counts[o]
	}
	type open2 struct {
		n      *Node
		depth  uint16
		finish bool // whether sp.finish has anything to do for n
	}
	var stack []open2
	for i := range entries {
		o := ord[i]
		if o < 0 {
			continue
		}
		e := &entries[i]
		for len(stack) > 0 && stack[len(stack)-1].depth >= e.Depth {
			if top := stack[len(stack)-1]; top.finish {
				sp.finish(t, top.n)
			}
			stack = stack[:len(stack)-1]
		}
		n := &nodes[o]
		n.Kind, n.Field, n.Start, n.End, n.Named = g.Kind(e.Symbol), g.Field(e.Field), e.Start, e.End, g.IsNamed(e.Symbol)
		if p := parents[o]; p >= 0 {
			n.Parent = &nodes[p]
			n.Parent.Children = append(n.Parent.Children, n)
		}
		fin := int(e.Symbol) >= len(classes) || classes[e.Symbol]&classFinish != 0
		stack = append(stack, open2{n, e.Depth, fin})
	}
	for len(stack) > 0 {
		if top := stack[len(stack)-1]; top.finish {
			sp.finish(t, top.n)
		}
		stack = stack[:len(stack)-1]
	}
	t.Root = &nodes[0]
	t.Nodes = len(nodes)
	return nil
}

// maxPooledEntries bounds the scratch buffers kept for reuse between
// files (in nodes), so that one huge file does not pin its buffers.
const maxPooledEntries = 1 << 20

// scratch holds copy's temporary buffers, reused across files: they are
// as large as the tree and would otherwise be a large share of all
// allocation.
type scratch struct {
	entries              []lang.Entry
	ord, parents, counts []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func (sc *scratch) release() {
	if cap(sc.entries) > maxPooledEntries {
		return
	}
	scratchPool.Put(sc)
}

// grow returns s with room for n elements (its contents are not kept).
func grow(s []int32, n int) []int32 {
	if cap(s) >= n {
		return s
	}
	return make([]int32, n)
}

// punctuation lists anonymous tokens that never change meaning once the
// tree is built.
var punctuation = map[string]bool{
	"(": true, ")": true, "[": true, "]": true, "{": true, "}": true,
	",": true, ";": true, ":": true, ".": true, "\n": true, "`": true,
	"\"": true, "'": true,
}

// Node classes by kind id, so that building needs no map lookups.
const (
	classDrop       = 1 << iota // comments and punctuation
	classStringPart             // parts of a string literal
	// classFinish marks the kinds spec.finish acts on (imports,
	// assignments, declarations, strings, concatenations, parentheses);
	// finish is skipped for the rest, most nodes, sparing several map
	// lookups per node.
	classFinish
)

var classTables = sync.OnceValue(func() map[lang.ID][]uint8 {
	out := map[lang.ID][]uint8{}
	for id, sp := range specs() {
		g, err := lang.GrammarFor(id)
		if err != nil {
			continue
		}
		t := make([]uint8, len(g.Kinds))
		for sym, kind := range g.Kinds {
			named := g.Named[sym]
			if named && sp.comments[kind] || !named && punctuation[kind] {
				t[sym] |= classDrop
			}
			if named && sp.stringParts[kind] {
				t[sym] |= classStringPart
			}
			if sp.finishes(kind) {
				t[sym] |= classFinish
			}
		}
		out[id] = t
	}
	return out
})

func classTable(g *lang.Grammar) []uint8 { return classTables()[g.ID] }

// Walk visits n and every node below it in source order, without
// recursion. Returning false from visit skips a node's children.
func Walk(n *Node, visit func(*Node) bool) {
	if n == nil {
		return
	}
	stack := []*Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(x) {
			continue
		}
		for i := len(x.Children) - 1; i >= 0; i-- {
			stack = append(stack, x.Children[i])
		}
	}
}

// Enclosing returns the nearest ancestor of n whose kind is one of kinds,
// or nil.
func Enclosing(n *Node, kinds ...string) *Node {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, k := range kinds {
			if p.Kind == k {
				return p
			}
		}
	}
	return nil
}
