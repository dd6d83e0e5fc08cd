package taint

import (
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// maxGuardDepth bounds the conditions looked into for guards.
const maxGuardDepth = 16

// guard is a variable a branch condition vouches for: inside the branch
// where the condition holds (positive) or fails (negative), the value
// matched a validating regular expression, belongs to an allow-list, or
// equals a constant.
type guard struct {
	path     string
	positive bool
}

// guards lists what a condition vouches for.
func (in *interp) guards(cond *syntax.Node, positive bool, depth int) []guard {
	if cond == nil || depth > maxGuardDepth {
		return nil
	}
	switch cond.Kind {
	case "parenthesized_expression":
		if c := cond.NamedChildren(); len(c) == 1 {
			return in.guards(c[0], positive, depth+1)
		}
	case "unary_expression", "not_operator":
		if op := operator(cond); op == "!" || op == "not" {
			if c := cond.NamedChildren(); len(c) == 1 {
				return in.guards(c[0], !positive, depth+1)
			}
		}
	case "binary_expression", "boolean_operator", "comparison_operator":
		c := cond.NamedChildren()
		if len(c) != 2 {
			return nil
		}
		switch op := operator(cond); op {
		case "&&", "and":
			// Both hold in the then-branch.
			if positive {
				return append(in.guards(c[0], true, depth+1), in.guards(c[1], true, depth+1)...)
			}
		case "||", "or":
			// Both fail in the else-branch.
			if !positive {
				return append(in.guards(c[0], false, depth+1), in.guards(c[1], false, depth+1)...)
			}
			// In the then-branch one holds: what both vouch for.
			var both []guard
			right := in.guards(c[1], true, depth+1)
			for _, g := range in.guards(c[0], true, depth+1) {
				for _, h := range right {
					if g == h && g.positive {
						both = append(both, g)
					}
				}
			}
			return both
		case "==", "===", "is":
			return in.equalityGuard(c[0], c[1], positive)
		case "!=", "!==", "is not":
			return in.equalityGuard(c[0], c[1], !positive)
		case "in":
			if p, ok := in.pathOf(c[0]); ok {
				return []guard{{p, positive}}
			}
		case "not in":
			if p, ok := in.pathOf(c[0]); ok {
				return []guard{{p, !positive}}
			}
		}
		return nil
	}
	if !in.isCall(cond) {
		return nil
	}
	recv, method := in.receiverAndMethod(cond)
	args := in.tree.Arguments(cond)
	var target *syntax.Node
	switch method {
	case "MatchString", "test", "includes", "has", "contains", "containsKey", "Contains", "equals", "equalsIgnoreCase", "EqualFold":
		if len(args) >= 1 {
			target = args[len(args)-1]
		}
		if (method == "equals" || method == "equalsIgnoreCase") && recv != nil && len(args) == 1 {
			// "x".equals(v) or v.equals("x"): the non-constant side.
			if _, isConst := in.constOf(args[0], 0); isConst {
				target = recv
			} else if _, isConst := in.constOf(recv, 0); !isConst {
				return nil
			}
		}
		if method == "Contains" && in.tree.Lang == lang.Go {
			// strings.Contains(s, sub) does not vouch for s; slices.Contains(list, v) does for v.
			if q, ok := in.tree.QualifiedName(recv); !ok || q != "slices" {
				return nil
			}
		}
	case "matches":
		if len(args) == 0 && recv != nil {
			if in.isCall(recv) {
				// pattern.matcher(v).matches()
				if _, m := in.receiverAndMethod(recv); m == "matcher" {
					if a := in.tree.Arguments(recv); len(a) == 1 {
						target = a[0]
					}
				}
			}
		} else if len(args) == 1 && recv != nil {
			target = recv // v.matches("[a-z]+")
		} else if len(args) == 2 {
			target = args[1] // Pattern.matches(re, v)
		}
	case "isdigit", "isdecimal", "isnumeric", "isalnum", "isalpha":
		// Python's v.isdigit(): only letters or digits, no metacharacters.
		if in.tree.Lang == lang.Python && len(args) == 0 && recv != nil {
			target = recv
		}
	case "fullmatch", "match":
		if in.tree.Lang == lang.Python && len(args) >= 2 {
			target = args[1] // re.fullmatch(pattern, v)
		} else if len(args) == 1 {
			target = args[0] // compiled.fullmatch(v)
		}
	}
	if target == nil && in.tree.Lang == lang.Java {
		// A validator method of the program: isAllowed(v) returning
		// ALLOWED.contains(v).
		if targets := in.run.prog.resolve(in, cond, recv, method, len(args)); len(targets) == 1 {
			if i := validatorParam(targets[0]); i >= 0 && i < len(args) {
				target = args[i]
			}
		}
	}
	if target == nil {
		return nil
	}
	if p, ok := in.pathOf(target); ok {
		return []guard{{p, positive}}
	}
	return nil
}

// validatorParam is the parameter a Java method checks when its body is
// only "return C.contains(p);" (or containsKey, or p.matches(re)): it
// returns true only for values of an allow-list or a pattern. -1 if not.
func validatorParam(f *fn) int {
	if f.body == nil || f.exprBody {
		return -1
	}
	stmts := f.body.NamedChildren()
	if len(stmts) != 1 || stmts[0].Kind != "return_statement" {
		return -1
	}
	e := stmts[0].NamedChildren()
	if len(e) != 1 || e[0].Kind != lang.JavaMethodInvocation {
		return -1
	}
	t := f.file.Tree
	call := e[0]
	name, obj := "", call.Child("object")
	if nm := call.Child("name"); nm != nil {
		name = t.Text(nm)
	}
	var args []*syntax.Node
	if a := call.Child("arguments"); a != nil {
		args = a.NamedChildren()
	}
	var checked *syntax.Node
	switch {
	case (name == "contains" || name == "containsKey") && len(args) == 1 && obj != nil:
		checked = args[0]
	case name == "matches" && len(args) == 1 && obj != nil:
		checked = obj
	}
	if checked == nil || checked.Kind != "identifier" {
		return -1
	}
	for i, p := range f.params {
		if p.name == t.Text(checked) {
			return i
		}
	}
	return -1
}

func (in *interp) equalityGuard(a, b *syntax.Node, positive bool) []guard {
	if _, ok := in.constOf(b, 0); ok {
		if p, ok := in.pathOf(a); ok {
			return []guard{{p, positive}}
		}
	}
	if _, ok := in.constOf(a, 0); ok {
		if p, ok := in.pathOf(b); ok {
			return []guard{{p, positive}}
		}
	}
	return nil
}

// applyGuards cleans the variables a condition vouches for in the branch
// where it holds (positive) or fails.
func (in *interp) applyGuards(gs []guard, positive bool) {
	for _, g := range gs {
		if g.positive == positive {
			in.st.write(g.path, nil)
		}
	}
}
