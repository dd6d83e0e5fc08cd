package pattern

import (
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// maxGuardDepth bounds the path from a pattern's root to its guard leaf.
const maxGuardDepth = 16

// guard is a cheap test that must pass for a pattern to match a node:
// the node kinds and child counts along a fixed path from the root, and
// at its end a constant string or a named token of the pattern. Many
// patterns share a callee shape ($APP.$M("/login...", ...)) and differ
// only in such a leaf, so checking it first spares most of the
// structural matching. It only tests what the matcher would test at the
// same place, so it never rejects a node the pattern matches.
type guard struct {
	steps []guardStep
	// leaf is tested at the end of the path; when nil, the last step
	// only checks the kind and child count of a node (a shape guard).
	leaf *pnode
}

type guardStep struct {
	kind string
	// n is the number of children the pattern's list consumes: exactly
	// n when exact, at least n when the list has "..." or $...X.
	n     int
	exact bool
	// child is the position of the next node on the path (-1: none).
	child int
}

// walkable reports whether the matcher compares p with a node kind by
// kind and child by child, with no other way to match (qualified names,
// imported members, Java modifiers in any order).
func walkable(id lang.ID, p *pnode) bool {
	return p.op == opNode && p.qual == "" && p.memberVar == "" && len(p.children) > 0 &&
		id != lang.Java
}

// discriminating reports whether p is a leaf worth testing: a constant
// string, or a named token compared by its text.
func discriminating(p *pnode) bool {
	switch {
	case p.op == opString:
		return true
	case p.op == opNode && len(p.children) == 0 && p.qual == "" && p.memberVar == "" && p.text != "" && p.text != p.kind:
		// A named token (an anonymous one's kind is its text).
		return true
	}
	return false
}

// newGuard finds the first discriminating leaf (a constant string before
// a named token) reachable from p through fixed positions; nil when there
// is none.
func newGuard(id lang.ID, p *pnode) *guard {
	var best *guard
	var walk func(p *pnode, steps []guardStep)
	walk = func(p *pnode, steps []guardStep) {
		if best != nil && best.leaf.op == opString {
			return
		}
		if discriminating(p) && len(steps) > 0 {
			if best == nil || p.op == opString && best.leaf.op != opString {
				best = &guard{steps: append([]guardStep(nil), steps...), leaf: p}
			}
			return
		}
		if !walkable(id, p) || len(steps) >= maxGuardDepth {
			return
		}
		n, exact := 0, true
		for _, c := range p.children {
			if c.op == opEllipsis || c.op == opMetavarSeq {
				exact = false
			} else {
				n++
			}
		}
		for i, c := range p.children {
			if c.op == opEllipsis || c.op == opMetavarSeq {
				break // later children have no fixed position
			}
			walk(c, append(steps, guardStep{kind: p.kind, n: n, exact: exact, child: i}))
		}
	}
	walk(p, nil)
	if best == nil {
		best = shapeGuard(id, p)
	}
	return best
}

// shapeGuard is the fallback for patterns made of metavariables and
// punctuation ($R.$M($P, $H)): the kind and exact child count of the
// last child with a fixed position and a fixed number of children (an
// argument list without "...").
func shapeGuard(id lang.ID, p *pnode) *guard {
	if !walkable(id, p) {
		return nil
	}
	root := listStep(p)
	var g *guard
	for i, c := range p.children {
		if c.op == opEllipsis || c.op == opMetavarSeq {
			break
		}
		if !walkable(id, c) {
			continue
		}
		// The last such child: in a call, the argument list rather than
		// the callee.
		if s := listStep(c); s.exact {
			root.child, s.child = i, -1
			g = &guard{steps: []guardStep{root, s}}
		}
	}
	return g
}

// listStep describes the children p requires of a node.
func listStep(p *pnode) guardStep {
	s := guardStep{kind: p.kind, exact: true}
	for _, c := range p.children {
		if c.op == opEllipsis || c.op == opMetavarSeq {
			s.exact = false
		} else {
			s.n++
		}
	}
	return s
}

// ok runs the guard on a node.
func (g *guard) ok(t *syntax.Tree, n *syntax.Node) bool {
	for _, s := range g.steps {
		if n.Kind != s.kind || len(n.Children) < s.n || s.exact && len(n.Children) != s.n {
			return false
		}
		if s.child < 0 {
			return true
		}
		n = n.Children[s.child]
	}
	p := g.leaf
	if p.op == opString {
		v, ok := t.ConstantValue(n)
		return ok && p.str.match(v)
	}
	return n.Kind == p.kind && len(n.Children) == 0 && (!n.Named || p.text == string(t.Bytes(n)))
}
