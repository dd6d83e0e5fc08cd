package pattern

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// MaxSteps bounds the matching work spent on one file, so that patterns
// with many ellipses cannot backtrack without end.
const MaxSteps = 20_000_000

// MaxAlternatives bounds the matches one pattern yields at one node when
// it can match there in several ways ("foo(..., $X, ...)" binds $X to
// each argument in turn), so that long argument lists stay cheap.
const MaxAlternatives = 64

// ErrBudget is returned when matching a file ran out of steps.
var ErrBudget = errors.New("pattern matching step budget exhausted")

// Binding is what a metavariable matched: one node, or for $...X a
// possibly empty run of nodes.
type Binding struct {
	Name  string
	Nodes []*syntax.Node
	// Start and End are the byte span of the bound code (equal when a
	// $...X matched nothing).
	Start, End uint32
}

// Match is one place a pattern matched.
type Match struct {
	Start, End uint32
	// Node is the matched node (the first statement for sequences).
	Node  *syntax.Node
	Binds []Binding
	// Inside marks a range that only encloses the code of interest (a
	// pattern-inside of a rule, possibly under pattern-either): combined
	// with other positive ranges, it keeps theirs.
	Inside bool
}

// Lookup returns the binding of a metavariable.
func (m *Match) Lookup(name string) (Binding, bool) {
	for _, b := range m.Binds {
		if b.Name == name {
			return b, true
		}
	}
	return Binding{}, false
}

// Index holds compiled patterns of one language so that a single walk
// over a tree tries each node only against patterns that can match its
// kind, and a call only against patterns calling the same name.
type Index struct {
	patterns []*Pattern
	byKind   map[string]*kindPatterns
	anyKind  []int
	seqs     seqIndex
}

// seqIndex holds the statement-sequence patterns by the kind of their
// first statement, so that each statement of a block is tried only
// against the sequences that can start there.
type seqIndex struct {
	byFirst  map[string][]int
	anyFirst []int
	// body is each sequence without its leading "..." (nil: not a
	// sequence, or only "...").
	body map[int][]*pnode
}

func (sx *seqIndex) add(i int, seq []*pnode) {
	for len(seq) > 0 && seq[0].op == opEllipsis {
		seq = seq[1:]
	}
	if len(seq) == 0 {
		return
	}
	if sx.body == nil {
		sx.body = map[int][]*pnode{}
		sx.byFirst = map[string][]int{}
	}
	sx.body[i] = seq
	// A plain first statement can only match a statement of its kind.
	if p := seq[0]; p.op == opNode && p.qual == "" && p.memberVar == "" {
		sx.byFirst[p.kind] = append(sx.byFirst[p.kind], i)
	} else {
		sx.anyFirst = append(sx.anyFirst, i)
	}
}

func (sx *seqIndex) empty() bool { return len(sx.body) == 0 }

// kindPatterns are the patterns whose root has one node kind.
type kindPatterns struct {
	all []int
	// byName holds call patterns by the name they call, and unnamed the
	// call patterns whose callee is a metavariable; both are nil for
	// kinds that are not calls.
	byName  map[string][]int
	unnamed []int
}

func (kp *kindPatterns) add(i int, p *pnode) {
	kp.all = append(kp.all, i)
	switch {
	case p.call != "":
		if kp.byName == nil {
			kp.byName = map[string][]int{}
		}
		kp.byName[p.call] = append(kp.byName[p.call], i)
	case len(p.callNames) > 0:
		if kp.byName == nil {
			kp.byName = map[string][]int{}
		}
		for _, name := range p.callNames {
			kp.byName[name] = append(kp.byName[name], i)
		}
	default:
		kp.unnamed = append(kp.unnamed, i)
	}
}

// NewIndex indexes patterns; results of Search are in the same order.
func NewIndex(pats []*Pattern) *Index {
	ix := &Index{patterns: pats, byKind: map[string]*kindPatterns{}}
	for i, p := range pats {
		switch {
		case p.seq != nil:
			ix.seqs.add(i, p.seq)
		case p.root.op != opNode && p.root.op != opString && p.root.op != opTypedMetavar:
			ix.anyKind = append(ix.anyKind, i)
		case p.root.op == opString || p.root.qual != "":
			// Constant strings include folded concatenations, and name
			// chains resolve through imports to other shapes.
			ix.anyKind = append(ix.anyKind, i)
		default:
			kp := ix.byKind[p.root.kind]
			if kp == nil {
				kp = &kindPatterns{}
				ix.byKind[p.root.kind] = kp
			}
			kp.add(i, p.root)
		}
	}
	return ix
}

// candidates lists the patterns of n's kind that may match n: for a call
// naming a function or method, only the patterns calling that name and
// those whose callee is a metavariable. A call through a name bound by
// an import ("from subprocess import run as r; r()") is tried against
// all.
func (kp *kindPatterns) candidates(t *syntax.Tree, n *syntax.Node) (named, unnamed []int) {
	if kp.byName == nil {
		return kp.all, nil
	}
	name, bare, ok := t.CallName(n)
	if !ok {
		return kp.all, nil
	}
	text := t.Bytes(name)
	if bare {
		if _, imported := t.Imports[string(text)]; imported {
			return kp.all, nil
		}
	}
	return kp.byName[string(text)], kp.unnamed
}

// Subset returns the index of the patterns i for which want(i) is true,
// keeping their positions: searching it is searching ix with want, minus
// the cost of selecting the patterns. Callers that search many files
// with the same selection keep the subset.
func (ix *Index) Subset(want func(i int) bool) *Index {
	sub := &Index{patterns: ix.patterns, byKind: map[string]*kindPatterns{}}
	for k, kp := range ix.byKind {
		var sk *kindPatterns
		for _, i := range kp.all {
			if want(i) {
				if sk == nil {
					sk = &kindPatterns{}
				}
				sk.add(i, ix.patterns[i].root)
			}
		}
		if sk != nil {
			sub.byKind[k] = sk
		}
	}
	for _, i := range ix.anyKind {
		if want(i) {
			sub.anyKind = append(sub.anyKind, i)
		}
	}
	for i, p := range ix.patterns {
		if p.seq != nil && want(i) {
			sub.seqs.add(i, p.seq)
		}
	}
	return sub
}

// Search matches every pattern i for which want(i) is true over the
// subtree at root (the whole tree when root is nil) in one walk. It
// returns the matches per pattern.
func (ix *Index) Search(ctx context.Context, t *syntax.Tree, root *syntax.Node, want func(i int) bool) ([][]Match, error) {
	budget := MaxSteps
	return ix.SearchBudget(ctx, t, root, want, &budget)
}

// SearchBudget is Search drawing on a step budget shared by several
// searches of one file: *budget is decreased by the steps taken, and the
// search stops with ErrBudget when it runs out.
func (ix *Index) SearchBudget(ctx context.Context, t *syntax.Tree, root *syntax.Node, want func(i int) bool, budget *int) ([][]Match, error) {
	out := make([][]Match, len(ix.patterns))
	if root == nil {
		root = t.Root
	}
	if root == nil {
		return out, nil
	}
	if *budget <= 0 {
		return out, ErrBudget
	}
	if want != nil {
		ix = ix.Subset(want)
	}
	byKind, anyKind, seqs := ix.byKind, ix.anyKind, ix.seqs
	if len(byKind) == 0 && len(anyKind) == 0 && seqs.empty() {
		return out, nil
	}
	m := &matcher{tree: t, budget: budget}
	stack := []*syntax.Node{root}
	visited := 0
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if visited++; visited&0x3fff == 0 {
			if err := ctx.Err(); err != nil {
				return out, err
			}
		}
		if kp := byKind[n.Kind]; kp != nil {
			named, unnamed := kp.candidates(t, n)
			for _, list := range [2][]int{named, unnamed} {
				for _, i := range list {
					if g := ix.patterns[i].guard; g == nil || g.ok(t, n) {
						out[i] = m.matchRoot(out[i], ix.patterns[i].root, n)
					}
				}
			}
		}
		for _, i := range anyKind {
			if !n.Named && ix.patterns[i].root.op == opMetavar {
				continue // "$X" alone stands for code, not punctuation
			}
			out[i] = m.matchRoot(out[i], ix.patterns[i].root, n)
		}
		if len(n.Children) > 0 && !seqs.empty() {
			for at, kid := range n.Children {
				for _, list := range [2][]int{seqs.byFirst[kid.Kind], seqs.anyFirst} {
					for _, i := range list {
						if g := ix.patterns[i].guard; g == nil || g.ok(t, kid) {
							out[i] = m.matchSeqAt(out[i], seqs.body[i], n.Children, at)
						}
					}
				}
				if m.exhausted {
					break
				}
			}
		}
		if m.exhausted {
			return out, ErrBudget
		}
		for i := len(n.Children) - 1; i >= 0; i-- {
			stack = append(stack, n.Children[i])
		}
	}
	return out, nil
}

type matcher struct {
	tree      *syntax.Tree
	env       []Binding
	budget    *int // steps left
	exhausted bool
	// alts collects the distinct bindings of a pattern matching one node
	// in several ways.
	alts [][]Binding
	// free holds continuation frames for reuse.
	free []*cont
}

// cont is what is left to match once a node or a list has matched: the
// rest of the enclosing list, then what follows that list. A nil cont
// ends the match with success; acceptAll records the bindings and asks
// for the next way to match.
type cont struct {
	ps     []*pnode
	ns     []*syntax.Node
	next   *cont
	accept bool
}

var acceptAll = &cont{accept: true}

// resume matches what k says is left.
func (m *matcher) resume(k *cont) bool {
	switch {
	case k == nil:
		return true
	case k.accept:
		return m.accepted()
	}
	return m.seq(k.ps, k.ns, k.next)
}

// accepted records the current bindings as one more way the pattern
// matches, and reports whether enough were found.
func (m *matcher) accepted() bool {
	for _, prev := range m.alts {
		if sameBindings(prev, m.env) {
			return false
		}
	}
	m.alts = append(m.alts, append([]Binding(nil), m.env...))
	return len(m.alts) >= MaxAlternatives
}

func sameBindings(a, b []Binding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Start != b[i].Start || a[i].End != b[i].End {
			return false
		}
	}
	return true
}

// matchRoot appends the matches of p at n to out: one, or for a pattern
// that can bind its metavariables in several ways there, each of them (up
// to MaxAlternatives), so that a later metavariable-regex, pattern-not or
// focus-metavariable can pick any.
func (m *matcher) matchRoot(out []Match, p *pnode, n *syntax.Node) []Match {
	m.env = m.env[:0]
	if !p.alts {
		if m.node(p, n, nil) {
			out = append(out, Match{Start: n.Start, End: n.End, Node: n, Binds: append([]Binding(nil), m.env...)})
		}
		return out
	}
	m.alts = m.alts[:0]
	m.node(p, n, acceptAll)
	for _, b := range m.alts {
		out = append(out, Match{Start: n.Start, End: n.End, Node: n, Binds: b})
	}
	return out
}

// matchSeqAt appends the match of the statement sequence ps (without
// leading "...") starting at kids[i], if any: implicit "..." follow it.
func (m *matcher) matchSeqAt(out []Match, ps []*pnode, kids []*syntax.Node, i int) []Match {
	trailing := ps[len(ps)-1].op == opEllipsis
	m.env = m.env[:0]
	if !m.node(ps[0], kids[i], nil) {
		return out
	}
	mark := len(m.env)
	if trailing {
		if m.seq(ps[1:], kids[i+1:], nil) {
			out = append(out, m.seqMatch(kids[i], kids[len(kids)-1]))
		}
		return out
	}
	for j := i + 1; j <= len(kids); j++ {
		m.env = m.env[:mark]
		if m.seq(ps[1:], kids[i+1:j], nil) {
			return append(out, m.seqMatch(kids[i], kids[max(i, j-1)]))
		}
		if m.exhausted {
			return out
		}
	}
	if len(ps) == 3 && ps[1].op == opEllipsis {
		// "A ... B" also finds B nested in a later statement (inside
		// an if, a loop, a try), as Semgrep's deep statement matching.
		m.env = m.env[:mark]
		if last, ok := m.deepAfter(ps[2], kids[i+1:]); ok {
			out = append(out, Match{Start: kids[i].Start, End: last.End, Node: kids[i], Binds: append([]Binding(nil), m.env...)})
		}
	}
	return out
}

// deepAfter looks for p inside the statements ns, in source order.
func (m *matcher) deepAfter(p *pnode, ns []*syntax.Node) (*syntax.Node, bool) {
	mark := len(m.env)
	for _, s := range ns {
		var hit *syntax.Node
		syntax.Walk(s, func(x *syntax.Node) bool {
			if hit != nil || m.exhausted {
				return false
			}
			if x != s && m.node(p, x, nil) {
				hit = x
				return false
			}
			m.env = m.env[:mark]
			return true
		})
		if hit != nil {
			return hit, true
		}
	}
	return nil, false
}

func (m *matcher) seqMatch(first, last *syntax.Node) Match {
	return Match{Start: first.Start, End: last.End, Node: first, Binds: append([]Binding(nil), m.env...)}
}

func (m *matcher) step() bool {
	*m.budget--
	if *m.budget < 0 {
		m.exhausted = true
	}
	return !m.exhausted
}

// node matches pattern p against node n, extending m.env, and then what
// k says is left; it tries every way p can match n until the rest
// matches too. On failure m.env is as it was.
func (m *matcher) node(p *pnode, n *syntax.Node, k *cont) bool {
	if !m.step() {
		return false
	}
	mark := len(m.env)
	ok := false
	switch p.op {
	case opEllipsis:
		return m.resume(k)
	case opMetavar:
		if p.param && paramKinds[n.Kind] {
			n = m.paramName(n)
		}
		ok = m.bindNode(p.name, n) && m.resume(k)
	case opMetavarSeq:
		ok = m.bindNode(p.name, n) && m.resume(k)
	case opDeep:
		ok = m.deep(p.children[0], n, k)
	case opTypedMetavar:
		ty, typed := m.tree.TypeOf(n)
		ok = typed && syntax.SameType(p.typ, ty) && m.bindNode(p.name, n) && m.resume(k)
	case opString:
		v, isConst := m.tree.ConstantValue(n)
		ok = isConst && p.str.match(v) && m.resume(k)
	default:
		ok = m.structure(p, n, k)
	}
	if !ok {
		m.env = m.env[:mark]
	}
	return ok
}

// structure matches a pattern node of code against n: by qualified name,
// or kind by kind and child by child.
func (m *matcher) structure(p *pnode, n *syntax.Node, k *cont) bool {
	mark := len(m.env)
	if p.qual != "" && (m.tree.IsNameChainKind(n.Kind) || n.Kind == lang.KindCallExpression) && m.mayName(p, n) {
		if q, ok := m.tree.QualifiedName(n); ok && m.sameName(p.qual, q) {
			if m.resume(k) {
				return true
			}
			m.env = m.env[:mark]
		}
	}
	if p.memberVar != "" && m.tree.IsNameLeaf(n) {
		if _, imported := m.tree.Imports[string(m.tree.Bytes(n))]; imported {
			if q, ok := m.tree.QualifiedName(n); ok {
				if dot := strings.LastIndexByte(q, '.'); dot > 0 && m.sameName(p.memberQual, q[:dot]) {
					return m.bindNode(p.memberVar, n) && m.resume(k)
				}
			}
		}
	}
	if p.kind != n.Kind {
		return false
	}
	if len(p.children) == 0 {
		if len(n.Children) != 0 {
			return false
		}
		return (!n.Named || p.text == string(m.tree.Bytes(n))) && m.resume(k)
	}
	if p.kind == lang.JavaModifiers && m.tree.Lang == lang.Java {
		// Modifiers and annotations are a set: the pattern's must all be
		// there, in any order, among possibly more.
		return m.subset(p.children, n.Children) && m.resume(k)
	}
	if m.seq(p.children, n.Children, k) {
		return true
	}
	m.env = m.env[:mark]
	if m.tree.Lang == lang.Java && !hasKind(p.children, lang.JavaModifiers) && hasNodeKind(n.Children, lang.JavaModifiers) {
		// A declaration pattern without modifiers matches declarations
		// with any.
		rest := make([]*syntax.Node, 0, len(n.Children))
		for _, c := range n.Children {
			if c.Kind != lang.JavaModifiers {
				rest = append(rest, c)
			}
		}
		return m.seq(p.children, rest, k)
	}
	return false
}

// paramName returns the name of a parameter with a type or a default
// value ("e" in "e: MessageEvent"), or the parameter itself when its name
// is not a plain identifier (a destructuring pattern).
func (m *matcher) paramName(n *syntax.Node) *syntax.Node {
	name := n.Child("pattern") // TypeScript
	if name == nil {
		name = n.Child("name") // Python default parameters
	}
	if name == nil && len(n.Children) > 0 {
		name = n.Children[0] // Python typed parameters
	}
	if name != nil && m.tree.IsNameLeaf(name) {
		return name
	}
	return n
}

// subset matches every pattern against a distinct node, in any order.
func (m *matcher) subset(ps []*pnode, ns []*syntax.Node) bool {
	used := make([]bool, len(ns))
	for _, p := range ps {
		if p.op == opEllipsis {
			continue
		}
		found := false
		for i, n := range ns {
			if used[i] {
				continue
			}
			if m.node(p, n, nil) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func hasKind(ps []*pnode, kind string) bool {
	for _, p := range ps {
		if p.kind == kind {
			return true
		}
	}
	return false
}

func hasNodeKind(ns []*syntax.Node, kind string) bool {
	for _, n := range ns {
		if n.Kind == kind {
			return true
		}
	}
	return false
}

// mayName is a cheap test before computing a qualified name: the last
// name of the target must be the pattern's, unless the target is a name
// bound by an import (whose local name may differ).
func (m *matcher) mayName(p *pnode, n *syntax.Node) bool {
	last := p.qual[strings.LastIndexAny(p.qual, "./")+1:]
	if m.tree.IsNameLeaf(n) {
		text := m.tree.Bytes(n)
		if string(text) == last {
			return true
		}
		_, imported := m.tree.Imports[string(text)]
		return imported
	}
	if _, prop, ok := m.tree.Member(n); ok {
		return string(m.tree.Bytes(prop)) == last
	}
	return true
}

// seq matches a list of patterns against a list of nodes exactly, with
// ellipses and $...X taking any run, and then what k says is left.
func (m *matcher) seq(ps []*pnode, ns []*syntax.Node, k *cont) bool {
	if !m.step() {
		return false
	}
	if len(ps) == 0 {
		return len(ns) == 0 && m.resume(k)
	}
	p := ps[0]
	mark := len(m.env)
	switch p.op {
	case opEllipsis:
		if len(ps) == 1 {
			return m.resume(k)
		}
		for i := 0; i <= len(ns); i++ {
			if m.seq(ps[1:], ns[i:], k) {
				return true
			}
			m.env = m.env[:mark]
			if m.exhausted {
				return false
			}
		}
		return false
	case opMetavarSeq:
		for i := 0; i <= len(ns); i++ {
			start, end := uint32(0), uint32(0)
			if i > 0 {
				start, end = ns[0].Start, ns[i-1].End
			} else if len(ns) > 0 {
				start, end = ns[0].Start, ns[0].Start
			}
			if m.bind(p.name, ns[:i:i], start, end) && m.seq(ps[1:], ns[i:], k) {
				return true
			}
			m.env = m.env[:mark]
			if m.exhausted {
				return false
			}
		}
		return false
	}
	if len(ns) == 0 {
		return false
	}
	if !p.alts {
		// p matches ns[0] in one way at most (as far as bindings go):
		// no need to come back into it when the rest fails.
		if !m.node(p, ns[0], nil) {
			return false
		}
		if m.seq(ps[1:], ns[1:], k) {
			return true
		}
		m.env = m.env[:mark]
		return false
	}
	if len(ps) == 1 {
		return len(ns) == 1 && m.node(p, ns[0], k)
	}
	// Frames are reused: one is only referred to while node runs.
	var c *cont
	if n := len(m.free); n > 0 {
		c, m.free = m.free[n-1], m.free[:n-1]
	} else {
		c = new(cont)
	}
	*c = cont{ps: ps[1:], ns: ns[1:], next: k}
	ok := m.node(p, ns[0], c)
	*c = cont{}
	m.free = append(m.free, c)
	return ok
}

// deep reports whether p matches n or any node below it, followed by
// what k says is left.
func (m *matcher) deep(p *pnode, n *syntax.Node, k *cont) bool {
	stack := []*syntax.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if m.node(p, x, k) {
			return true
		}
		if m.exhausted {
			return false
		}
		for i := len(x.Children) - 1; i >= 0; i-- {
			stack = append(stack, x.Children[i])
		}
	}
	return false
}

func (m *matcher) bind(name string, nodes []*syntax.Node, start, end uint32) bool {
	if name == "$_" {
		return true
	}
	for _, b := range m.env {
		if b.Name == name {
			return m.equalCode(b, nodes, start, end)
		}
	}
	m.env = append(m.env, Binding{Name: name, Nodes: nodes, Start: start, End: end})
	return true
}

// bindNode is bind for one node, without allocating when the
// metavariable is already bound or is $_: the binding's node list is
// the node's place among its parent's children.
func (m *matcher) bindNode(name string, n *syntax.Node) bool {
	if name == "$_" {
		return true
	}
	for _, b := range m.env {
		if b.Name == name {
			return m.equalNode(b, n)
		}
	}
	m.env = append(m.env, Binding{Name: name, Nodes: single(n), Start: n.Start, End: n.End})
	return true
}

// single returns a one-node list holding n, sharing the parent's child
// list when it can (capacity-limited, so appending copies).
func single(n *syntax.Node) []*syntax.Node {
	if p := n.Parent; p != nil {
		for i, c := range p.Children {
			if c == n {
				return p.Children[i : i+1 : i+1]
			}
		}
	}
	return []*syntax.Node{n}
}

// equalNode is equalCode for one new node.
func (m *matcher) equalNode(b Binding, n *syntax.Node) bool {
	if len(b.Nodes) == 1 {
		if b.Nodes[0].IsString && n.IsString {
			return b.Nodes[0].Str == n.Str
		}
		if q1, ok := m.tree.QualifiedName(b.Nodes[0]); ok {
			if q2, ok := m.tree.QualifiedName(n); ok {
				return q1 == q2
			}
		}
	}
	return compactEqual(m.tree.Src[b.Start:b.End], m.tree.Src[n.Start:n.End])
}

// equalCode compares a binding with new code: constant strings by value,
// anything else by its source text with white space removed.
func (m *matcher) equalCode(b Binding, nodes []*syntax.Node, start, end uint32) bool {
	if len(b.Nodes) == 1 && len(nodes) == 1 && b.Nodes[0].IsString && nodes[0].IsString {
		return b.Nodes[0].Str == nodes[0].Str
	}
	if len(b.Nodes) == 1 && len(nodes) == 1 {
		if q1, ok := m.tree.QualifiedName(b.Nodes[0]); ok {
			if q2, ok := m.tree.QualifiedName(nodes[0]); ok {
				return q1 == q2
			}
		}
	}
	return compactEqual(m.tree.Src[b.Start:b.End], m.tree.Src[start:end])
}

func compactEqual(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	return bytes.Equal(bytes.Join(bytes.Fields(a), nil), bytes.Join(bytes.Fields(b), nil))
}

// sameName compares a pattern's qualified name with a target's. Go
// targets carry import paths ("os/exec.Command") while patterns name the
// package ("exec.Command"); a Java pattern naming a bare type matches its
// imported qualified form.
func (m *matcher) sameName(pat, target string) bool {
	if pat == target {
		return true
	}
	switch m.tree.Lang {
	case lang.Go:
		slash := strings.LastIndexByte(target, '/')
		if slash < 0 {
			return false
		}
		rest := target[slash+1:]
		dot := strings.IndexByte(rest, '.')
		path, tail := target, ""
		if dot >= 0 {
			path, tail = target[:slash+1+dot], rest[dot:]
		}
		return syntax.GoPackageName(path)+tail == pat
	case lang.Java:
		return !strings.Contains(pat, ".") && strings.HasSuffix(target, "."+pat)
	}
	return false
}
