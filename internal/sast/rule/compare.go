package rule

import (
	"fmt"
	"strconv"
	"strings"
)

// A small expression language for metavariable-comparison, the subset of
// Semgrep's (Python-like) syntax that rules use in practice:
//
//	$SIZE < 2048
//	$X == "md5" or $X == "sha1"
//	not ($A >= 1 and $A <= 3)
//	int($N) > 10
//
// Values are integers, strings and booleans; a metavariable is an integer
// when the code it bound is an integer literal, the string value when it
// is a constant string, and its source text otherwise. Written by hand:
// no Go library parses this Python subset, and it is under a hundred
// lines.

// maxCompareDepth bounds nesting in a comparison expression.
const maxCompareDepth = 32

type cmpExpr struct {
	op    string // "or", "and", "not", "<", "<=", ">", ">=", "==", "!=", "lit", "var", "int", "str"
	left  *cmpExpr
	right *cmpExpr
	value any // literal value, or the metavariable name
}

type cmpParser struct {
	toks []string
	pos  int
}

func parseComparison(src string) (*cmpExpr, error) {
	toks, err := cmpTokens(src)
	if err != nil {
		return nil, err
	}
	p := &cmpParser{toks: toks}
	e, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, fmt.Errorf("unexpected %q", p.toks[p.pos])
	}
	return e, nil
}

func cmpTokens(s string) ([]string, error) {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(s) && s[j] != c {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unterminated string")
			}
			out = append(out, s[i:j+1])
			i = j + 1
		case strings.ContainsRune("<>=!", rune(c)):
			if i+1 < len(s) && s[i+1] == '=' {
				out = append(out, s[i:i+2])
				i += 2
			} else if c == '<' || c == '>' {
				out = append(out, s[i:i+1])
				i++
			} else {
				return nil, fmt.Errorf("unexpected %q", c)
			}
		case c == '(' || c == ')':
			out = append(out, s[i:i+1])
			i++
		case c == '$' || c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i + 1
			for j < len(s) && (s[j] == '_' || s[j] == '.' || s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			out = append(out, s[i:j])
			i = j
		default:
			return nil, fmt.Errorf("unexpected %q", c)
		}
	}
	return out, nil
}

func (p *cmpParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *cmpParser) or(depth int) (*cmpExpr, error) {
	if depth > maxCompareDepth {
		return nil, fmt.Errorf("expression nested too deeply")
	}
	l, err := p.and(depth)
	for err == nil && p.peek() == "or" {
		p.pos++
		var r *cmpExpr
		if r, err = p.and(depth); err == nil {
			l = &cmpExpr{op: "or", left: l, right: r}
		}
	}
	return l, err
}

func (p *cmpParser) and(depth int) (*cmpExpr, error) {
	l, err := p.not(depth)
	for err == nil && p.peek() == "and" {
		p.pos++
		var r *cmpExpr
		if r, err = p.not(depth); err == nil {
			l = &cmpExpr{op: "and", left: l, right: r}
		}
	}
	return l, err
}

func (p *cmpParser) not(depth int) (*cmpExpr, error) {
	if p.peek() == "not" {
		if depth > maxCompareDepth {
			return nil, fmt.Errorf("expression nested too deeply")
		}
		p.pos++
		x, err := p.not(depth + 1)
		return &cmpExpr{op: "not", left: x}, err
	}
	l, err := p.operand(depth)
	if err != nil {
		return nil, err
	}
	switch op := p.peek(); op {
	case "<", "<=", ">", ">=", "==", "!=":
		p.pos++
		r, err := p.operand(depth)
		return &cmpExpr{op: op, left: l, right: r}, err
	}
	return l, nil
}

func (p *cmpParser) operand(depth int) (*cmpExpr, error) {
	t := p.peek()
	if t == "" {
		return nil, fmt.Errorf("expression ends early")
	}
	p.pos++
	switch {
	case t == "(":
		e, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.peek() != ")" {
			return nil, fmt.Errorf("missing )")
		}
		p.pos++
		return e, nil
	case t == "int" || t == "str":
		if p.peek() != "(" {
			return nil, fmt.Errorf("%s needs (", t)
		}
		p.pos++
		x, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.peek() != ")" {
			return nil, fmt.Errorf("missing )")
		}
		p.pos++
		return &cmpExpr{op: t, left: x}, nil
	case strings.HasPrefix(t, "$"):
		return &cmpExpr{op: "var", value: t}, nil
	case t[0] == '"' || t[0] == '\'':
		v, err := strconv.Unquote(`"` + strings.ReplaceAll(t[1:len(t)-1], `"`, `\"`) + `"`)
		if err != nil {
			v = t[1 : len(t)-1]
		}
		return &cmpExpr{op: "lit", value: v}, nil
	case t == "True" || t == "False":
		return &cmpExpr{op: "lit", value: t == "True"}, nil
	}
	if n, err := strconv.ParseInt(strings.ReplaceAll(t, "_", ""), 0, 64); err == nil {
		return &cmpExpr{op: "lit", value: n}, nil
	}
	return nil, fmt.Errorf("unexpected %q", t)
}

// eval computes the expression; lookup gives a metavariable's value.
func (e *cmpExpr) eval(lookup func(string) (any, bool)) (any, bool) {
	switch e.op {
	case "lit":
		return e.value, true
	case "var":
		return lookup(e.value.(string))
	case "not":
		v, ok := e.left.eval(lookup)
		b, isBool := v.(bool)
		return !b, ok && isBool
	case "or", "and":
		l, ok1 := e.left.eval(lookup)
		lb, _ := l.(bool)
		if e.op == "or" && ok1 && lb {
			return true, true
		}
		if e.op == "and" && (!ok1 || !lb) {
			return false, true
		}
		r, ok2 := e.right.eval(lookup)
		rb, _ := r.(bool)
		return rb, ok2
	case "int":
		v, ok := e.left.eval(lookup)
		switch x := v.(type) {
		case int64:
			return x, ok
		case string:
			n, err := strconv.ParseInt(strings.TrimSpace(x), 0, 64)
			return n, ok && err == nil
		}
		return nil, false
	case "str":
		v, ok := e.left.eval(lookup)
		return fmt.Sprint(v), ok
	}
	l, ok1 := e.left.eval(lookup)
	r, ok2 := e.right.eval(lookup)
	if !ok1 || !ok2 {
		return false, false
	}
	c, comparable := compareValues(l, r)
	if !comparable {
		return e.op == "!=", e.op == "==" || e.op == "!="
	}
	switch e.op {
	case "<":
		return c < 0, true
	case "<=":
		return c <= 0, true
	case ">":
		return c > 0, true
	case ">=":
		return c >= 0, true
	case "==":
		return c == 0, true
	default:
		return c != 0, true
	}
}

func compareValues(a, b any) (int, bool) {
	switch x := a.(type) {
	case int64:
		if y, ok := b.(int64); ok {
			return cmpOrdered(x, y), true
		}
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), true
		}
	case bool:
		if y, ok := b.(bool); ok && x == y {
			return 0, true
		} else if ok {
			return 1, true
		}
	}
	return 0, false
}

func cmpOrdered(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// intLiteral reads an integer literal as written in code: 2048, 0x800,
// 1_000, 2048L.
func intLiteral(s string) (int64, bool) {
	s = strings.TrimRight(strings.ReplaceAll(s, "_", ""), "lLuU")
	n, err := strconv.ParseInt(s, 0, 64)
	return n, err == nil
}
