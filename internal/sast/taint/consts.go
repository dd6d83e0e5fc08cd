package taint

import (
	"strconv"
	"strings"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// maxConstString bounds constant strings built by concatenation.
const maxConstString = 4096

// constOf evaluates an expression to a constant (int64, string or bool)
// where the state and the literals decide it.
func (in *interp) constOf(n *syntax.Node, depth int) (any, bool) {
	if n == nil || depth > 64 {
		return nil, false
	}
	if n.IsString {
		return n.Str, true
	}
	switch n.Kind {
	case "decimal_integer_literal", "int_literal", "integer", "number":
		s := strings.TrimRight(strings.ReplaceAll(in.tree.Text(n), "_", ""), "lL")
		v, err := strconv.ParseInt(s, 0, 64)
		return v, err == nil
	case "character_literal":
		s := in.tree.Text(n)
		if len(s) == 3 {
			return s[1:2], true
		}
		return nil, false
	case "true", "True":
		return true, true
	case "false", "False":
		return false, true
	case "identifier":
		if v, ok := in.st.consts[in.tree.Text(n)]; ok {
			return v, true
		}
		if _, assigned := in.st.vars[in.tree.Text(n)]; assigned {
			return nil, false
		}
		if v, ok := in.fileConst(in.tree.Text(n)); ok {
			return v, true
		}
		if s, ok := in.tree.ConstantValue(n); ok {
			return s, true
		}
		return nil, false
	case "parenthesized_expression":
		if c := n.NamedChildren(); len(c) == 1 {
			return in.constOf(c[0], depth+1)
		}
	case "unary_expression", "not_operator", "unary_operator":
		c := n.NamedChildren()
		if len(c) != 1 {
			return nil, false
		}
		v, ok := in.constOf(c[0], depth+1)
		if !ok {
			return nil, false
		}
		switch op := operator(n); op {
		case "!", "not":
			b, isB := v.(bool)
			return !b, isB
		case "-":
			i, isI := v.(int64)
			return -i, isI
		case "+":
			return v, true
		}
	case "binary_expression", "binary_operator", "comparison_operator", "boolean_operator":
		c := n.NamedChildren()
		if len(c) != 2 {
			return nil, false
		}
		a, ok := in.constOf(c[0], depth+1)
		if !ok {
			return nil, false
		}
		b, ok := in.constOf(c[1], depth+1)
		if !ok {
			return nil, false
		}
		return binop(operator(n), a, b)
	case "method_invocation", "call", "call_expression":
		return in.constCall(n, depth)
	}
	if p, ok := in.pathOf(n); ok {
		if v, ok := in.st.consts[p]; ok {
			return v, true
		}
		if in.tree.Lang == lang.Java && strings.HasPrefix(p, "this.") {
			if _, written := in.st.vars[p]; !written {
				return in.fileConst(p[len("this."):]) // a static final field
			}
		}
	}
	return nil, false
}

// fileConst is a top-level constant of the function's file, unless a
// parameter or local of the same name hides it.
func (in *interp) fileConst(name string) (any, bool) {
	if in.run == nil {
		return nil, false
	}
	v, ok := in.run.prog.consts[in.f.file][name]
	return v, ok
}

// constCall folds the few string methods constant code uses to pick a
// branch: "ABC".charAt(1), s.equals("x"), s.length(), Python len("abc").
func (in *interp) constCall(n *syntax.Node, depth int) (any, bool) {
	recv, method := in.receiverAndMethod(n)
	if recv == nil && method == "len" && in.tree.Lang == lang.Python {
		// Python's len("abc").
		if args := in.tree.Arguments(n); len(args) == 1 {
			if v, ok := in.constOf(args[0], depth+1); ok {
				if s, isS := v.(string); isS {
					return int64(len(s)), true
				}
			}
		}
		return nil, false
	}
	if recv == nil {
		return nil, false
	}
	rv, ok := in.constOf(recv, depth+1)
	s, isS := rv.(string)
	if !ok || !isS {
		return nil, false
	}
	args := in.tree.Arguments(n)
	switch method {
	case "charAt":
		if len(args) == 1 {
			if i, ok := in.constOf(args[0], depth+1); ok {
				if k, isI := i.(int64); isI && k >= 0 && k < int64(len(s)) {
					return s[k : k+1], true
				}
			}
		}
	case "equals", "equalsIgnoreCase":
		if len(args) == 1 {
			if v, ok := in.constOf(args[0], depth+1); ok {
				o, isS := v.(string)
				if method == "equalsIgnoreCase" {
					return isS && strings.EqualFold(o, s), isS
				}
				return isS && o == s, isS
			}
		}
	case "length":
		return int64(len(s)), len(args) == 0
	}
	return nil, false
}

// operator returns the first anonymous child token of n (the operator
// of a unary or binary expression).
func operator(n *syntax.Node) string {
	op := ""
	for _, c := range n.Children {
		if !c.Named {
			if op != "" {
				return op + " " + c.Kind // "not in", "is not"
			}
			op = c.Kind
		}
	}
	return op
}

func binop(op string, a, b any) (any, bool) {
	switch x := a.(type) {
	case int64:
		y, ok := b.(int64)
		if !ok {
			if s, isS := b.(string); isS && op == "+" {
				return strconv.FormatInt(x, 10) + s, true
			}
			return nil, false
		}
		switch op {
		case "+":
			return x + y, true
		case "-":
			return x - y, true
		case "*":
			return x * y, true
		case "/", "//":
			if y == 0 {
				return nil, false
			}
			return x / y, true
		case "%":
			if y == 0 {
				return nil, false
			}
			return x % y, true
		case "<":
			return x < y, true
		case "<=":
			return x <= y, true
		case ">":
			return x > y, true
		case ">=":
			return x >= y, true
		case "==", "===":
			return x == y, true
		case "!=", "!==":
			return x != y, true
		}
	case string:
		var y string
		switch v := b.(type) {
		case string:
			y = v
		case int64:
			y = strconv.FormatInt(v, 10)
		default:
			return nil, false
		}
		switch op {
		case "+":
			if len(x)+len(y) > maxConstString {
				return nil, false
			}
			return x + y, true
		case "==", "===":
			return x == y, true
		case "!=", "!==":
			return x != y, true
		}
	case bool:
		y, ok := b.(bool)
		if !ok {
			return nil, false
		}
		switch op {
		case "&&", "and":
			return x && y, true
		case "||", "or":
			return x || y, true
		case "==", "===":
			return x == y, true
		case "!=", "!==":
			return x != y, true
		}
	}
	return nil, false
}

// truth converts a constant to a branch decision.
func truth(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case int64:
		return x != 0, true
	case string:
		return x != "", true
	}
	return false, false
}

// maxFileConsts bounds the top-level constants collected per file.
const maxFileConsts = 512

// fileConsts collects a file's top-level constants with literal values
// (integers, booleans, strings and expressions of them): Go const
// declarations, JavaScript top-level const, Java static final fields and
// Python module-level names assigned exactly once in the file. Branches
// on them (if DEBUG:, if (LIMIT > 10)) are then decided like branches on
// local constants.
func fileConsts(f *File) map[string]any {
	t := f.Tree
	in := &interp{tree: t, f: &fn{file: f}}
	cost := 0
	in.st = newState(&cost)
	out := map[string]any{}
	add := func(name, value *syntax.Node) {
		if name == nil || value == nil || len(out) >= maxFileConsts {
			return
		}
		if v, ok := in.constOf(value, 0); ok {
			out[t.Text(name)] = v
		}
	}
	top := t.Root.NamedChildren()
	switch t.Lang {
	case lang.Go:
		for _, d := range top {
			if d.Kind != "const_declaration" {
				continue
			}
			for _, s := range d.NamedChildren() {
				var names []*syntax.Node
				for _, c := range s.Children {
					if c.Field == "name" {
						names = append(names, c)
					}
				}
				if v := s.Child("value"); v != nil {
					if vs := listItems(v); len(vs) == len(names) {
						for i := range names {
							add(names[i], vs[i])
						}
					}
				}
			}
		}
	case lang.JavaScript, lang.TypeScript, lang.TSX:
		for _, d := range top {
			if d.Kind == "export_statement" {
				if x := d.Child("declaration"); x != nil {
					d = x
				}
			}
			if d.Kind != "lexical_declaration" || len(d.Children) == 0 || d.Children[0].Kind != "const" {
				continue
			}
			for _, v := range d.NamedChildren() {
				if v.Kind == lang.KindVariableDeclarator {
					if nm := v.Child("name"); nm != nil && nm.Kind == "identifier" {
						add(nm, v.Child("value"))
					}
				}
			}
		}
	case lang.Java:
		syntax.Walk(t.Root, func(n *syntax.Node) bool {
			if n.Kind != lang.JavaFieldDeclaration {
				return n.Kind == "program" || n.Kind == "class_declaration" || n.Kind == lang.JavaClassBody
			}
			static, final := false, false
			for _, c := range n.NamedChildren() {
				if c.Kind == "modifiers" {
					for _, m := range c.Children {
						static = static || m.Kind == "static"
						final = final || m.Kind == "final"
					}
				}
			}
			if static && final {
				for _, d := range n.NamedChildren() {
					if d.Kind == lang.KindVariableDeclarator {
						add(d.Child("name"), d.Child("value"))
					}
				}
			}
			return false
		})
	case lang.Python:
		for _, s := range top {
			if s.Kind != "expression_statement" {
				continue
			}
			if c := s.NamedChildren(); len(c) == 1 && c[0].Kind == "assignment" {
				if l := c[0].Child("left"); l != nil && l.Kind == "identifier" {
					add(l, c[0].Child("right"))
				}
			}
		}
		if len(out) == 0 {
			return nil
		}
		// Any other binding of the name in the file (another
		// assignment, a global statement, a loop target) means it is
		// not a constant.
		count := map[string]int{}
		syntax.Walk(t.Root, func(n *syntax.Node) bool {
			switch n.Kind {
			case "assignment", "augmented_assignment", "for_statement", "named_expression":
				for _, c := range n.Children {
					if (c.Field == "left" || c.Field == "name") && c.Kind == "identifier" {
						count[t.Text(c)]++
					}
					if c.Field == "left" && (c.Kind == "pattern_list" || c.Kind == "tuple_pattern") {
						for _, x := range c.NamedChildren() {
							count[t.Text(x)]++
						}
					}
				}
			case "global_statement", "nonlocal_statement":
				for _, c := range n.NamedChildren() {
					count[t.Text(c)] += 2
				}
			}
			return true
		})
		for name := range out {
			if count[name] != 1 {
				delete(out, name)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
