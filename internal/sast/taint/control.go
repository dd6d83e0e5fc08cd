package taint

import (
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

func alternatives(n *syntax.Node) []*syntax.Node {
	var out []*syntax.Node
	for _, c := range n.Children {
		if c.Field == "alternative" {
			out = append(out, c)
		}
	}
	return out
}

// ifChain interprets if / elif / else with constant conditions pruned.
func (in *interp) ifChain(init, cond, cons *syntax.Node, alts []*syntax.Node) {
	in.visit(init)
	in.visit(cond)
	v, known := in.constOf(cond, 0)
	b, known2 := truth(v)
	known = known && known2
	before := in.st
	gs := in.guards(cond, true, 0)
	var out *state
	if !known || b {
		in.st = before.clone()
		in.applyGuards(gs, true)
		in.visit(cons)
		out = in.st
	}
	if !known || !b {
		in.st = before
		in.applyGuards(gs, false)
		if len(alts) > 0 {
			a := alts[0]
			if a.Kind == "elif_clause" {
				in.ifChain(nil, a.Child("condition"), a.Child("consequence"), alts[1:])
			} else {
				in.visit(a)
			}
		}
		if out == nil {
			out = in.st
		} else {
			out.merge(in.st)
		}
	}
	in.st = out
}

func (in *interp) choose(cond, a, b *syntax.Node) taint {
	in.visit(cond)
	v, known := in.constOf(cond, 0)
	c, known2 := truth(v)
	if known && known2 {
		if c {
			return in.visit(a)
		}
		return in.visit(b)
	}
	return join(in.visit(a), in.visit(b))
}

// loop visits the header once and the body twice, joining with the state
// before the loop (the body may run zero times).
func (in *interp) loop(n *syntax.Node) {
	body := n.Child("body")
	if n.Kind == "while_statement" {
		if v, ok := in.constOf(n.Child("condition"), 0); ok {
			if b, ok := truth(v); ok && !b {
				return
			}
		}
	}
	for _, c := range n.NamedChildren() {
		if c != body && c.Field != "left" && c.Field != "name" {
			in.visit(c)
		}
	}
	// The loop variable takes the elements of the iterated value.
	var elem taint
	var target *syntax.Node
	switch n.Kind {
	case "enhanced_for_statement":
		elem, target = in.visit(n.Child("value")), n.Child("name")
	case "for_in_statement", "for_statement":
		if r := n.Child("right"); r != nil {
			elem, target = in.peek(r), n.Child("left")
		}
		if rc := childKind(n, "range_clause"); rc != nil {
			elem, target = in.peek(rc.Child("right")), rc.Child("left")
		}
	}
	before := in.st.clone()
	for range 2 {
		if target != nil {
			in.bind(target, elem, n)
		}
		in.visit(body)
		in.st.dead = false
		in.st.merge(before)
	}
	if n.Kind == "for_statement" || n.Kind == "while_statement" {
		if e := childKind(n, "else_clause"); e != nil {
			in.visit(e)
		}
	}
}

func childKind(n *syntax.Node, kind string) *syntax.Node {
	for _, c := range n.Children {
		if c.Kind == kind {
			return c
		}
	}
	return nil
}

// switchCase is one case of a switch: its labels (none for default) and
// statements.
type switchCase struct {
	labels []*syntax.Node
	def    bool
	body   []*syntax.Node
	// opaque is set for a Python case whose pattern is not a literal or
	// a wildcard (a capture, class or mapping pattern): it may match
	// anything, so the switch is not decided by a constant.
	opaque bool
}

// switchStmt interprets a switch statement or expression; for a Java
// switch expression it returns the taint of the value of the cases that
// may run (case "a" -> v; or yield v;).
func (in *interp) switchStmt(n *syntax.Node) taint {
	savedYield := in.yield
	in.yield = nil
	defer func() { in.yield = savedYield }()
	isExpr := n.Kind == "switch_expression"
	disc := n.Child("condition")
	if disc == nil {
		disc = n.Child("value")
	}
	if disc == nil {
		disc = n.Child("subject") // Python match
	}
	in.visit(n.Child("initializer")) // Go: switch v := f(); v {
	in.visit(disc)
	var cases []switchCase
	fallthru := in.tree.Lang != lang.Go && in.tree.Lang != lang.Python
	body := n.Child("body")
	if body == nil {
		body = n
	}
	for _, c := range body.NamedChildren() {
		var sc switchCase
		switch c.Kind {
		case "switch_block_statement_group", "switch_rule":
			for _, x := range c.NamedChildren() {
				if x.Kind == "switch_label" {
					ls := x.NamedChildren()
					if len(ls) == 0 {
						sc.def = true
					}
					sc.labels = append(sc.labels, ls...)
				} else {
					sc.body = append(sc.body, x)
				}
			}
			if c.Kind == "switch_rule" {
				if isExpr && len(sc.body) == 1 && sc.body[0].Kind == "expression_statement" {
					// case "a" -> value;
					sc.body[0] = &syntax.Node{Kind: "yield_statement", Named: true, Children: sc.body[0].Children,
						Start: sc.body[0].Start, End: sc.body[0].End}
				}
				sc.body = append(sc.body, &syntax.Node{Kind: "break_statement"})
			}
		case "switch_case", "expression_case":
			for _, x := range c.Children {
				if !x.Named {
					continue
				}
				if x.Field == "value" {
					if x.Kind == "expression_list" {
						sc.labels = append(sc.labels, x.NamedChildren()...)
					} else {
						sc.labels = append(sc.labels, x)
					}
				} else {
					sc.body = append(sc.body, x)
				}
			}
		case "switch_default", "default_case":
			sc.def = true
			sc.body = c.NamedChildren()
		case "case_clause":
			sc = in.matchCase(c)
		default:
			continue
		}
		cases = append(cases, sc)
	}
	run := func(from int) {
		for i := from; i < len(cases); i++ {
			for _, s := range cases[i].body {
				if s.Kind == "break_statement" || in.st.dead {
					return
				}
				in.visit(s)
			}
			if !fallthru {
				return
			}
		}
	}
	dv, known := in.constOf(disc, 0)
	for _, c := range cases {
		known = known && !c.opaque
	}
	if known {
		pick := -1
		for i, c := range cases {
			for _, l := range c.labels {
				if lv, ok := in.constOf(l, 0); ok && lv == dv {
					pick = i
					break
				}
			}
			if pick >= 0 {
				break
			}
		}
		if pick < 0 {
			for i, c := range cases {
				if c.def {
					pick = i
				}
			}
		}
		if pick >= 0 {
			run(pick)
			in.st.dead = false
		}
		return in.yield
	}
	before := in.st
	out := before.clone()
	hasDefault := false
	for i, c := range cases {
		hasDefault = hasDefault || c.def
		in.st = before.clone()
		run(i)
		in.st.dead = false
		if i == 0 && hasDefault && len(cases) == 1 {
			out = in.st
			continue
		}
		out.merge(in.st)
	}
	in.st = out
	return in.yield
}

// matchCase reads one case of a Python match statement: literal
// patterns (and unions of them) are labels, _ is the default, a guard or
// any other pattern makes the case opaque.
func (in *interp) matchCase(c *syntax.Node) switchCase {
	var sc switchCase
	if b := c.Child("consequence"); b != nil {
		sc.body = []*syntax.Node{b}
	}
	if c.Child("guard") != nil {
		sc.opaque = true
	}
	for _, p := range c.NamedChildren() {
		if p.Kind != "case_pattern" {
			continue
		}
		items := p.NamedChildren()
		if len(items) == 1 && items[0].Kind == "union_pattern" {
			items = items[0].NamedChildren()
		}
		if len(items) == 0 && in.tree.Text(p) == "_" {
			sc.def = true
			continue
		}
		for _, x := range items {
			if _, ok := in.constOf(x, 0); ok && x.Kind != "identifier" {
				sc.labels = append(sc.labels, x)
			} else {
				sc.opaque = true
			}
		}
	}
	return sc
}
