package policy

import (
	"strings"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// Limits of function discovery in one file.
const (
	// maxFunctions bounds the functions examined in one file.
	maxFunctions = 20_000
	// maxRouteText bounds the text of one route marker.
	maxRouteText = 300
	// maxRoutesPerName bounds the registrations remembered per name.
	maxRoutesPerName = 20
)

// function is a function, method or function literal of a file.
type function struct {
	node *syntax.Node
	body *syntax.Node
	// name is the declared name, or the variable or property an
	// anonymous function is assigned to; "" when there is none.
	name string
	// at is what a finding about the function itself points to.
	at *syntax.Node
	// routes are its decorators (Python), annotations (Java) and the
	// calls it is registered with (`app.post("/pay", ...` in JavaScript,
	// `http.HandleFunc("/pay", ...` in Go), without "@" and the function.
	routes []string
}

// describe names the function in a message.
func (f *function) describe(t *syntax.Tree) string {
	switch {
	case f.name != "":
		return "handler " + f.name
	case len(f.routes) > 0:
		return "handler registered with " + f.routes[0] + ")"
	}
	line, _ := t.Position(f.node.Start)
	return "anonymous handler at line " + itoa(line)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func functionKinds(id lang.ID) []string {
	switch id.Family() {
	case lang.Go:
		return []string{lang.GoFunctionDeclaration, lang.GoMethodDeclaration, lang.GoFuncLiteral}
	case lang.Python:
		return []string{lang.PyFunctionDefinition}
	case lang.JavaScript, lang.TypeScript:
		return []string{lang.JSFunctionDeclaration, lang.JSArrowFunction, lang.JSMethodDefinition, lang.JSFunctionExpression}
	case lang.Java:
		return []string{lang.JavaMethodDeclaration, lang.JavaConstructorDeclaration}
	}
	return nil
}

func callKinds(id lang.ID) []string {
	switch id.Family() {
	case lang.Python:
		return []string{lang.PyCall}
	case lang.Java:
		return []string{lang.JavaMethodInvocation}
	}
	return []string{lang.KindCallExpression}
}

// call is a call expression with the last segment of what it calls.
type call struct {
	node *syntax.Node
	name string
}

// fileIndex is what one walk over a file collects.
type fileIndex struct {
	funcs []*function
	calls []call
	cut   bool // more than maxFunctions functions
}

// lastName is the last segment of a dotted or slashed name.
func lastName(s string) string {
	if i := strings.LastIndexAny(s, "./"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// indexFile finds the functions and calls of a tree and the route
// markers of each function.
func indexFile(t *syntax.Tree) *fileIndex {
	fk, ck := functionKinds(t.Lang), callKinds(t.Lang)
	ix := &fileIndex{}
	// registrations: function name -> text of calls passing it by name.
	regs := map[string][]string{}
	syntax.Walk(t.Root, func(n *syntax.Node) bool {
		switch {
		case contains(fk, n.Kind):
			if len(ix.funcs) == maxFunctions {
				ix.cut = true
				return true
			}
			if f := newFunction(t, n); f != nil {
				ix.funcs = append(ix.funcs, f)
			}
		case contains(ck, n.Kind):
			_, name, _ := t.Callee(n)
			ix.calls = append(ix.calls, call{node: n, name: lastName(name)})
			for _, a := range t.Arguments(n) {
				if q, ok := t.QualifiedName(a); ok && !contains(fk, a.Kind) {
					k := lastName(q)
					if len(regs[k]) < maxRoutesPerName {
						regs[k] = append(regs[k], routeText(t, n, a))
					}
				}
			}
		}
		return true
	})
	for _, f := range ix.funcs {
		if f.name != "" && f.node.Kind != lang.JSArrowFunction && f.node.Kind != lang.JSFunctionExpression {
			f.routes = append(f.routes, regs[f.name]...)
		}
	}
	return ix
}

func contains(kinds []string, k string) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// routeText is the source of call up to argument arg: `app.post("/pay", auth`.
func routeText(t *syntax.Tree, call, arg *syntax.Node) string {
	s := string(t.Src[call.Start:arg.Start])
	s = strings.TrimRight(s, " \t\r\n,(")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxRouteText {
		s = s[:maxRouteText]
	}
	return s
}

func newFunction(t *syntax.Tree, n *syntax.Node) *function {
	body := n.Child("body")
	if body == nil {
		return nil // declaration without a body (interface, abstract)
	}
	f := &function{node: n, body: body, at: n}
	if nm := n.Child("name"); nm != nil {
		f.name, f.at = t.Text(nm), nm
	}
	p := n.Parent
	switch {
	case f.name == "" && p != nil && (p.Kind == lang.KindVariableDeclarator):
		if nm := p.Child("name"); nm != nil {
			f.name, f.at = t.Text(nm), nm
		}
	case f.name == "" && p != nil && p.Kind == lang.KindAssignmentExpression:
		if l := p.Child("left"); l != nil {
			if q, ok := t.QualifiedName(l); ok {
				f.name, f.at = lastName(q), l
			}
		}
	}
	switch t.Lang.Family() {
	case lang.Python:
		if p != nil && p.Kind == lang.PyDecoratedDefinition {
			for _, c := range p.Children {
				if c.Kind == lang.PyDecorator {
					f.routes = append(f.routes, marker(t, c))
				}
			}
		}
	case lang.Java:
		for _, c := range n.Children {
			if c.Kind != lang.JavaModifiers {
				continue
			}
			for _, a := range c.Children {
				if a.Kind == lang.JavaAnnotation || a.Kind == lang.JavaMarkerAnnotation {
					f.routes = append(f.routes, marker(t, a))
				}
			}
		}
	}
	// A function literal passed to a call: app.post("/pay", (req, res) => ...).
	if p != nil && (p.Kind == lang.JSArguments || p.Kind == lang.KindArgumentList) && p.Parent != nil {
		f.routes = append(f.routes, routeText(t, p.Parent, n))
	}
	return f
}

// marker is a decorator's or annotation's text without "@" and spaces.
func marker(t *syntax.Tree, n *syntax.Node) string {
	s := strings.TrimSpace(t.Text(n))
	s = strings.TrimPrefix(s, "@")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxRouteText {
		s = s[:maxRouteText]
	}
	return s
}
