package syntax

import (
	"strings"

	"github.com/socyber/codeaudit/internal/sast/lang"
)

// maxImports bounds the import table of one file.
const maxImports = 4096

// imports builds the table of local names to qualified names from the
// import-like nodes collected while building.
func (sp *spec) imports(t *Tree) map[string]string {
	out := map[string]string{}
	add := func(local, qual string) {
		if local != "" && qual != "" && len(out) < maxImports {
			out[local] = qual
		}
	}
	for _, n := range t.importNodes {
		switch t.Lang {
		case lang.Go:
			goImport(t, n, add)
		case lang.Python:
			pyImport(t, n, add)
		case lang.JavaScript, lang.TypeScript, lang.TSX:
			jsImport(t, n, add)
		case lang.Java:
			javaImport(t, n, add)
		}
	}
	t.importNodes = nil
	return out
}

func goImport(t *Tree, n *Node, add func(string, string)) {
	path := n.Child("path")
	if path == nil || !path.IsString {
		return
	}
	name := n.Child("name")
	switch {
	case name == nil:
		add(GoPackageName(path.Str), path.Str)
	case name.Kind == lang.GoPackageIdentifier:
		add(t.Text(name), path.Str)
	}
}

// GoPackageName guesses the name a Go import path is used under: its last
// element, skipping a major-version suffix ("github.com/x/y/v2" -> "y").
func GoPackageName(path string) string {
	parts := strings.Split(path, "/")
	last := parts[len(parts)-1]
	if len(parts) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = parts[len(parts)-2]
	}
	if i := strings.IndexByte(last, '.'); i > 0 && strings.HasPrefix(path, "gopkg.in/") {
		last = last[:i]
	}
	return last
}

func pyImport(t *Tree, n *Node, add func(string, string)) {
	module := ""
	if n.Kind == lang.PyImportFromStatement {
		m := n.Child("module_name")
		if m == nil {
			return
		}
		module = t.Text(m)
	}
	for _, c := range n.Children {
		if c.Field != "name" {
			continue
		}
		switch c.Kind {
		case lang.PyDottedName:
			name := t.Text(c)
			if module != "" {
				add(name, module+"."+name)
			} else {
				// "import os.path" binds "os".
				first, _, _ := strings.Cut(name, ".")
				add(first, first)
			}
		case lang.PyAliasedImport:
			name, alias := c.Child("name"), c.Child("alias")
			if name == nil || alias == nil {
				continue
			}
			q := t.Text(name)
			if module != "" {
				q = module + "." + q
			}
			add(t.Text(alias), q)
		}
	}
}

// jsModule normalises a module specifier: "node:child_process" is
// "child_process".
func jsModule(s string) string { return strings.TrimPrefix(s, "node:") }

func jsImport(t *Tree, n *Node, add func(string, string)) {
	if n.Kind == lang.KindVariableDeclarator {
		// const cp = require("child_process"); const {exec} = require(...)
		mod, ok := t.requireOf(n.Child("value"))
		if !ok {
			return
		}
		name := n.Child("name")
		if name == nil {
			return
		}
		switch name.Kind {
		case lang.KindIdentifier:
			add(t.Text(name), mod)
		case lang.JSObjectPattern:
			for _, p := range name.Children {
				switch p.Kind {
				case lang.JSShorthandPropertyPat:
					add(t.Text(p), mod+"."+t.Text(p))
				case lang.JSPairPattern:
					k, v := p.Child("key"), p.Child("value")
					if k != nil && v != nil && v.Kind == lang.KindIdentifier {
						add(t.Text(v), mod+"."+t.Text(k))
					}
				}
			}
		}
		return
	}
	for _, c := range n.Children {
		if c.Kind != lang.JSTSImportRequireClause {
			continue
		}
		// TypeScript: import cp = require("child_process")
		var id *Node
		src := c.Child("source")
		for _, x := range c.Children {
			if x.Kind == lang.KindIdentifier {
				id = x
			}
		}
		if id != nil && src != nil && src.IsString {
			add(t.Text(id), jsModule(src.Str))
		}
		return
	}
	src := n.Child("source")
	if src == nil || !src.IsString {
		return
	}
	mod := jsModule(src.Str)
	for _, c := range n.Children {
		if c.Kind != lang.JSImportClause {
			continue
		}
		for _, part := range c.Children {
			switch part.Kind {
			case lang.KindIdentifier: // default import
				add(t.Text(part), mod)
			case lang.JSNamespaceImport:
				for _, id := range part.Children {
					if id.Kind == lang.KindIdentifier {
						add(t.Text(id), mod)
					}
				}
			case lang.JSNamedImports:
				for _, spec := range part.Children {
					if spec.Kind != lang.JSImportSpecifier {
						continue
					}
					name, alias := spec.Child("name"), spec.Child("alias")
					if name == nil {
						continue
					}
					local := name
					if alias != nil {
						local = alias
					}
					add(t.Text(local), mod+"."+t.Text(name))
				}
			}
		}
	}
}

// requireOf recognises require("module") and returns the module.
func (t *Tree) requireOf(n *Node) (string, bool) {
	if n == nil || n.Kind != lang.KindCallExpression {
		return "", false
	}
	fn, args := n.Child("function"), n.Child("arguments")
	if fn == nil || args == nil || fn.Kind != lang.KindIdentifier || t.Text(fn) != "require" {
		return "", false
	}
	named := args.NamedChildren()
	if len(named) != 1 || !named[0].IsString {
		return "", false
	}
	return jsModule(named[0].Str), true
}

func javaImport(t *Tree, n *Node, add func(string, string)) {
	var path *Node
	for _, c := range n.Children {
		switch c.Kind {
		case lang.JavaAsterisk:
			return // on-demand imports name no single type
		case lang.JavaScopedIdentifier, lang.KindIdentifier:
			path = c
		}
	}
	if path == nil {
		return
	}
	q := t.Text(path)
	q = strings.Join(strings.Fields(q), "")
	add(q[strings.LastIndexByte(q, '.')+1:], q)
}

// maxQualifiedName bounds the length of a qualified name.
const maxQualifiedName = 512

// QualifiedName returns the dotted name a name expression stands for,
// with its head resolved through the file's imports: in Python after
// "import hashlib as h", h.md5 is "hashlib.md5"; in Go after
// `import ex "os/exec"`, ex.Command is "os/exec.Command"; in Java after
// "import java.util.Random", Random is "java.util.Random"; in JavaScript
// after `const cp = require("child_process")`, cp.exec and
// require("child_process").exec are "child_process.exec". ok is false for
// anything that is not a chain of names.
func (t *Tree) QualifiedName(n *Node) (string, bool) {
	s, ok := t.qualified(n, 0)
	if !ok || len(s) > maxQualifiedName {
		return "", false
	}
	return s, true
}

func (t *Tree) qualified(n *Node, depth int) (string, bool) {
	if n == nil || depth > 64 {
		return "", false
	}
	sp := t.spec
	if sp.nameLeaves[n.Kind] {
		text := t.Text(n)
		if q, ok := t.Imports[text]; ok && (n.Parent == nil || !isMemberProperty(sp, n)) {
			return q, true
		}
		return text, true
	}
	if m, ok := sp.members[n.Kind]; ok {
		obj, prop := n.Child(m.object), n.Child(m.property)
		if obj == nil || prop == nil || !sp.nameLeaves[prop.Kind] {
			return "", false
		}
		head, ok := t.qualified(obj, depth+1)
		if !ok {
			return "", false
		}
		return head + "." + t.Text(prop), true
	}
	switch n.Kind {
	case lang.JavaScopedTypeIdentifier:
		if t.Lang != lang.Java {
			break
		}
		var parts []string
		for _, c := range n.Children {
			s, ok := t.qualified(c, depth+1)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, "."), len(parts) > 0
	case lang.KindCallExpression:
		if mod, ok := t.requireOf(n); ok {
			return mod, true
		}
	}
	return "", false
}

// isMemberProperty reports whether a name leaf is the property side of a
// member expression (x.exec: "exec" is not resolved through imports).
func isMemberProperty(sp *spec, n *Node) bool {
	m, ok := sp.members[n.Parent.Kind]
	return ok && n.Field == m.property
}

// Callee returns the node naming what a call-like node calls and its
// qualified name (empty when it is not a name chain). For Java method
// invocations the callee is the invocation itself and the name is built
// from its object and name fields.
func (t *Tree) Callee(n *Node) (callee *Node, name string, ok bool) {
	c, isCall := t.spec.calls[n.Kind]
	if !isCall {
		return nil, "", false
	}
	if c.callee == "" { // Java method_invocation
		nameNode := n.Child("name")
		if nameNode == nil {
			return n, "", true
		}
		if obj := n.Child("object"); obj != nil {
			if q, ok := t.QualifiedName(obj); ok {
				return n, q + "." + t.Text(nameNode), true
			}
			if obj.Kind == lang.JavaMethodInvocation {
				// Runtime.getRuntime().exec
				if _, inner, ok := t.Callee(obj); ok && inner != "" && len(inner) < maxQualifiedName {
					return n, inner + "()." + t.Text(nameNode), true
				}
			}
			return n, "", true
		}
		return n, t.Text(nameNode), true
	}
	callee = n.Child(c.callee)
	if callee == nil {
		return nil, "", false
	}
	q, _ := t.QualifiedName(callee)
	return callee, q, true
}

// CallName returns the leaf naming what a call-like node invokes, as
// written: the function's name, or a method's name without its object.
// bare is set when the leaf is not the property of a member expression
// (so it may be a name bound by an import). ok is false when the callee
// is neither a name nor a member (a call of a call, a parenthesised or
// scoped callee).
func (t *Tree) CallName(n *Node) (name *Node, bare, ok bool) {
	c, isCall := t.spec.calls[n.Kind]
	if !isCall {
		return nil, false, false
	}
	if c.callee == "" { // Java method_invocation
		name = n.Child("name")
		return name, n.Child("object") == nil, name != nil
	}
	callee := n.Child(c.callee)
	switch {
	case callee == nil:
		return nil, false, false
	case t.spec.nameLeaves[callee.Kind]:
		return callee, true, true
	}
	if m, isMember := t.spec.members[callee.Kind]; isMember {
		if prop := callee.Child(m.property); prop != nil && t.spec.nameLeaves[prop.Kind] {
			return prop, false, true
		}
	}
	return nil, false, false
}

// Arguments returns the argument nodes of a call-like node.
func (t *Tree) Arguments(n *Node) []*Node {
	c, ok := t.spec.calls[n.Kind]
	if !ok {
		return nil
	}
	args := n.Child(c.args)
	if args == nil {
		return nil
	}
	return args.NamedChildren()
}

// Assignment returns the target and value of an assignment-like node
// (assignment, short variable declaration, variable declarator).
func (t *Tree) Assignment(n *Node) (left, right *Node, ok bool) {
	a, isAssign := t.spec.assigns[n.Kind]
	if !isAssign {
		return nil, nil, false
	}
	left, right = n.Child(a.object), n.Child(a.property)
	return left, right, left != nil && right != nil
}

// IsNameLeaf reports whether a node is an identifier-like leaf.
func (t *Tree) IsNameLeaf(n *Node) bool { return t.spec.nameLeaves[n.Kind] }

// IsNameChainKind reports whether a kind can head or form a name chain.
func (t *Tree) IsNameChainKind(kind string) bool {
	_, member := t.spec.members[kind]
	return member || t.spec.nameLeaves[kind] || (t.Lang == lang.Java && kind == lang.JavaScopedTypeIdentifier)
}

// Member splits an object.property node (selector, attribute, member or
// field access) into its two sides.
func (t *Tree) Member(n *Node) (object, property *Node, ok bool) {
	m, isMember := t.spec.members[n.Kind]
	if !isMember {
		return nil, nil, false
	}
	object, property = n.Child(m.object), n.Child(m.property)
	return object, property, object != nil && property != nil
}
