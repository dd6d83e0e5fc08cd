package taint

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/rule"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// Limits of one function's analysis.
const (
	// maxStepsPerFunction bounds the work of one analysis of one function
	// (nodes visited plus access paths scanned and copied); past it the
	// function's summary is what was found so far and a warning names
	// the file.
	maxStepsPerFunction = 2_000_000
	// maxVisitDepth bounds recursion over nested expressions.
	maxVisitDepth = 400
)

// interp analyses one function for one rule.
type interp struct {
	run   *ruleRun
	f     *fn
	tree  *syntax.Tree
	specs *fileSpecs
	st    *state
	steps int
	depth int
	ret   taint
	sum   *summary
	calls map[*fn]bool
	found []Finding
	// truncated is set when the analysis ran out of steps or depth.
	truncated bool
	// seeded is set when the analysis gave a callback new element taint.
	seeded bool
	// yield collects the values a Java switch expression's cases yield.
	yield taint
	// ctorFields holds, per constructor call, the taint its constructor
	// stored in each field of the new object, for the assignment that
	// takes the object.
	ctorFields map[*syntax.Node]map[string]taint
}

// read is state.read, counted against the step budget.
func (in *interp) read(p string) taint { return in.st.read(p) }

func (in *interp) loc(n *syntax.Node) finding.Location {
	sl, sc := in.tree.Position(n.Start)
	el, ec := in.tree.Position(n.End)
	return finding.Location{Path: in.f.file.Path, StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

func (in *interp) traceStep(n *syntax.Node, kind, note string) finding.TraceStep {
	return finding.TraceStep{Location: in.loc(n), Note: note, Kind: kind}
}

// short renders code for a trace note.
func (in *interp) short(n *syntax.Node) string {
	s := strings.Join(strings.Fields(in.tree.Text(n)), " ")
	if len(s) > 50 {
		cut := 50
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// analyze runs the function body and fills in.sum and in.found.
func (in *interp) analyze() {
	in.st = newState(&in.steps)
	in.st.argFields = in.tree.Lang == lang.Java
	// A source matching a whole function (a route handler) makes its
	// parameters sources.
	var handler *rule.TaintSpec
	if in.f.node != in.tree.Root {
		outer := in.f.node
		if p := outer.Parent; p != nil && (p.Kind == "decorated_definition" || p.Kind == "export_statement") {
			outer = p
		}
		for _, sm := range in.specs.allSources {
			if sm.Match.Start <= outer.Start && outer.End <= sm.Match.End && sm.Match.Start >= outer.Start && sm.Match.End <= outer.End {
				handler = sm.Spec
			}
		}
	}
	// A closure sees the source taint of its enclosing function's
	// variables (parameters shadow them).
	if in.f.parent != nil {
		for k, v := range in.run.captured[in.f.parent] {
			in.st.vars[k] = v
		}
	}
	// A method sees the source taint other methods of its class leave in
	// fields.
	if in.f.class != "" {
		for k, v := range in.run.fields[classKey{in.f.file, in.f.class}] {
			in.st.vars[k] = join(in.st.vars[k], v)
		}
	}
	// The receiver stands for a parameter of its own, so that getters
	// and setters get summaries.
	if in.f.class != "" && in.f.node != in.tree.Root {
		self := "this"
		if in.f.recvName != "" {
			self = in.f.recvName
		}
		in.st.vars[self] = join(in.st.vars[self], taint{{param: recvParam}})
	}
	for i, p := range in.f.params {
		var t taint
		if !(i == 0 && in.f.selfParam) {
			t = taint{{param: i}}
		}
		if i == 0 {
			t = join(t, in.run.seeds[in.f])
		}
		if handler != nil && !(i == 0 && in.f.selfParam) {
			t = join(t, in.sourceTaint(p.decl, handler))
		}
		for _, sm := range in.specs.allSources {
			if p.decl.Start <= sm.Match.Start && sm.Match.End <= p.decl.End {
				t = join(t, in.sourceTaint(p.decl, sm.Spec))
			}
		}
		if p.name != "" {
			in.st.write(p.name, t)
		} else if p.pat != nil {
			in.bind(p.pat, t, p.decl)
		}
	}
	body := in.f.body
	if body == nil {
		return
	}
	if in.f.exprBody {
		in.ret = join(in.ret, in.visit(body))
	} else {
		in.visit(body)
	}
	self := "this"
	if in.f.recvName != "" {
		self = in.f.recvName
	}
	for k, v := range in.st.vars {
		if k != self && !below(k, self) {
			continue
		}
		for _, o := range v {
			if o.param >= 0 && o.param != recvParam {
				s := slot{o.param, k[len(self):]}
				if prev, ok := in.sum.thisParams[s]; !ok || len(o.trace) < len(prev) {
					in.sum.thisParams[s] = o.trace
				}
			}
		}
	}
	for _, o := range in.ret {
		if o.param >= 0 {
			s := slot{o.param, o.field}
			if prev, ok := in.sum.retParams[s]; !ok || len(o.trace) < len(prev) {
				in.sum.retParams[s] = o.trace
			}
		} else {
			in.sum.retSrc = join(in.sum.retSrc, taint{o})
		}
	}
}

func (in *interp) sourceTaint(n *syntax.Node, sp *rule.TaintSpec) taint {
	return taint{{param: -1, label: sp.Label, trace: []finding.TraceStep{in.traceStep(n, "source", "untrusted data from "+in.short(n))}}}
}

// visit interprets a statement or an expression and returns the taint of
// its value.
func (in *interp) visit(n *syntax.Node) taint {
	if n == nil || in.st.dead {
		return nil
	}
	in.steps++
	if in.steps > maxStepsPerFunction || in.depth > maxVisitDepth {
		in.truncated = true
		return nil
	}
	in.depth++
	defer func() { in.depth-- }()
	if n != in.f.node && isUnit(n) {
		return nil // analysed as a function of its own
	}
	k := key{n.Start, n.End}
	if sans := in.specs.sanitizers[k]; len(sans) > 0 {
		in.sanitize(n, sans)
		return nil
	}
	t := in.dispatch(n)
	for _, sp := range in.specs.sources[k] {
		if sp.Spec.Requires != "" && !rule.Satisfied(sp.Spec.Requires, t.has) {
			continue
		}
		t = join(t, in.sourceTaint(n, sp.Spec))
	}
	if props := in.specs.propagators[k]; len(props) > 0 {
		in.propagate(props)
	}
	if sinks := in.specs.sinks[k]; len(sinks) > 0 {
		var whole, focused []rule.SpecMatch
		for _, sm := range sinks {
			if sm.Spec.Focused() || !in.isCall(n) {
				focused = append(focused, sm)
			} else {
				whole = append(whole, sm)
			}
		}
		in.sink(n, focused, t)
		if len(whole) > 0 {
			// A whole call is the sink: any tainted argument reaches it,
			// and the finding points at the first argument with source
			// taint. Arguments before it that carry only parameters'
			// taint (a field of this) go to the summary.
			for _, a := range in.tree.Arguments(n) {
				if at := in.peek(a); !at.clean() {
					in.sink(a, whole, at)
					if at.fromSource() {
						break
					}
				}
			}
		}
	}
	return t
}

// peek is the taint of an already visited expression, re-read from the
// state without side effects where possible.
func (in *interp) peek(n *syntax.Node) taint {
	if n == nil || n.IsString {
		return nil
	}
	switch n.Kind {
	case "integer", "int_literal", "decimal_integer_literal", "number", "float", "true", "false", "null_literal", "none", "nil":
		return nil
	case "identifier":
		k := key{n.Start, n.End}
		if len(in.specs.sources[k]) == 0 && len(in.specs.sanitizers[k]) == 0 {
			if p, ok := in.pathOf(n); ok {
				return in.read(p)
			}
		}
	}
	saved := in.specs.sinks
	in.specs.sinks = nil
	defer func() { in.specs.sinks = saved }()
	st := in.st.clone()
	t := in.visit(n)
	in.st = st
	return t
}

func (in *interp) isCall(n *syntax.Node) bool {
	_, _, ok := in.tree.Callee(n)
	return ok
}

func (in *interp) sanitize(n *syntax.Node, sans []rule.SpecMatch) {
	for _, sm := range sans {
		if !sm.Spec.BySideEffect {
			continue
		}
		for _, a := range in.tree.Arguments(n) {
			if p, ok := in.pathOf(a); ok {
				in.st.write(p, nil)
			}
		}
	}
}

func (in *interp) propagate(props []rule.SpecMatch) {
	for _, pm := range props {
		from, ok1 := pm.Match.Lookup(pm.Spec.From)
		to, ok2 := pm.Match.Lookup(pm.Spec.To)
		if !ok1 || !ok2 || len(from.Nodes) != 1 || len(to.Nodes) != 1 {
			continue
		}
		t := in.peek(from.Nodes[0])
		if p, ok := in.pathOf(to.Nodes[0]); ok && !t.clean() {
			in.st.weak(p, t.step(in.traceStep(to.Nodes[0], "propagation", "flows into "+in.short(to.Nodes[0]))))
		}
	}
}

// sink reports taint reaching a sink: a finding for sources, a summary
// entry for parameters.
func (in *interp) sink(n *syntax.Node, sinks []rule.SpecMatch, t taint) {
	if t.clean() {
		return
	}
	for _, sm := range sinks {
		step := in.traceStep(n, "sink", "reaches "+in.short(n))
		var real taint
		for _, o := range t {
			if o.param < 0 {
				real = append(real, o)
			}
		}
		if !real.clean() && rule.Satisfied(sm.Spec.Requires, real.has) {
			in.found = append(in.found, Finding{
				Rule: in.run.rule, File: in.f.file, Match: sm.Match,
				Location: in.loc(n), Trace: appendSteps(real[0].trace, step),
			})
		}
		for _, o := range t {
			if o.param >= 0 {
				in.sum.addSink(sinkFlow{param: o.param, field: o.field, spec: sm.Spec, file: in.f.file, match: sm.Match, loc: in.loc(n), trace: appendSteps(o.trace, step)})
			}
		}
	}
}

// dispatch interprets n by kind.
func (in *interp) dispatch(n *syntax.Node) taint {
	switch n.Kind {
	case "if_statement":
		in.ifChain(n.Child("initializer"), n.Child("condition"), n.Child("consequence"), alternatives(n))
		return nil
	case "var_spec":
		// var xs []string: a zero value, an empty slice.
		if n.Child("value") == nil {
			for _, c := range n.Children {
				if c.Field == "name" {
					name := in.tree.Text(c)
					in.st.write(name, nil)
					if ty := n.Child("type"); ty != nil && ty.Kind == "slice_type" {
						in.st.lens[name] = 0
					}
				}
			}
			return nil
		}
	case "return_statement":
		var t taint
		if c := n.NamedChildren(); in.tree.Lang == lang.Go && len(c) == 1 && c[0].Kind == "expression_list" && len(c[0].NamedChildren()) > 1 {
			// return v, err: the data is the first value, as for
			// v, err := f(x) at the call site.
			vs := c[0].NamedChildren()
			t = in.visit(vs[0])
			for _, v := range vs[1:] {
				in.visit(v)
			}
		} else {
			t = in.children(n)
		}
		if !t.clean() && in.f.name != "" {
			t = t.step(in.traceStep(n, "propagation", "returned from "+in.f.name+"()"))
		}
		in.ret = join(in.ret, t)
		in.st.dead = true
		return nil
	case "throw_statement", "raise_statement":
		in.children(n)
		in.st.dead = true
		return nil
	case "for_statement", "while_statement", "enhanced_for_statement", "for_in_statement", "do_statement":
		in.loop(n)
		return nil
	case "switch_expression", "switch_statement", "expression_switch_statement", "match_statement":
		return in.switchStmt(n)
	case "yield_statement":
		in.yield = join(in.yield, in.children(n))
		in.st.dead = true
		return nil
	case "ternary_expression":
		return in.choose(n.Child("condition"), n.Child("consequence"), n.Child("alternative"))
	case "conditional_expression":
		if c := n.NamedChildren(); len(c) == 3 {
			return in.choose(c[1], c[0], c[2])
		}
	case "binary_expression", "binary_operator", "comparison_operator", "boolean_operator":
		t := in.children(n)
		switch operator(n) {
		case "+", "%", "+=":
			return t
		case "||", "&&", "or", "and", "??":
			if in.tree.Lang == lang.Java || in.tree.Lang == lang.Go {
				return nil
			}
			return t
		}
		return nil // comparisons and arithmetic other than + give numbers and booleans
	case "generator_expression", "list_comprehension", "set_comprehension", "dictionary_comprehension":
		// The value is built from the body, with the loop variables
		// bound to the elements of what they iterate.
		for _, c := range n.NamedChildren() {
			switch c.Kind {
			case "for_in_clause":
				if l, r := c.Child("left"), c.Child("right"); l != nil && r != nil {
					in.bind(l, in.visit(r), c)
				}
			case "if_clause":
				in.visit(c)
			}
		}
		return in.visit(n.Child("body"))
	case "not_operator", "instanceof_expression", "typeof_expression":
		in.children(n)
		return nil
	case "unary_expression", "unary_operator":
		// !x, -x, +x, ~x give booleans and numbers; Go's *p, &v and <-ch
		// and JavaScript's void/delete keep (or hide) the data.
		t := in.children(n)
		switch operator(n) {
		case "!", "-", "+", "~", "^", "not":
			return nil
		case "delete":
			// delete o.a / delete o["a"]: that key is gone.
			if c := n.NamedChildren(); len(c) == 1 {
				in.forget(c[0])
			}
			return nil
		}
		return t
	case "delete_statement":
		// Python del d["a"], del x.f, del a, b
		for _, c := range n.NamedChildren() {
			for _, x := range listItems(c) {
				in.forget(x)
			}
		}
		return nil
	case "cast_expression":
		t := in.children(n)
		if ty := n.Child("type"); ty != nil && numericType(in.tree.Text(ty)) {
			return nil
		}
		return t
	case "type_conversion_expression":
		t := in.children(n)
		if ty := n.Child("type"); ty != nil && numericType(in.tree.Text(ty)) {
			return nil
		}
		return t
	case "identifier", "this", "self", "field_access", "selector_expression", "attribute", "member_expression",
		"subscript", "subscript_expression", "index_expression", "array_access":
		if _, prop, ok := in.tree.Member(n); ok && in.tree.Text(prop) == "length" {
			in.children(n)
			return nil // a length is a number
		}
		if p, ok := in.pathOf(n); ok {
			t := in.read(p)
			// A source may match a prefix of the chain (req.query in
			// req.query.id).
			if obj, _, ok := in.tree.Member(n); ok {
				t = join(t, in.chainSources(obj))
			} else if obj := indexObject(n); obj != nil {
				t = join(t, in.chainSources(obj))
				in.visit(indexKey(n))
			}
			return t
		}
	}
	if _, _, ok := in.tree.Callee(n); ok {
		t := in.call(n)
		if in.noReturn(n) {
			in.st.dead = true
		}
		return t
	}
	if left, right, ok := in.tree.Assignment(n); ok {
		in.assign(n, left, right)
		return nil
	}
	if n.Kind == lang.PyNamedExpression {
		// (name := value) assigns and yields the value.
		if name, value := n.Child("name"), n.Child("value"); name != nil && value != nil {
			in.assign(n, name, value)
			return in.visit(name)
		}
	}
	if n.Kind == "lambda" {
		return nil
	}
	return in.children(n)
}

// forget clears a deleted key, field or variable; an unknown key
// forgets nothing.
func (in *interp) forget(n *syntax.Node) {
	if p, ok := in.pathOf(n); ok && !strings.Contains(p, "[?]") {
		in.st.write(p, nil)
	}
}

// chainSources visits the object part of a member chain for sources and
// calls in it.
func (in *interp) chainSources(n *syntax.Node) taint {
	if _, ok := in.pathOf(n); ok {
		k := key{n.Start, n.End}
		var t taint
		for _, sp := range in.specs.sources[k] {
			t = join(t, in.sourceTaint(n, sp.Spec))
		}
		if obj, _, ok := in.tree.Member(n); ok {
			t = join(t, in.chainSources(obj))
		}
		return t
	}
	return in.visit(n)
}

func (in *interp) children(n *syntax.Node) taint {
	var t taint
	for _, c := range n.Children {
		if c.Named {
			t = join(t, in.visit(c))
		}
	}
	return t
}

func numericType(s string) bool {
	switch strings.TrimSpace(s) {
	case "int", "long", "short", "byte", "double", "float", "boolean", "char",
		"int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "bool":
		return true
	}
	return false
}

// pathOf names the access path an expression denotes: x, this.f, m[a].
func (in *interp) pathOf(n *syntax.Node) (string, bool) {
	return in.pathDepth(n, 0)
}

func (in *interp) pathDepth(n *syntax.Node, depth int) (string, bool) {
	if n == nil || depth > 16 {
		return "", false
	}
	switch n.Kind {
	case "identifier", "shorthand_property_identifier_pattern":
		name := in.tree.Text(n)
		if in.f.fieldNames[name] {
			return "this." + name, true // a Java field by its bare name
		}
		return name, true
	case "this", "self":
		return "this", true
	case "parenthesized_expression":
		if c := n.NamedChildren(); len(c) == 1 {
			return in.pathDepth(c[0], depth+1)
		}
	case "unary_expression":
		if operator(n) == "&" || operator(n) == "*" {
			if c := n.NamedChildren(); len(c) == 1 {
				return in.pathDepth(c[0], depth+1)
			}
		}
	}
	if obj, prop, ok := in.tree.Member(n); ok && in.tree.IsNameLeaf(prop) {
		base, ok := in.pathDepth(obj, depth+1)
		if !ok {
			return "", false
		}
		if base == "self" {
			base = "this"
		}
		return base + "." + in.tree.Text(prop), true
	}
	if obj := indexObject(n); obj != nil {
		base, ok := in.pathDepth(obj, depth+1)
		if !ok {
			return "", false
		}
		if base == "self" {
			base = "this"
		}
		if k, ok := in.constOf(indexKey(n), 0); ok {
			return base + elemPath(in.tree.Lang, k), true
		}
		return base + "[?]", true
	}
	return "", false
}

// elemPath is the path segment of a constant key; JavaScript's o["a"]
// is o.a.
func elemPath(l lang.ID, k any) string {
	switch v := k.(type) {
	case string:
		if l == lang.JavaScript || l == lang.TypeScript || l == lang.TSX {
			return "." + v
		}
		return "[" + strconv.Quote(v) + "]"
	case int64:
		return "[" + strconv.FormatInt(v, 10) + "]"
	}
	return fmt.Sprintf("[%v]", k)
}

func indexObject(n *syntax.Node) *syntax.Node {
	switch n.Kind {
	case "subscript":
		return n.Child("value")
	case "subscript_expression":
		return n.Child("object")
	case "index_expression":
		return n.Child("operand")
	case "array_access":
		return n.Child("array")
	}
	return nil
}

func indexKey(n *syntax.Node) *syntax.Node {
	switch n.Kind {
	case "subscript":
		return n.Child("subscript")
	case "subscript_expression", "index_expression", "array_access":
		return n.Child("index")
	}
	return nil
}

// captured returns the variables holding source taint at the end of the
// function, for its closures, and a signature of them.
func (in *interp) captured() (map[string]taint, string) {
	out := map[string]taint{}
	var keys []string
	for k, v := range in.st.vars {
		var real taint
		for _, o := range v {
			if o.param < 0 {
				real = append(real, o)
			}
		}
		if !real.clean() {
			out[k] = real
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return out, strings.Join(keys, ",")
}

// noReturn reports calls that never return: Python's abort(404) (Flask,
// Werkzeug) and sys.exit(), so that "if bad: abort(400)" guards the code
// after it as "if bad: raise ..." does.
func (in *interp) noReturn(n *syntax.Node) bool {
	if in.tree.Lang != lang.Python {
		return false
	}
	recv, method := in.receiverAndMethod(n)
	switch method {
	case "abort":
		return recv == nil || in.tree.Text(recv) == "flask" || in.tree.Text(recv) == "werkzeug.exceptions"
	case "exit", "_exit":
		return recv != nil && (in.tree.Text(recv) == "sys" || in.tree.Text(recv) == "os")
	}
	return false
}
