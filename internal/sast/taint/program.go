package taint

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/rule"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// Limits of the inter-procedural analysis.
const (
	// maxFanout is the most functions one call may resolve to; a call
	// matching more is treated as an unknown function.
	maxFanout = 4
	// maxSuperDepth bounds the walk up a Java type hierarchy.
	maxSuperDepth = 8
	// maxAnalysesPerFunction bounds how often the worklist re-analyses a
	// function before its summary is taken as final (recursion).
	maxAnalysesPerFunction = 6
	// maxSinkFlows bounds the parameter-to-sink entries of a summary.
	maxSinkFlows = 64
	// maxFunctions bounds the functions indexed per language.
	maxFunctions = 500_000
)

// File is one parsed file with the matches of the taint rules' specs.
type File struct {
	Path    string
	Tree    *syntax.Tree
	Matches []rule.TaintMatches
}

// Warning is a problem analysing one file that did not stop the analysis.
type Warning struct {
	Path, Message string
}

// Finding is taint reaching a sink.
type Finding struct {
	Rule *rule.Rule
	// File and Match are the sink's file and match (for the message).
	File     *File
	Match    pattern.Match
	Location finding.Location
	Trace    []finding.TraceStep
}

type key struct{ start, end uint32 }

// fileSpecs indexes one rule's spec matches in one file by range.
type fileSpecs struct {
	sources     map[key][]rule.SpecMatch
	sinks       map[key][]rule.SpecMatch
	sanitizers  map[key][]rule.SpecMatch
	propagators map[key][]rule.SpecMatch
	allSources  []rule.SpecMatch
}

type param struct {
	name string
	decl *syntax.Node
	pat  *syntax.Node // destructuring pattern, when name is ""
}

// fn is a function, method, lambda or a file's top-level code.
type fn struct {
	file      *File
	node      *syntax.Node
	body      *syntax.Node
	exprBody  bool
	name      string
	class     string // class, receiver type, or "" for functions
	module    string // file stem, Go package name
	params    []param
	selfParam bool
	variadic  bool
	// parent is the enclosing function of a closure, lambda or nested
	// function (or the file's top-level code); children the reverse.
	parent   *fn
	children []*fn
	// recvName is a Go method's receiver variable.
	recvName string
	// fieldNames are the fields a Java method reaches by bare name: the
	// enclosing class's fields not shadowed by parameters or locals.
	fieldNames map[string]bool
	// retClass is the program class every return of a Java method
	// constructs (a factory), or "".
	retClass string
}

// recvParam is the parameter index that stands for a method's receiver
// (this, self, a Go receiver) in summaries.
const recvParam = 1 << 20

// program indexes the functions of the files of one language family.
type program struct {
	lang   string
	fns    []*fn
	byName map[string][]*fn
	// byScope indexes named functions by name within a file, a class and
	// a module (scopeKey), so that resolving a call in a large project
	// does not scan every function of that name.
	byScope map[scopeKey][]*fn
	classes map[string]bool
	// supers maps a Java class or interface to the types it extends or
	// implements, by simple name.
	supers map[string][]string
	// consts holds each file's top-level constants (fileConsts).
	consts map[*File]map[string]any
	// units maps function nodes to their functions (callbacks passed
	// as arguments).
	units map[*syntax.Node]*fn
}

// scopeKey names the functions called name in one file, class or
// module.
type scopeKey struct {
	kind        int
	scope, name string
}

const (
	scopeFile = iota
	scopeClass
	scopeModule
)

// slot is a parameter of a summary and a field: for retParams the
// receiver's field that is returned (or ""), for thisParams the field of
// the receiver the parameter is stored in.
type slot struct {
	param int
	field string
}

type sinkFlow struct {
	param int
	field string
	spec  *rule.TaintSpec
	file  *File
	match pattern.Match
	loc   finding.Location
	trace []finding.TraceStep
}

// summary is what a function does with taint, for one rule.
type summary struct {
	// thisParams are the parameters whose taint a method stores in its
	// object's fields (setters, constructors).
	thisParams map[slot][]finding.TraceStep
	retParams  map[slot][]finding.TraceStep
	retSrc     taint
	sinks      []sinkFlow
}

func (s *summary) addSink(sf sinkFlow) {
	for i, x := range s.sinks {
		if x.param == sf.param && x.field == sf.field && x.spec == sf.spec && x.loc == sf.loc {
			if len(sf.trace) < len(x.trace) {
				s.sinks[i] = sf
			}
			return
		}
	}
	if len(s.sinks) < maxSinkFlows {
		s.sinks = append(s.sinks, sf)
	}
}

// signature identifies a summary's content, without traces.
func (s *summary) signature() string {
	if s == nil {
		return ""
	}
	var parts []string
	for p := range s.retParams {
		parts = append(parts, fmt.Sprintf("r%d%s", p.param, p.field))
	}
	for p := range s.thisParams {
		parts = append(parts, fmt.Sprintf("t%d%s", p.param, p.field))
	}
	for _, o := range s.retSrc {
		parts = append(parts, "s"+o.label)
	}
	for _, sf := range s.sinks {
		parts = append(parts, fmt.Sprintf("k%d%s:%p:%s:%d:%d", sf.param, sf.field, sf.spec, sf.loc.Path, sf.loc.StartLine, sf.loc.StartColumn))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// ruleRun is one rule's analysis over one program.
type ruleRun struct {
	rule  *rule.Rule
	prog  *program
	specs map[*File]*fileSpecs
	sums  map[*fn]*summary
	// captured holds, for functions with closures, the source taint of
	// their variables at the end, which the closures see.
	captured map[*fn]map[string]taint
	// seeds is the source taint of the elements a callback is called
	// with (xs.forEach(x => ...), list.stream().map(x -> ...)).
	seeds map[*fn]taint
	// fields holds, per class (by file and name), the source taint its
	// methods leave in fields of this/self, which its other methods see.
	fields map[classKey]map[string]taint
}

type classKey struct {
	file  *File
	class string
}

var ruleSatisfied = rule.Satisfied

// family groups grammars whose files call each other.
func family(id lang.ID) string {
	switch id {
	case lang.JavaScript, lang.TypeScript, lang.TSX:
		return "javascript"
	}
	return string(id)
}

// Analyze runs every taint rule over the files and returns the flows
// found, one per rule and sink location.
func Analyze(ctx context.Context, files []*File) ([]Finding, []Warning, error) {
	groups := map[string][]*File{}
	var order []string
	for _, f := range files {
		g := family(f.Tree.Lang)
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], f)
	}
	sort.Strings(order)
	var out []Finding
	var warns []Warning
	cut := map[string]bool{}
	for _, g := range order {
		fs := groups[g]
		prog := buildProgram(g, fs)
		// Rules in the order they first appear.
		var rules []*rule.Rule
		seen := map[*rule.Rule]bool{}
		for _, f := range fs {
			for _, tm := range f.Matches {
				if !seen[tm.Rule] {
					seen[tm.Rule] = true
					rules = append(rules, tm.Rule)
				}
			}
		}
		for _, r := range rules {
			if err := ctx.Err(); err != nil {
				return out, warns, fmt.Errorf("taint analysis: %w", err)
			}
			run := &ruleRun{rule: r, prog: prog, specs: map[*File]*fileSpecs{}, sums: map[*fn]*summary{}, captured: map[*fn]map[string]taint{}, seeds: map[*fn]taint{}, fields: map[classKey]map[string]taint{}}
			srcs, sinks := 0, 0
			for _, f := range fs {
				s := indexSpecs(f, r)
				run.specs[f] = s
				srcs += len(s.allSources)
				sinks += len(s.sinks)
			}
			if srcs == 0 || sinks == 0 {
				continue
			}
			found, truncated, err := run.solve(ctx)
			out = append(out, found...)
			for _, f := range truncated {
				if !cut[f.file.Path] {
					cut[f.file.Path] = true
					warns = append(warns, Warning{f.file.Path, fmt.Sprintf("taint analysis of %s stopped early: more than %d steps", f.describe(), maxStepsPerFunction)})
				}
			}
			if err != nil {
				return out, warns, err
			}
		}
	}
	return dedupe(out), warns, nil
}

func (f *fn) describe() string {
	if f.name == "" {
		return "top-level code"
	}
	return f.name + "()"
}

func indexSpecs(f *File, r *rule.Rule) *fileSpecs {
	s := &fileSpecs{
		sources: map[key][]rule.SpecMatch{}, sinks: map[key][]rule.SpecMatch{},
		sanitizers: map[key][]rule.SpecMatch{}, propagators: map[key][]rule.SpecMatch{},
	}
	for _, tm := range f.Matches {
		if tm.Rule != r {
			continue
		}
		for _, sm := range tm.Specs {
			k := key{sm.Match.Start, sm.Match.End}
			switch sm.Spec.Kind {
			case rule.SpecSource:
				s.sources[k] = append(s.sources[k], sm)
				s.allSources = append(s.allSources, sm)
			case rule.SpecSink:
				s.sinks[k] = append(s.sinks[k], sm)
			case rule.SpecSanitizer:
				s.sanitizers[k] = append(s.sanitizers[k], sm)
			case rule.SpecPropagator:
				s.propagators[k] = append(s.propagators[k], sm)
			}
		}
	}
	return s
}

// solve computes summaries with a worklist until they are stable, and
// collects each function's findings from its last analysis.
func (run *ruleRun) solve(ctx context.Context) ([]Finding, []*fn, error) {
	fns := run.prog.fns
	callers := map[*fn]map[*fn]bool{}
	found := map[*fn][]Finding{}
	count := map[*fn]int{}
	queue := append([]*fn(nil), fns...)
	queued := map[*fn]bool{}
	truncated := map[*fn]bool{}
	captured := run.captured
	capturedSig := map[*fn]string{}
	classMethods := map[classKey][]*fn{}
	for _, f := range fns {
		if f.class != "" {
			ck := classKey{f.file, f.class}
			classMethods[ck] = append(classMethods[ck], f)
		}
	}
	for _, f := range fns {
		queued[f] = true
	}
	for n := 0; len(queue) > 0; n++ {
		if n&255 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("taint analysis: %w", err)
			}
		}
		f := queue[0]
		queue = queue[1:]
		queued[f] = false
		count[f]++
		in := &interp{run: run, f: f, tree: f.file.Tree, specs: run.specs[f.file],
			sum: &summary{retParams: map[slot][]finding.TraceStep{}, thisParams: map[slot][]finding.TraceStep{}}, calls: map[*fn]bool{}}
		in.analyze()
		found[f] = in.found
		if f.class != "" && f.file.Tree.Lang != lang.Go {
			ck := classKey{f.file, f.class}
			if run.addFields(ck, in.st.vars) {
				for _, m := range classMethods[ck] {
					if m != f && !queued[m] && count[m] < maxAnalysesPerFunction {
						queued[m] = true
						queue = append(queue, m)
					}
				}
			}
		}
		if len(f.children) > 0 {
			if c, sig := in.captured(); sig != capturedSig[f] || in.seeded {
				captured[f], capturedSig[f] = c, sig
				for _, ch := range f.children {
					if !queued[ch] && count[ch] < maxAnalysesPerFunction {
						queued[ch] = true
						queue = append(queue, ch)
					}
				}
			}
		}
		if in.truncated {
			truncated[f] = true
		}
		for c := range in.calls {
			if callers[c] == nil {
				callers[c] = map[*fn]bool{}
			}
			callers[c][f] = true
		}
		if in.sum.signature() != run.sums[f].signature() {
			run.sums[f] = in.sum
			for c := range callers[f] {
				if !queued[c] && count[c] < maxAnalysesPerFunction {
					queued[c] = true
					queue = append(queue, c)
				}
			}
		} else {
			run.sums[f] = in.sum // same content, maybe shorter traces
		}
	}
	var out []Finding
	var cut []*fn
	for _, f := range fns {
		out = append(out, found[f]...)
		if truncated[f] {
			cut = append(cut, f)
		}
	}
	return out, cut, nil
}

func dedupe(fs []Finding) []Finding {
	type k struct {
		id   string
		path string
		s, e uint32
	}
	best := map[k]int{}
	var out []Finding
	for _, f := range fs {
		kk := k{f.Rule.Meta.ID, f.Location.Path, f.Match.Start, f.Match.End}
		if i, ok := best[kk]; ok {
			if len(f.Trace) < len(out[i].Trace) {
				out[i] = f
			}
			continue
		}
		best[kk] = len(out)
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Location, out[j].Location
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.StartLine != b.StartLine {
			return a.StartLine < b.StartLine
		}
		return out[i].Rule.Meta.ID < out[j].Rule.Meta.ID
	})
	return out
}

// isUnit reports nodes analysed as functions of their own.
func isUnit(n *syntax.Node) bool {
	switch n.Kind {
	case "function_declaration", "method_declaration", "func_literal", "function_definition", "lambda",
		"arrow_function", "function_expression", "function", "method_definition", "generator_function_declaration",
		"constructor_declaration", "lambda_expression":
		return true
	}
	return false
}

func buildProgram(g string, files []*File) *program {
	p := &program{lang: g, byName: map[string][]*fn{}, byScope: map[scopeKey][]*fn{}, classes: map[string]bool{}, supers: map[string][]string{}, units: map[*syntax.Node]*fn{}}
	p.consts = map[*File]map[string]any{}
	for _, f := range files {
		if c := fileConsts(f); c != nil {
			p.consts[f] = c
		}
		module := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
		if f.Tree.Lang == lang.Go {
			if pc := childKind(f.Tree.Root, lang.GoPackageClause); pc != nil {
				if id := pc.NamedChildren(); len(id) == 1 {
					module = f.Tree.Text(id[0])
				}
			}
		}
		top := &fn{file: f, node: f.Tree.Root, body: f.Tree.Root, module: module}
		p.fns = append(p.fns, top)
		units := map[*syntax.Node]*fn{}
		syntax.Walk(f.Tree.Root, func(n *syntax.Node) bool {
			if f.Tree.Lang == lang.Java {
				p.addSupers(f.Tree, n)
			}
			if !isUnit(n) || len(p.fns) >= maxFunctions {
				return true
			}
			u := newFn(f, n, module)
			units[n] = u
			p.units[n] = u
			u.parent = top
			for a := n.Parent; a != nil; a = a.Parent {
				if pu, ok := units[a]; ok {
					u.parent = pu
					break
				}
			}
			u.parent.children = append(u.parent.children, u)
			if u.class != "" {
				p.classes[u.class] = true
			}
			p.fns = append(p.fns, u)
			if u.name != "" {
				p.byName[u.name] = append(p.byName[u.name], u)
				for _, k := range []scopeKey{{scopeFile, f.Path, u.name}, {scopeClass, u.class, u.name}, {scopeModule, u.module, u.name}} {
					p.byScope[k] = append(p.byScope[k], u)
				}
			}
			return true
		})
	}
	for _, u := range p.fns {
		if u.node.Kind == "method_declaration" && u.body != nil && u.file.Tree.Lang == lang.Java {
			u.retClass = p.returnedClass(u)
		}
	}
	return p
}

// returnedClass is the program class that every return statement of a
// Java method constructs with new, or "".
func (p *program) returnedClass(u *fn) string {
	t := u.file.Tree
	class, ok := "", true
	syntax.Walk(u.body, func(n *syntax.Node) bool {
		if !ok || (n != u.body && isUnit(n)) {
			return false
		}
		if n.Kind != "return_statement" {
			return true
		}
		c := n.NamedChildren()
		name := ""
		if len(c) == 1 && c[0].Kind == lang.JavaObjectCreationExpression {
			if ty := c[0].Child("type"); ty != nil {
				name = t.Text(ty)
				if i := strings.LastIndexByte(name, '.'); i >= 0 {
					name = name[i+1:]
				}
			}
		}
		if name == "" || !p.classes[name] || (class != "" && class != name) {
			ok = false
			return false
		}
		class = name
		return false
	})
	if !ok {
		return ""
	}
	return class
}

// addSupers records the types a Java class or interface declaration
// extends or implements.
func (p *program) addSupers(t *syntax.Tree, n *syntax.Node) {
	if n.Kind != "class_declaration" && n.Kind != "interface_declaration" {
		return
	}
	nm := n.Child("name")
	if nm == nil {
		return
	}
	name := t.Text(nm)
	for _, c := range n.Children {
		switch c.Kind {
		case "superclass", "super_interfaces", "extends_interfaces":
			syntax.Walk(c, func(x *syntax.Node) bool {
				if x.Kind == "type_identifier" {
					p.supers[name] = append(p.supers[name], t.Text(x))
					return false
				}
				return true
			})
		}
	}
}

// implements reports whether class c is, extends or implements type ty,
// directly or through its supertypes.
func (p *program) implements(c, ty string, depth int) bool {
	if c == ty {
		return true
	}
	if depth > maxSuperDepth {
		return false
	}
	for _, s := range p.supers[c] {
		if p.implements(s, ty, depth+1) {
			return true
		}
	}
	return false
}

func newFn(f *File, n *syntax.Node, module string) *fn {
	t := f.Tree
	u := &fn{file: f, node: n, module: module, body: n.Child("body")}
	if u.body != nil {
		switch u.body.Kind {
		case "block", "statement_block", "constructor_body":
		default:
			u.exprBody = true
		}
	}
	if nm := n.Child("name"); nm != nil {
		u.name = t.Text(nm)
	} else if p := n.Parent; p != nil {
		switch {
		case p.Kind == lang.KindVariableDeclarator:
			if nm := p.Child("name"); nm != nil {
				u.name = t.Text(nm)
			}
		case p.Kind == lang.JSPair:
			if k := p.Child("key"); k != nil {
				u.name = strings.Trim(t.Text(k), `"'`)
			}
		case p.Kind == lang.KindAssignmentExpression:
			if l := p.Child("left"); l != nil {
				if _, prop, ok := t.Member(l); ok {
					u.name = t.Text(prop)
				} else {
					u.name = t.Text(l)
				}
			}
		}
	}
	// Enclosing class, or a Go method's receiver type.
	if c := syntax.Enclosing(n, "class_declaration", "class_definition", "abstract_class_declaration"); c != nil {
		if nm := c.Child("name"); nm != nil {
			u.class = t.Text(nm)
		}
	}
	if recv := n.Child("receiver"); recv != nil && n.Kind == lang.GoMethodDeclaration {
		for _, pd := range recv.NamedChildren() {
			if ty := pd.Child("type"); ty != nil {
				u.class = strings.TrimLeft(t.Text(ty), "*")
			}
			if nm := pd.Child("name"); nm != nil {
				u.recvName = t.Text(nm)
			}
		}
	}
	// Parameters.
	ps := n.Child("parameters")
	if ps == nil {
		ps = n.Child("parameter")
	}
	if ps == nil {
		return u
	}
	if ps.Kind == "identifier" {
		u.params = append(u.params, param{name: t.Text(ps), decl: ps})
		return u
	}
	for _, c := range ps.NamedChildren() {
		switch c.Kind {
		case "identifier":
			u.params = append(u.params, param{name: t.Text(c), decl: c})
		case "formal_parameter", "spread_parameter", "default_parameter", "typed_default_parameter":
			nm := c.Child("name")
			if nm == nil {
				for _, x := range c.NamedChildren() {
					if x.Kind == "identifier" || x.Kind == "variable_declarator" {
						nm = x
					}
				}
			}
			if nm != nil && nm.Kind == "variable_declarator" {
				nm = nm.Child("name")
			}
			if nm != nil {
				u.params = append(u.params, param{name: t.Text(nm), decl: c})
			}
			if c.Kind == "spread_parameter" {
				u.variadic = true
			}
		case "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern":
			for _, x := range c.NamedChildren() {
				if x.Kind == "identifier" {
					u.params = append(u.params, param{name: t.Text(x), decl: c})
					break
				}
			}
			if c.Kind != "typed_parameter" {
				u.variadic = true
			}
		case lang.GoParameterDeclaration, lang.GoVariadicParameter:
			named := false
			for _, x := range c.Children {
				if x.Field == "name" {
					u.params = append(u.params, param{name: t.Text(x), decl: c})
					named = true
				}
			}
			if !named {
				u.params = append(u.params, param{decl: c})
			}
			if c.Kind == lang.GoVariadicParameter {
				u.variadic = true
			}
		case "assignment_pattern":
			if l := c.Child("left"); l != nil {
				u.params = append(u.params, param{name: t.Text(l), decl: c})
			}
		case "required_parameter", "optional_parameter":
			pt := c.Child("pattern")
			if pt != nil && pt.Kind == "identifier" {
				u.params = append(u.params, param{name: t.Text(pt), decl: c})
			} else {
				u.params = append(u.params, param{decl: c, pat: pt})
			}
		case "object_pattern", "array_pattern":
			u.params = append(u.params, param{decl: c, pat: c})
		case "rest_pattern":
			u.variadic = true
			u.params = append(u.params, param{name: strings.TrimPrefix(t.Text(c), "..."), decl: c})
		}
	}
	if t.Lang == lang.Python && u.class != "" && len(u.params) > 0 && (u.params[0].name == "self" || u.params[0].name == "cls") {
		u.selfParam = true
	}
	if t.Lang == lang.Java && u.class != "" {
		u.fieldNames = javaFieldNames(t, n, u.params)
	}
	return u
}

// javaFieldNames lists the fields of a method's class that its body can
// name without this.: declared in the class body, not redeclared as a
// parameter or local variable of the method.
func javaFieldNames(t *syntax.Tree, method *syntax.Node, params []param) map[string]bool {
	body := syntax.Enclosing(method, lang.JavaClassBody)
	if body == nil {
		return nil
	}
	out := map[string]bool{}
	for _, c := range body.NamedChildren() {
		if c.Kind != lang.JavaFieldDeclaration {
			continue
		}
		for _, d := range c.NamedChildren() {
			if d.Kind == lang.KindVariableDeclarator {
				if nm := d.Child("name"); nm != nil {
					out[t.Text(nm)] = true
				}
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	for _, p := range params {
		delete(out, p.name)
	}
	syntax.Walk(method, func(n *syntax.Node) bool {
		switch n.Kind {
		case lang.KindVariableDeclarator, "enhanced_for_statement", lang.JavaCatchFormalParameter, lang.JavaFormalParameter:
			if nm := n.Child("name"); nm != nil {
				delete(out, t.Text(nm))
			}
		}
		return true
	})
	return out
}

// addFields records the source taint a method left in fields of
// this/self; it reports whether the class's fields gained taint.
func (run *ruleRun) addFields(ck classKey, vars map[string]taint) bool {
	changed := false
	for k, v := range vars {
		if !strings.HasPrefix(k, "this.") {
			continue
		}
		var real taint
		for _, o := range v {
			if o.param < 0 {
				real = append(real, o)
			}
		}
		if real.clean() {
			continue
		}
		m := run.fields[ck]
		if m == nil {
			m = map[string]taint{}
			run.fields[ck] = m
		}
		before := len(m[k])
		m[k] = join(m[k], real)
		if len(m[k]) != before {
			changed = true
		}
	}
	return changed
}
