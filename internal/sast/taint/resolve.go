package taint

import (
	"path"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// resolve finds the functions a call may run: by name and arity, then
// by receiver (this/self, a class, a module or package, an import).
func (p *program) resolve(in *interp, n, recv *syntax.Node, method string, nargs int) []*fn {
	if len(p.byName[method]) == 0 {
		return nil
	}
	t := in.tree
	fits := func(c *fn) bool {
		np := len(c.params)
		if c.selfParam && (recv != nil || in.f.class == c.class) {
			np--
		}
		switch {
		case np == nargs, c.variadic && nargs >= np-1:
			return true
		case (t.Lang == lang.Python || family(t.Lang) == "javascript") && nargs < np:
			return true
		}
		return false
	}
	var out []*fn
	// keep adds the candidates of one scope that fit the call and ok.
	keep := func(k scopeKey, ok func(*fn) bool) {
		for _, c := range p.byScope[k] {
			if fits(c) && (ok == nil || ok(c)) {
				out = append(out, c)
			}
		}
	}
	switch {
	case recv == nil:
		keep(scopeKey{scopeFile, in.f.file.Path, method}, func(c *fn) bool { return c.file == in.f.file })
		if len(out) == 0 {
			if q, ok := t.Imports[method]; ok {
				keep(scopeKey{scopeModule, moduleOf(q, method), method}, nil)
			} else if t.Lang == lang.Go {
				keep(scopeKey{scopeModule, in.f.module, method}, func(c *fn) bool { return c.class == "" })
			} else if t.Lang == lang.Java {
				keep(scopeKey{scopeClass, in.f.class, method}, nil)
			}
		}
	case recv.Kind == "super":
		for _, c := range p.byName[method] {
			if c.class != "" && fits(c) {
				out = append(out, c)
			}
		}
	case recv.Kind == "this" || t.Text(recv) == "self" || t.Text(recv) == "cls":
		keep(scopeKey{scopeClass, in.f.class, method}, nil)
	default:
		for _, q := range qualifiers(in, recv) {
			keep(scopeKey{scopeClass, q, method}, nil)
			keep(scopeKey{scopeModule, q, method}, func(c *fn) bool { return c.class == "" && c.class != q })
			if len(out) > 0 {
				break
			}
		}
	}
	if t.Lang == lang.Java {
		out = sameFile(p.concrete(out, method, fits), in.f.file)
	}
	if len(out) > maxFanout {
		return nil
	}
	return out
}

// concrete replaces Java methods without a body (interface and abstract
// methods) by the implementations of classes that implement or extend
// their type. With none known, the call stays unresolved, so taint flows
// through it as through a library call.
func (p *program) concrete(out []*fn, method string, fits func(*fn) bool) []*fn {
	var res []*fn
	for _, c := range out {
		if c.body != nil {
			res = append(res, c)
			continue
		}
		decl := syntax.Enclosing(c.node, "interface_declaration", "class_declaration")
		if decl == nil || decl.Child("name") == nil {
			continue
		}
		ty := c.file.Tree.Text(decl.Child("name"))
		for _, impl := range p.byName[method] {
			if impl.body != nil && impl.class != "" && impl.class != ty && fits(impl) && p.implements(impl.class, ty, 0) && !slices.Contains(res, impl) {
				res = append(res, impl)
			}
		}
	}
	return res
}

// sameFile keeps, of Java candidates from several files, those declared
// in the calling file: two files may each have a nested class of the same
// simple name, and the caller's own is the one it reaches.
func sameFile(out []*fn, f *File) []*fn {
	if len(out) < 2 {
		return out
	}
	var local []*fn
	for _, c := range out {
		if c.class != out[0].class {
			return out // implementations of an interface: all may run
		}
		if c.file == f {
			local = append(local, c)
		}
	}
	if len(local) == 0 || len(local) == len(out) {
		return out
	}
	return local
}

// moduleOf is the module stem an imported name comes from:
// "app.helpers.clean" -> "helpers", "./helpers" -> "helpers".
func moduleOf(q, name string) string {
	q = strings.TrimSuffix(q, "."+name)
	q = strings.TrimSuffix(q, path.Ext(q))
	if i := strings.LastIndexAny(q, "./"); i >= 0 && i < len(q)-1 {
		q = q[i+1:]
	}
	return q
}

// qualifiers lists what a receiver may name: its static type or the
// class it constructs, its import's module, its own name.
func qualifiers(in *interp, recv *syntax.Node) []string {
	t := in.tree
	var out []string
	if p, ok := in.pathOf(recv); ok {
		if c := in.st.classes[p]; c != "" {
			out = append(out, c)
		}
	}
	if c := in.constructed(recv); c != "" {
		// a method of a new object: Repo(x).run(), new Helper().run(x),
		// Factory.make().run(x)
		out = append(out, c)
	}
	if ty, ok := t.TypeOf(recv); ok {
		ty = strings.TrimLeft(ty, "*&")
		if i := strings.IndexByte(ty, '<'); i > 0 {
			ty = ty[:i]
		}
		if i := strings.LastIndexByte(ty, '.'); i >= 0 {
			ty = ty[i+1:]
		}
		out = append(out, ty)
	}
	if q, ok := t.QualifiedName(recv); ok {
		if strings.HasPrefix(q, ".") || strings.Contains(q, "/") || t.Lang == lang.Python {
			out = append(out, moduleOf(q, ""))
		}
		if i := strings.LastIndexAny(q, "./"); i >= 0 {
			out = append(out, q[i+1:])
		}
		out = append(out, q)
	}
	if recv.Kind == "identifier" {
		out = append(out, t.Text(recv))
	}
	return out
}

// resolveNew finds the constructors a construction runs: new Repo(...),
// Repo(...) in Python.
func (p *program) resolveNew(in *interp, n *syntax.Node, method string) []*fn {
	class := strings.TrimPrefix(method, "new ")
	if i := strings.IndexByte(class, '<'); i >= 0 {
		class = class[:i]
	}
	if i := strings.LastIndexByte(class, '.'); i >= 0 {
		class = class[i+1:]
	}
	if !p.classes[class] {
		return nil
	}
	var out []*fn
	for _, name := range []string{class, "__init__", "constructor"} {
		for _, c := range p.byName[name] {
			if c.class == class && (c.node.Kind == "constructor_declaration" || name != class) {
				out = append(out, c)
			}
		}
	}
	if len(out) > maxFanout {
		return nil
	}
	return out
}
