package gha

import "strings"

// maxExprsPerString bounds how many ${{ }} are examined in one value.
const maxExprsPerString = 256

// expr is one ${{ }} placeholder in a YAML string value.
type expr struct {
	// Offset is the byte offset of "${{" in the value, End just past "}}".
	Offset, End int
	Node        ExprNode
}

// access is one context property read inside an expression, such as
// github.event.issue.title, with the value offset of its first token.
type access struct {
	Path   string // lower case, array elements as "*"
	Offset int
	// InToJSON is set when the access is an argument of toJSON().
	InToJSON bool
}

// parseExprs finds and parses every ${{ }} in s. Placeholders that do not
// parse are skipped; actionlint's own parser reports those.
func parseExprs(s string) []expr {
	var out []expr
	from := 0
	for len(out) < maxExprsPerString {
		i := strings.Index(s[from:], "${{")
		if i < 0 {
			break
		}
		start := from + i
		body := s[start+3:]
		node, n, err := parseExpression(body)
		if err != nil {
			end := strings.Index(body, "}}")
			if end < 0 {
				break
			}
			from = start + 3 + end + 2
			continue
		}
		end := start + 3 + n
		out = append(out, expr{Offset: start, End: min(end, len(s)), Node: node})
		from = max(end, start+3)
	}
	return out
}

// accesses lists the maximal context property chains read by an expression
// (github.event.issue.title, not also github.event.issue).
func (e expr) accesses() []access {
	var out []access
	var visit func(n ExprNode, inToJSON bool)
	visit = func(n ExprNode, inToJSON bool) {
		if p, ok := accessPath(n); ok {
			out = append(out, access{Path: p, Offset: e.Offset + 3 + n.Offset(), InToJSON: inToJSON})
			// Index expressions inside may read more contexts.
			visitIndexes(n, func(ix ExprNode) { visit(ix, false) })
			return
		}
		switch n := n.(type) {
		case *NotOpNode:
			visit(n.Operand, false)
		case *CompareOpNode:
			visit(n.Left, false)
			visit(n.Right, false)
		case *LogicalOpNode:
			visit(n.Left, false)
			visit(n.Right, false)
		case *FuncCallNode:
			tj := strings.EqualFold(n.Callee, "tojson")
			for _, a := range n.Args {
				visit(a, tj)
			}
		case *IndexAccessNode:
			visit(n.Operand, false)
			visit(n.Index, false)
		case *ObjectDerefNode:
			visit(n.Receiver, false)
		case *ArrayDerefNode:
			visit(n.Receiver, false)
		}
	}
	visit(e.Node, false)
	return out
}

// predicates are functions whose result is a boolean or a hash, never the
// text of their arguments.
var predicates = map[string]bool{"contains": true, "startswith": true, "endswith": true, "hashfiles": true,
	"success": true, "failure": true, "always": true, "cancelled": true}

// valueAccesses lists the accesses whose text can end up in the
// expression's value: comparisons, negations, predicates and index
// expressions yield booleans or select elements, so accesses inside them
// cannot inject text.
func (e expr) valueAccesses() []access {
	var out []access
	var visit func(n ExprNode, inToJSON bool)
	visit = func(n ExprNode, inToJSON bool) {
		if p, ok := accessPath(n); ok {
			out = append(out, access{Path: p, Offset: e.Offset + 3 + n.Offset(), InToJSON: inToJSON})
			return
		}
		switch n := n.(type) {
		case *LogicalOpNode: // a || b and a && b evaluate to an operand
			visit(n.Left, false)
			visit(n.Right, false)
		case *FuncCallNode:
			callee := strings.ToLower(n.Callee)
			if predicates[callee] {
				return
			}
			for _, a := range n.Args {
				visit(a, callee == "tojson")
			}
		case *IndexAccessNode:
			visit(n.Operand, false)
		case *ObjectDerefNode:
			visit(n.Receiver, false)
		case *ArrayDerefNode:
			visit(n.Receiver, false)
		}
	}
	visit(e.Node, false)
	return out
}

// accessPath renders a property chain rooted at a context variable.
func accessPath(n ExprNode) (string, bool) {
	switch n := n.(type) {
	case *VariableNode:
		return strings.ToLower(n.Name), true
	case *ObjectDerefNode:
		p, ok := accessPath(n.Receiver)
		return p + "." + strings.ToLower(n.Property), ok
	case *ArrayDerefNode:
		p, ok := accessPath(n.Receiver)
		return p + ".*", ok
	case *IndexAccessNode:
		p, ok := accessPath(n.Operand)
		if s, isStr := n.Index.(*StringNode); isStr {
			return p + "." + strings.ToLower(s.Value), ok
		}
		return p + ".*", ok
	}
	return "", false
}

func visitIndexes(n ExprNode, fn func(ExprNode)) {
	switch n := n.(type) {
	case *ObjectDerefNode:
		visitIndexes(n.Receiver, fn)
	case *ArrayDerefNode:
		visitIndexes(n.Receiver, fn)
	case *IndexAccessNode:
		if _, isStr := n.Index.(*StringNode); !isStr {
			fn(n.Index)
		}
		visitIndexes(n.Operand, fn)
	}
}

// taint grades how much an outsider controls a value.
type taint int

const (
	clean taint = iota
	// taintInput is set by someone allowed to start the workflow:
	// workflow_dispatch and workflow_call inputs, repository_dispatch
	// payloads, composite action inputs.
	taintInput
	// taintEvent is text anyone can write: titles, bodies, comments,
	// branch names, commit messages, file names in a pull request.
	taintEvent
)

// untrustedFields are event payload fields whose text an outsider writes,
// as dotted paths with "*" for array elements. They come from the webhook
// payload documentation: free text (titles, bodies, messages), names the
// author chooses (branches, labels, page names) and author identities.
var untrustedFields = []string{
	"github.head_ref",
	"github.event.issue.title", "github.event.issue.body",
	"github.event.pull_request.title", "github.event.pull_request.body",
	"github.event.pull_request.head.ref", "github.event.pull_request.head.label",
	"github.event.pull_request.head.repo.default_branch",
	"github.event.pull_request.head.repo.description",
	"github.event.pull_request.head.repo.homepage",
	"github.event.comment.body", "github.event.review.body", "github.event.review_comment.body",
	"github.event.discussion.title", "github.event.discussion.body",
	"github.event.pages.*.page_name",
	"github.event.commits.*.message",
	"github.event.commits.*.author.name", "github.event.commits.*.author.email",
	"github.event.commits.*.committer.name", "github.event.commits.*.committer.email",
	"github.event.head_commit.message",
	"github.event.head_commit.author.name", "github.event.head_commit.author.email",
	"github.event.head_commit.committer.name", "github.event.head_commit.committer.email",
	"github.event.workflow_run.head_branch", "github.event.workflow_run.display_title",
	"github.event.workflow_run.head_commit.message",
	"github.event.workflow_run.head_commit.author.name", "github.event.workflow_run.head_commit.author.email",
	"github.event.workflow_run.head_repository.description",
	"github.event.workflow_run.pull_requests.*.head.ref",
	"github.event.check_suite.head_branch", "github.event.check_run.check_suite.head_branch",
	"github.event.merge_group.head_commit.message",
}

// inputRoots are contexts set by whoever starts or calls the workflow.
var inputRoots = []string{"inputs.", "github.event.inputs.", "github.event.client_payload."}

// classify grades a context access by itself (without env or step
// propagation).
func classify(a access) taint {
	p := a.Path
	for _, f := range untrustedFields {
		if pathMatch(f, p) {
			return taintEvent
		}
		// A whole object holding untrusted fields, serialised by toJSON or
		// by the expression itself, carries them too.
		if strings.HasPrefix(f, p+".") && strings.Count(p, ".") >= 2 {
			return taintEvent
		}
	}
	if p == "github.event" && a.InToJSON {
		return taintEvent
	}
	for _, r := range inputRoots {
		if strings.HasPrefix(p, r) {
			return taintInput
		}
	}
	return clean
}

// pathMatch compares a dotted pattern with "*" segments to a path; the path
// may go deeper than the pattern.
func pathMatch(pattern, path string) bool {
	ps := strings.Split(pattern, ".")
	xs := strings.Split(path, ".")
	if len(xs) < len(ps) {
		return false
	}
	for i, p := range ps {
		if p != "*" && p != xs[i] && xs[i] != "*" {
			return false
		}
	}
	return true
}
