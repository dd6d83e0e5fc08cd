package gha

import (
	"errors"

	"github.com/rhysd/actionlint"
)

// Expressions (the text between ${{ and }}) are parsed by actionlint's
// expression parser and mapped into the small tree below, which is all the
// audits read: literals, context property chains, indexes, the * filter,
// function calls, !, comparisons, && and ||.

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

// maxExprBytes bounds the text handed to actionlint's expression parser,
// whose operators recurse once per operand: real expressions are a few
// hundred bytes.
const maxExprBytes = 8 << 10

// parseExpression parses the text after "${{" up to and including the
// closing "}}" with actionlint's expression parser and returns the tree and
// the offset just past "}}". Expressions nested deeper than maxExprDepth
// or longer than maxExprBytes are not parsed.
func parseExpression(src string) (ExprNode, int, error) {
	if !withinBounds(src) {
		return nil, 0, errExpr
	}
	lex := actionlint.NewExprLexer(src)
	node, err := actionlint.NewExprParser().Parse(lex)
	if err != nil || node == nil {
		return nil, 0, errExpr
	}
	end := lex.Offset()
	if end < 2 || end > len(src) || src[end-2:end] != "}}" {
		return nil, 0, errExpr
	}
	n, cerr := convertExpr(node, 0)
	if cerr != nil {
		return nil, 0, cerr
	}
	return n, end, nil
}

// withinBounds checks, before actionlint's recursive parser sees the text,
// that the expression up to its "}}" is short enough and that brackets and
// ! operators outside string literals do not nest deeper than maxExprDepth.
func withinBounds(src string) bool {
	depth, nots := 0, 0
	for i := 0; i < len(src) && i < maxExprBytes; i++ {
		switch c := src[i]; c {
		case '\'':
			// Skip a string literal; '' inside it is a quote.
			for i++; i < len(src); i++ {
				if src[i] != '\'' {
					continue
				}
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				break
			}
		case '(', '[':
			depth++
			if depth > maxExprDepth {
				return false
			}
		case ')', ']':
			depth--
		case '!':
			if i+1 < len(src) && src[i+1] == '=' {
				continue
			}
			nots++
			if nots > maxExprDepth {
				return false
			}
		case '}':
			if i+1 < len(src) && src[i+1] == '}' {
				return true
			}
		}
	}
	return false
}

// convertExpr maps actionlint's expression tree into the audits' nodes;
// each node's offset is that of its first token, as actionlint reports it.
func convertExpr(n actionlint.ExprNode, depth int) (ExprNode, error) {
	if n == nil {
		return nil, errExpr
	}
	if depth > maxExprDepth*4 {
		return nil, errExpr
	}
	tok := n.Token()
	if tok == nil {
		return nil, errExpr
	}
	base := nodeBase{tok.Offset}
	sub := func(c actionlint.ExprNode) (ExprNode, error) { return convertExpr(c, depth+1) }
	switch n := n.(type) {
	case *actionlint.VariableNode:
		return &VariableNode{base, n.Name}, nil
	case *actionlint.ObjectDerefNode:
		r, err := sub(n.Receiver)
		if err != nil {
			return nil, err
		}
		return &ObjectDerefNode{base, r, n.Property}, nil
	case *actionlint.ArrayDerefNode:
		r, err := sub(n.Receiver)
		if err != nil {
			return nil, err
		}
		return &ArrayDerefNode{base, r}, nil
	case *actionlint.IndexAccessNode:
		op, err := sub(n.Operand)
		if err != nil {
			return nil, err
		}
		idx, err := sub(n.Index)
		if err != nil {
			return nil, err
		}
		return &IndexAccessNode{base, op, idx}, nil
	case *actionlint.StringNode:
		return &StringNode{base, n.Value}, nil
	case *actionlint.NullNode, *actionlint.BoolNode, *actionlint.IntNode, *actionlint.FloatNode:
		return &LiteralNode{base, tok.Value}, nil
	case *actionlint.NotOpNode:
		op, err := sub(n.Operand)
		if err != nil {
			return nil, err
		}
		return &NotOpNode{base, op}, nil
	case *actionlint.CompareOpNode:
		l, err := sub(n.Left)
		if err != nil {
			return nil, err
		}
		r, err := sub(n.Right)
		if err != nil {
			return nil, err
		}
		return &CompareOpNode{base, n.Kind.String(), l, r}, nil
	case *actionlint.LogicalOpNode:
		l, err := sub(n.Left)
		if err != nil {
			return nil, err
		}
		r, err := sub(n.Right)
		if err != nil {
			return nil, err
		}
		return &LogicalOpNode{base, n.Kind.String(), l, r}, nil
	case *actionlint.FuncCallNode:
		call := &FuncCallNode{base, n.Callee, nil}
		for _, a := range n.Args {
			c, err := sub(a)
			if err != nil {
				return nil, err
			}
			call.Args = append(call.Args, c)
		}
		return call, nil
	}
	return nil, errExpr
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
