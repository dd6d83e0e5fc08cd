package syntax

import (
	"strings"

	"github.com/socyber/codeaudit/internal/sast/lang"
)

// maxDeclarations bounds the declared names recorded per file.
const maxDeclarations = 20_000

// declarations maps each declared name to the types it is declared with
// anywhere in the file (parameters, locals, fields). Scopes are ignored:
// a name declared with two different types has no known type.
func (sp *spec) declarations(t *Tree) map[string][]string {
	out := map[string][]string{}
	addType := func(name *Node, ty string) {
		if name == nil || ty == "" || name.Kind != lang.KindIdentifier || len(out) >= maxDeclarations {
			return
		}
		n := t.Text(name)
		for _, have := range out[n] {
			if have == ty {
				return
			}
		}
		out[n] = append(out[n], ty)
	}
	add := func(name, typ *Node) {
		if typ != nil {
			addType(name, compactType(t.Text(typ)))
		}
	}
	for _, d := range t.declNodes {
		switch d.Kind {
		case lang.JavaFormalParameter, lang.JavaCatchFormalParameter:
			typ := d.Child("type")
			if typ == nil {
				for _, c := range d.Children {
					if c.Kind == lang.JavaCatchType {
						typ = c
					}
				}
			}
			add(d.Child("name"), typ)
		case lang.JavaLocalVariableDeclaration, lang.JavaFieldDeclaration:
			typ := d.Child("type")
			for _, c := range d.Children {
				if c.Field == "declarator" {
					add(c.Child("name"), typ)
				}
			}
		case lang.GoParameterDeclaration, lang.GoVarSpec:
			typ := d.Child("type")
			if typ == nil && d.Kind == lang.GoVarSpec {
				// var x = map[string]any{}: the type of the value.
				t.addValueTypes(d, "name", "value", addType)
				continue
			}
			for _, c := range d.Children {
				if c.Field == "name" {
					add(c, typ)
				}
			}
		case lang.GoShortVarDeclaration:
			t.addValueTypes(d, "left", "right", addType)
		case lang.JSTSRequiredParameter, lang.JSTSOptionalParameter, lang.KindVariableDeclarator:
			name := d.Child("pattern")
			if name == nil {
				name = d.Child("name")
			}
			if ann := d.Child("type"); ann != nil && len(ann.Children) == 1 {
				add(name, ann.Children[0])
			}
		}
	}
	t.declNodes = nil
	return out
}

// addValueTypes records, for a Go declaration without a written type
// (x := T{}, var x = T{}), the type of each value the file alone tells:
// composite literals, &T{}, constant strings. The names are the children
// in field names (or the expressions of the list there), the values
// those of the list in field values, paired by position.
func (t *Tree) addValueTypes(d *Node, names, values string, add func(name *Node, ty string)) {
	var ns []*Node
	for _, c := range d.Children {
		if c.Field != names {
			continue
		}
		if c.Kind == lang.GoExpressionList {
			ns = append(ns, c.NamedChildren()...)
		} else {
			ns = append(ns, c)
		}
	}
	list := d.Child(values)
	if list == nil {
		return
	}
	vs := list.NamedChildren()
	if list.Kind != lang.GoExpressionList {
		vs = []*Node{list}
	}
	if len(vs) != len(ns) {
		return
	}
	for i, v := range vs {
		if v.Kind == lang.GoCompositeLiteral || v.Kind == lang.GoUnaryExpression || v.IsString {
			if ty, ok := t.TypeOf(v); ok {
				add(ns[i], ty)
			}
		}
	}
}

func compactType(s string) string { return strings.Join(strings.Fields(s), "") }

// TypeOf returns the static type of an expression where the file alone
// tells it: a variable's declared type, a literal's type, the type of a
// constructor call or a composite literal. Names are as written in the
// source ("HttpServletRequest", "*http.Request", "string").
func (t *Tree) TypeOf(n *Node) (string, bool) {
	switch {
	case n.Kind == lang.KindIdentifier:
		if ts := t.types[string(t.Bytes(n))]; len(ts) == 1 {
			return ts[0], true
		}
	case n.IsString:
		switch t.Lang {
		case lang.Java:
			return "String", true
		case lang.Go, lang.TypeScript, lang.TSX:
			return "string", true
		}
	case n.Kind == lang.JavaObjectCreationExpression || n.Kind == lang.JavaCastExpression:
		if typ := n.Child("type"); typ != nil {
			return compactType(t.Text(typ)), true
		}
	case n.Kind == lang.JSNewExpression:
		if c := n.Child("constructor"); c != nil {
			return compactType(t.Text(c)), true
		}
	case n.Kind == lang.GoCompositeLiteral:
		if typ := n.Child("type"); typ != nil {
			return compactType(t.Text(typ)), true
		}
	case n.Kind == lang.GoUnaryExpression:
		if op, x := n.Child("operator"), n.Child("operand"); op != nil && op.Kind == "&" && x != nil && x.Kind == lang.GoCompositeLiteral {
			if ty, ok := t.TypeOf(x); ok {
				return "*" + ty, true
			}
		}
	}
	return "", false
}

// SameType compares a type written in a pattern with one found in code:
// white space and generic arguments aside, they must be equal, or (Java)
// one must be the other's simple name ("String", "java.lang.String").
func SameType(pattern, code string) bool {
	p, c := stripGenerics(compactType(pattern)), stripGenerics(code)
	if p == c {
		return true
	}
	if strings.HasSuffix(c, "."+p) || strings.HasSuffix(p, "."+c) {
		return !strings.HasPrefix(p, "*") && !strings.HasPrefix(c, "*")
	}
	return false
}

func stripGenerics(s string) string {
	if i := strings.IndexByte(s, '<'); i > 0 {
		return s[:i]
	}
	return s
}
