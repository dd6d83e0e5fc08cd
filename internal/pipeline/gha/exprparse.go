package gha

import (
	"errors"
	"strings"
)

// This is a small parser for the GitHub Actions expression language (the
// text between ${{ and }}): literals, context property chains, indexes,
// the * filter, function calls, !, comparisons, && and ||. It exists
// because actionlint's parser cannot be linked (see model.go). It only
// builds what the audits need and bounds nesting depth.

// maxExprDepth bounds nesting so hostile input cannot exhaust the stack.
const maxExprDepth = 64

// ExprNode is a node of an expression; Offset is the byte offset of its
// first token in the expression text.
type ExprNode interface {
	Offset() int
}

type nodeBase struct{ off int }

func (n nodeBase) Offset() int { return n.off }

// Expression nodes.
type (
	VariableNode struct {
		nodeBase
		Name string
	}
	ObjectDerefNode struct {
		nodeBase
		Receiver ExprNode
		Property string
	}
	ArrayDerefNode struct {
		nodeBase
		Receiver ExprNode
	}
	IndexAccessNode struct {
		nodeBase
		Operand, Index ExprNode
	}
	StringNode struct {
		nodeBase
		Value string
	}
	LiteralNode struct { // numbers, true, false, null
		nodeBase
		Text string
	}
	NotOpNode struct {
		nodeBase
		Operand ExprNode
	}
	CompareOpNode struct {
		nodeBase
		Op          string
		Left, Right ExprNode
	}
	LogicalOpNode struct {
		nodeBase
		Op          string
		Left, Right ExprNode
	}
	FuncCallNode struct {
		nodeBase
		Callee string
		Args   []ExprNode
	}
)

var errExpr = errors.New("invalid expression")

type exprParser struct {
	src   string
	pos   int
	depth int
}

// parseExpression parses the text after "${{" up to and including the
// closing "}}" and returns the tree and the offset just past "}}".
func parseExpression(src string) (ExprNode, int, error) {
	p := &exprParser{src: src}
	n, err := p.or()
	if err != nil {
		return nil, 0, err
	}
	p.skip()
	if !strings.HasPrefix(p.src[p.pos:], "}}") {
		return nil, 0, errExpr
	}
	return n, p.pos + 2, nil
}

func (p *exprParser) skip() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *exprParser) accept(tok string) bool {
	p.skip()
	if strings.HasPrefix(p.src[p.pos:], tok) {
		p.pos += len(tok)
		return true
	}
	return false
}

func (p *exprParser) enter() error {
	p.depth++
	if p.depth > maxExprDepth {
		return errExpr
	}
	return nil
}

func (p *exprParser) or() (ExprNode, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	left, err := p.and()
	for err == nil && p.accept("||") {
		var right ExprNode
		if right, err = p.and(); err == nil {
			left = &LogicalOpNode{nodeBase{left.Offset()}, "||", left, right}
		}
	}
	return left, err
}

func (p *exprParser) and() (ExprNode, error) {
	left, err := p.compare()
	for err == nil && p.accept("&&") {
		var right ExprNode
		if right, err = p.compare(); err == nil {
			left = &LogicalOpNode{nodeBase{left.Offset()}, "&&", left, right}
		}
	}
	return left, err
}

func (p *exprParser) compare() (ExprNode, error) {
	left, err := p.unary()
	for err == nil {
		op := ""
		for _, o := range []string{"==", "!=", "<=", ">=", "<", ">"} {
			if p.accept(o) {
				op = o
				break
			}
		}
		if op == "" {
			break
		}
		var right ExprNode
		if right, err = p.unary(); err == nil {
			left = &CompareOpNode{nodeBase{left.Offset()}, op, left, right}
		}
	}
	return left, err
}

func (p *exprParser) unary() (ExprNode, error) {
	p.skip()
	if p.pos < len(p.src) && p.src[p.pos] == '!' && !strings.HasPrefix(p.src[p.pos:], "!=") {
		off := p.pos
		p.pos++
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer func() { p.depth-- }()
		operand, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &NotOpNode{nodeBase{off}, operand}, nil
	}
	return p.postfix()
}

func (p *exprParser) postfix() (ExprNode, error) {
	n, err := p.primary()
	for err == nil {
		p.skip()
		switch {
		case p.accept("."):
			p.skip()
			if p.accept("*") {
				n = &ArrayDerefNode{nodeBase{n.Offset()}, n}
				continue
			}
			name := p.ident()
			if name == "" {
				return nil, errExpr
			}
			n = &ObjectDerefNode{nodeBase{n.Offset()}, n, name}
		case p.accept("["):
			if p.accept("*") {
				if !p.accept("]") {
					return nil, errExpr
				}
				n = &ArrayDerefNode{nodeBase{n.Offset()}, n}
				continue
			}
			idx, ierr := p.or()
			if ierr != nil {
				return nil, ierr
			}
			if !p.accept("]") {
				return nil, errExpr
			}
			n = &IndexAccessNode{nodeBase{n.Offset()}, n, idx}
		default:
			return n, nil
		}
	}
	return nil, err
}

func (p *exprParser) ident() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' && p.pos > start {
			p.pos++
			continue
		}
		break
	}
	return p.src[start:p.pos]
}

func (p *exprParser) primary() (ExprNode, error) {
	p.skip()
	if p.pos >= len(p.src) {
		return nil, errExpr
	}
	off := p.pos
	c := p.src[p.pos]
	switch {
	case c == '(':
		p.pos++
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if !p.accept(")") {
			return nil, errExpr
		}
		return n, nil
	case c == '\'':
		var b strings.Builder
		for p.pos++; p.pos < len(p.src); p.pos++ {
			if p.src[p.pos] == '\'' {
				if p.pos+1 < len(p.src) && p.src[p.pos+1] == '\'' {
					b.WriteByte('\'')
					p.pos++
					continue
				}
				p.pos++
				return &StringNode{nodeBase{off}, b.String()}, nil
			}
			b.WriteByte(p.src[p.pos])
		}
		return nil, errExpr
	case c == '-' || c == '+' || c >= '0' && c <= '9':
		p.pos++
		for p.pos < len(p.src) && strings.IndexByte("0123456789abcdefABCDEFxXoO.eE+-", p.src[p.pos]) >= 0 {
			p.pos++
		}
		return &LiteralNode{nodeBase{off}, p.src[off:p.pos]}, nil
	}
	name := p.ident()
	if name == "" {
		return nil, errExpr
	}
	switch strings.ToLower(name) {
	case "true", "false", "null":
		return &LiteralNode{nodeBase{off}, name}, nil
	}
	if p.accept("(") {
		call := &FuncCallNode{nodeBase{off}, name, nil}
		if p.accept(")") {
			return call, nil
		}
		for {
			arg, err := p.or()
			if err != nil {
				return nil, err
			}
			call.Args = append(call.Args, arg)
			if p.accept(")") {
				return call, nil
			}
			if !p.accept(",") {
				return nil, errExpr
			}
		}
	}
	return &VariableNode{nodeBase{off}, name}, nil
}

// visitExpr calls fn for n and every node below it, parents first.
func visitExpr(n ExprNode, fn func(ExprNode)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *ObjectDerefNode:
		visitExpr(n.Receiver, fn)
	case *ArrayDerefNode:
		visitExpr(n.Receiver, fn)
	case *IndexAccessNode:
		visitExpr(n.Operand, fn)
		visitExpr(n.Index, fn)
	case *NotOpNode:
		visitExpr(n.Operand, fn)
	case *CompareOpNode:
		visitExpr(n.Left, fn)
		visitExpr(n.Right, fn)
	case *LogicalOpNode:
		visitExpr(n.Left, fn)
		visitExpr(n.Right, fn)
	case *FuncCallNode:
		for _, a := range n.Args {
			visitExpr(a, fn)
		}
	}
}
