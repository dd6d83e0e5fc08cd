package syntax

import "github.com/socyber/codeaudit/internal/sast/lang"

// maxConstantCandidates bounds the constant assignments examined per file.
const maxConstantCandidates = 2000

// ConstantValue returns the constant string an expression always holds: a
// string literal or folded concatenation, or a variable whose only
// assignment in its function (or file) is a constant string and which is
// otherwise only read (`cmd := "ls"; exec.Command(cmd)`).
func (t *Tree) ConstantValue(n *Node) (string, bool) {
	if n.IsString {
		return n.Str, true
	}
	v, ok := t.constants[n]
	return v, ok
}

// propagate finds variables assigned once with a constant string. It is
// deliberately conservative: any occurrence of the name in its scope that
// is not plainly a read (a parameter, a loop variable, another assignment,
// an increment, an address taken) means the name is not constant.
func (sp *spec) propagate(t *Tree) map[*Node]string {
	type key struct {
		scope *Node
		name  string
	}
	type cand struct {
		def   *Node // the identifier being assigned
		value string
		count int
	}
	cands := map[key]*cand{}
	for _, a := range t.assignNodes {
		left, right, ok := t.Assignment(a)
		if !ok {
			continue
		}
		left, right = single(left), single(right)
		if left == nil || right == nil || left.Kind != lang.KindIdentifier {
			continue
		}
		if p := a.Parent; p != nil && p.Kind == lang.JavaFieldDeclaration && !t.hasModifier(p, "final") {
			// A non-final field can be written through this.x anywhere.
			continue
		}
		k := key{Enclosing(a, sp.scopes...), t.Text(left)}
		if k.scope == nil {
			if a.Kind == lang.GoVarSpec {
				continue // other files of the package may assign it
			}
			k.scope = t.Root
		}
		c := cands[k]
		if c == nil {
			if len(cands) >= maxConstantCandidates {
				break
			}
			c = &cand{}
			cands[k] = c
		}
		c.count++
		if right.IsString {
			c.def, c.value = left, right.Str
		} else {
			c.def = nil
		}
	}
	t.assignNodes = nil
	// One walk per scope checks all of its candidates at once.
	byScope := map[*Node]map[string]*cand{}
	for k, c := range cands {
		if c.count != 1 || c.def == nil {
			continue
		}
		if byScope[k.scope] == nil {
			byScope[k.scope] = map[string]*cand{}
		}
		byScope[k.scope][k.name] = c
	}
	var out map[*Node]string
	for scope, names := range byScope {
		reads := map[string][]*Node{}
		spoiled := map[string]bool{}
		Walk(scope, func(n *Node) bool {
			if n.Kind != lang.KindIdentifier || notVariable(sp, n) {
				return true
			}
			name := string(t.Bytes(n))
			c, ok := names[name]
			if !ok || n == c.def || spoiled[name] {
				return true
			}
			if !sp.isRead(t, n) {
				spoiled[name] = true
				return true
			}
			reads[name] = append(reads[name], n)
			return true
		})
		for name, c := range names {
			if spoiled[name] {
				continue
			}
			if out == nil {
				out = map[*Node]string{}
			}
			for _, r := range reads[name] {
				out[r] = c.value
			}
		}
	}
	return out
}

// single unwraps a one-element list (Go's `x := "a"` has expression
// lists on both sides).
func single(n *Node) *Node {
	if n.Kind == lang.GoExpressionList || n.Kind == lang.PyExpressionList {
		named := n.NamedChildren()
		if len(named) != 1 {
			return nil
		}
		return named[0]
	}
	return n
}

// isRead reports whether an identifier occurrence only reads its variable.
func (sp *spec) isRead(t *Tree, n *Node) bool {
	p := n.Parent
	if p == nil {
		return false
	}
	if a, ok := sp.assigns[p.Kind]; ok {
		return n.Field == a.property // the value side
	}
	if p.Kind == lang.GoExpressionList && p.Parent != nil {
		if a, ok := sp.assigns[p.Parent.Kind]; ok {
			return p.Field == a.property
		}
		return p.Parent.Kind == lang.GoReturnStatement
	}
	if p.Kind == lang.GoUnaryExpression {
		return false // &x lets the variable change
	}
	return sp.reads[p.Kind]
}

// notVariable reports identifiers that name something other than a
// variable: the property of a member expression, a keyword argument name.
func notVariable(sp *spec, n *Node) bool {
	p := n.Parent
	if p == nil {
		return false
	}
	if m, ok := sp.members[p.Kind]; ok && n.Field == m.property {
		return true
	}
	return p.Kind == lang.PyKeywordArgument && n.Field == "name"
}

// hasModifier reports whether a Java declaration has a modifier keyword.
func (t *Tree) hasModifier(decl *Node, word string) bool {
	for _, c := range decl.Children {
		if c.Kind != lang.JavaModifiers {
			continue
		}
		for _, m := range c.Children {
			if m.Kind == word {
				return true
			}
		}
	}
	return false
}
