package taint

import (
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// assign interprets an assignment or declaration.
func (in *interp) assign(n, left, right *syntax.Node) {
	augmented := n.Kind == "augmented_assignment" || n.Kind == "augmented_assignment_expression"
	if op := operator(n); op != "" && op != "=" && op != ":=" {
		augmented = true
	}
	ls, rs := listItems(left), listItems(right)
	if len(ls) > 1 && len(ls) == len(rs) {
		ts := make([]taint, len(rs))
		for i, r := range rs {
			ts[i] = in.visit(r)
		}
		for i, l := range ls {
			in.store(l, rs[i], ts[i], augmented, n)
		}
		return
	}
	t := in.visit(right)
	r := right
	if len(rs) == 1 {
		r = rs[0]
	}
	// Go's v, err := f(x) and v, ok := m[k]: the data is the first
	// value; the error or flag does not carry it.
	goMulti := in.tree.Lang == lang.Go && len(ls) > 1 && len(rs) == 1
	for i, l := range ls {
		if goMulti && i > 0 {
			in.store(l, nil, nil, augmented, n)
			continue
		}
		in.store(l, r, t, augmented, n)
	}
}

func listItems(n *syntax.Node) []*syntax.Node {
	switch n.Kind {
	case "expression_list", "pattern_list", "tuple_pattern":
		return n.NamedChildren()
	}
	return []*syntax.Node{n}
}

// store writes taint t (of expression right, may be nil) to target l.
func (in *interp) store(l, right *syntax.Node, t taint, augmented bool, at *syntax.Node) {
	if l.Kind == "object_pattern" || l.Kind == "array_pattern" {
		in.destructure(l, right, t.step(in.traceStep(at, "propagation", "flows into "+in.short(l))))
		return
	}
	if l.Kind == "list_pattern" {
		in.bind(l, t, at)
		return
	}
	p, ok := in.pathOf(l)
	if !ok {
		in.visit(l)
		return
	}
	if !t.clean() {
		t = t.step(in.traceStep(at, "propagation", "flows into "+in.short(l)))
	}
	if augmented {
		in.st.weak(p, t)
		return
	}
	if in.tree.Lang == lang.Go && right != nil && in.goSlice(p, right, at) {
		return
	}
	if fields, ok := in.ctorFields[right]; ok {
		// A new object: its constructor's stores go to its fields, so
		// that o.other stays clean.
		in.st.write(p, nil)
		for f, ft := range fields {
			ft = ft.step(in.traceStep(at, "propagation", "flows into "+in.short(l)))
			if f == "" {
				in.st.weak(p, ft)
			} else {
				in.st.elem(p, p+f, ft)
			}
		}
		if c := in.constructed(right); c != "" {
			in.st.classes[p] = c
		}
		return
	}
	in.st.write(p, t)
	if right == nil {
		return
	}
	if v, ok := in.constOf(right, 0); ok {
		in.st.consts[p] = v
	}
	if c := in.constructed(right); c != "" {
		in.st.classes[p] = c
	}
	in.literal(p, right)
}

// literal records the elements of a collection literal or a new empty
// collection under path p.
func (in *interp) literal(p string, right *syntax.Node) {
	// elem is the taint of one element, with a step naming the
	// collection it is stored in.
	elem := func(e *syntax.Node) taint {
		return in.peek(e).step(in.traceStep(e, "propagation", "stored in "+p))
	}
	switch right.Kind {
	case "array_creation_expression":
		if v := right.Child("value"); v != nil {
			in.literal(p, v)
		}
	case "list", "array", "tuple", "array_initializer":
		items := right.NamedChildren()
		for i, e := range items {
			in.st.elem(p, p+elemPath(in.tree.Lang, int64(i)), elem(e))
		}
		in.st.lens[p] = len(items)
	case "dictionary", "object":
		for _, pr := range right.NamedChildren() {
			k, v := pr.Child("key"), pr.Child("value")
			if k == nil || v == nil {
				continue
			}
			kv, ok := in.constOf(k, 0)
			if !ok && k.Kind == "property_identifier" {
				kv, ok = in.tree.Text(k), true
			}
			if ok {
				in.st.elem(p, p+elemPath(in.tree.Lang, kv), elem(v))
			}
		}
	case "composite_literal":
		body := right.Child("body")
		if body == nil {
			return
		}
		if ty := right.Child("type"); ty != nil && (ty.Kind == "slice_type" || ty.Kind == "array_type") {
			defer func() { in.st.lens[p] = len(body.NamedChildren()) }()
		}
		i := int64(0)
		for _, e := range body.NamedChildren() {
			if e.Kind == "keyed_element" {
				kv := e.NamedChildren()
				if len(kv) != 2 {
					continue
				}
				k, v := unwrapElement(kv[0]), unwrapElement(kv[1])
				if kc, ok := in.constOf(k, 0); ok {
					in.st.elem(p, p+elemPath(in.tree.Lang, kc), elem(v))
				} else if k.Kind == "field_identifier" || k.Kind == "identifier" {
					in.st.elem(p, p+"."+in.tree.Text(k), elem(v))
				}
				continue
			}
			in.st.elem(p, p+elemPath(in.tree.Lang, i), elem(unwrapElement(e)))
			i++
		}
	case "object_creation_expression":
		if ty := right.Child("type"); ty != nil && len(in.tree.Arguments(right)) == 0 {
			name := in.tree.Text(ty)
			if strings.Contains(name, "List") || strings.Contains(name, "Deque") || strings.Contains(name, "Vector") {
				in.st.lens[p] = 0
			}
		}
	case "call_expression":
		// make([]T, n): n clean elements.
		if _, m := in.receiverAndMethod(right); m == "make" && in.tree.Lang == lang.Go {
			if args := in.tree.Arguments(right); len(args) >= 2 && args[0].Kind == "slice_type" {
				if v, ok := in.constOf(args[1], 0); ok {
					if n, isI := v.(int64); isI && n >= 0 && n <= maxPaths {
						in.st.lens[p] = int(n)
					}
				}
			}
		}
	case "method_invocation":
		if _, m := in.receiverAndMethod(right); m == "asList" || m == "of" {
			args := in.tree.Arguments(right)
			for i, a := range args {
				in.st.elem(p, p+elemPath(in.tree.Lang, int64(i)), elem(a))
			}
			in.st.lens[p] = len(args)
		}
	}
}

// bind gives every name in a destructuring target (or a loop variable)
// the taint t.
func (in *interp) bind(target *syntax.Node, t taint, at *syntax.Node) {
	if p, ok := in.pathOf(target); ok {
		in.st.write(p, t)
		return
	}
	syntax.Walk(target, func(x *syntax.Node) bool {
		switch x.Kind {
		case "identifier", "shorthand_property_identifier_pattern":
			if x.Field == "key" {
				return false
			}
			in.st.write(in.tree.Text(x), t)
			return false
		case "default_value", "value":
			return false
		}
		return true
	})
}

// destructurePath is the scratch path a destructured value is held at
// while its parts are bound.
const destructurePath = "\x00destructure"

// maxPatternDepth bounds nested destructuring patterns followed element
// by element.
const maxPatternDepth = 8

// destructure binds the names of a JavaScript destructuring pattern
// (const {a, b: c} = v, const [x, y] = v) to the parts of the value:
// the elements of a literal by key or position, otherwise its whole
// taint.
func (in *interp) destructure(pat, right *syntax.Node, t taint) {
	in.st.write(destructurePath, t)
	if right != nil {
		in.literal(destructurePath, right)
	}
	in.bindFrom(pat, destructurePath, 0)
	for k := range in.st.vars {
		if k == destructurePath || below(k, destructurePath) {
			delete(in.st.vars, k)
		}
	}
	delete(in.st.lens, destructurePath)
}

func (in *interp) bindFrom(pat *syntax.Node, base string, depth int) {
	if depth > maxPatternDepth {
		in.bind(pat, in.read(base), pat)
		return
	}
	switch pat.Kind {
	case "identifier", "shorthand_property_identifier_pattern":
		in.st.write(in.tree.Text(pat), in.read(base))
	case "array_pattern":
		// The tree keeps no commas: an element's index is the number
		// of commas before it ([a, , b] binds b to element 2).
		i, from := int64(0), pat.Start+1
		for _, c := range pat.Children {
			if !c.Named {
				continue
			}
			if from < c.Start && int(c.Start) <= len(in.tree.Src) {
				i += int64(strings.Count(string(in.tree.Src[from:c.Start]), ","))
			}
			from = c.End
			if c.Kind == "rest_pattern" {
				in.bind(c, in.read(base), c) // the rest: any element
				continue
			}
			in.bindFrom(c, base+elemPath(in.tree.Lang, i), depth+1)
		}
	case "object_pattern":
		for _, c := range pat.NamedChildren() {
			switch c.Kind {
			case "shorthand_property_identifier_pattern":
				in.bindFrom(c, base+"."+in.tree.Text(c), depth+1)
			case "pair_pattern":
				k, v := c.Child("key"), c.Child("value")
				if k == nil || v == nil {
					continue
				}
				in.bindFrom(v, base+"."+strings.Trim(in.tree.Text(k), "\"'`"), depth+1)
			case "object_assignment_pattern":
				if l := c.Child("left"); l != nil {
					in.bindFrom(l, base+"."+in.tree.Text(l), depth+1)
					if p, ok := in.pathOf(l); ok {
						in.st.weak(p, in.peek(c.Child("right")))
					}
				}
			default:
				in.bind(c, in.read(base), c)
			}
		}
	case "assignment_pattern":
		if l := pat.Child("left"); l != nil {
			in.bindFrom(l, base, depth+1)
			if p, ok := in.pathOf(l); ok {
				in.st.weak(p, in.peek(pat.Child("right")))
			}
		}
	default:
		in.bind(pat, in.read(base), pat)
	}
}

// receiverAndMethod returns the object a method is called on (nil for a
// plain function call) and the method's name.
func (in *interp) receiverAndMethod(n *syntax.Node) (*syntax.Node, string) {
	if n.Kind == lang.JavaMethodInvocation {
		name := ""
		if nm := n.Child("name"); nm != nil {
			name = in.tree.Text(nm)
		}
		return n.Child("object"), name
	}
	callee, _, ok := in.tree.Callee(n)
	if !ok || callee == nil {
		return nil, ""
	}
	if obj, prop, ok := in.tree.Member(callee); ok {
		return obj, in.tree.Text(prop)
	}
	if n.Kind == "new_expression" || n.Kind == lang.JavaObjectCreationExpression {
		return nil, "new " + in.tree.Text(callee)
	}
	return nil, in.tree.Text(callee)
}

// call interprets a call: sanitizing conversions, collections and
// builders, resolved functions through their summaries, and otherwise
// taint flowing from the receiver and arguments to the result.
func (in *interp) call(n *syntax.Node) taint {
	recv, method := in.receiverAndMethod(n)
	args := in.tree.Arguments(n)
	if a := n.Child("arguments"); a != nil && a.Kind == "generator_expression" {
		args = []*syntax.Node{a} // f(x for x in xs): one argument
	}
	var recvT taint
	if recv != nil {
		recvT = in.visit(recv)
	} else if callee, _, ok := in.tree.Callee(n); ok && callee != nil && callee != n && in.tree.Lang != lang.Java {
		if _, isPath := in.pathOf(callee); !isPath {
			in.visit(callee)
		}
	}
	argT := make([]taint, len(args))
	var all taint
	for i, a := range args {
		argT[i] = in.visit(a)
		all = join(all, argT[i])
	}
	if !recvT.clean() && iterates[method] {
		in.seedCallbacks(args, recvT)
	}
	if t, ok := in.mapped(recv, method, args, recvT); ok {
		return t
	}
	_, qname, _ := in.tree.Callee(n)
	if converts(in.tree.Lang, qname, method) {
		return nil
	}
	if in.tree.Lang == lang.Go && recv == nil && method == "delete" && len(args) == 2 {
		// delete(m, "a"): that key is gone.
		if m, ok := in.pathOf(args[0]); ok {
			if k, ok := in.constOf(args[1], 0); ok {
				in.st.write(m+elemPath(in.tree.Lang, k), nil)
			}
		}
		return nil
	}
	if t, ok := in.collection(n, recv, method, args, argT); ok {
		if recv != nil {
			// Data read from a source object (request.args.get) is
			// tainted whatever the key.
			if _, isPath := in.pathOf(recv); isPath {
				t = join(t, in.chainSources(recv))
			}
		}
		return t
	}
	if targets := in.run.prog.resolve(in, n, recv, method, len(args)); len(targets) > 0 {
		var out taint
		for _, callee := range targets {
			out = join(out, in.apply(n, callee, recv, method, in.byKeyword(callee, args, argT), recvT, false))
		}
		return out
	}
	if recv == nil {
		if targets := in.run.prog.resolveNew(in, n, method); len(targets) > 0 {
			var out taint
			for _, callee := range targets {
				out = join(out, in.apply(n, callee, nil, method, in.byKeyword(callee, args, argT), nil, true))
			}
			return out
		}
	}
	return join(recvT, all)
}

// byKeyword reorders the taint of a Python call's arguments to the
// callee's parameters: f(b=x, a=y) passes y as the first parameter. The
// result is positional, as apply expects (without self).
func (in *interp) byKeyword(callee *fn, args []*syntax.Node, argT []taint) []taint {
	if in.tree.Lang != lang.Python {
		return argT
	}
	named := false
	for _, a := range args {
		named = named || a.Kind == "keyword_argument"
	}
	if !named {
		return argT
	}
	params := callee.params
	if callee.selfParam && len(params) > 0 {
		params = params[1:]
	}
	out := make([]taint, max(len(params), len(argT)))
	var rest taint // keywords the callee does not name (**kwargs)
	for i, a := range args {
		if a.Kind != "keyword_argument" {
			out[i] = join(out[i], argT[i])
			continue
		}
		name := ""
		if nm := a.Child("name"); nm != nil {
			name = in.tree.Text(nm)
		}
		found := false
		for j, p := range params {
			if p.name == name {
				out[j] = join(out[j], argT[i])
				found = true
				break
			}
		}
		if !found {
			rest = join(rest, argT[i])
		}
	}
	if !rest.clean() && len(params) > 0 {
		out[len(params)-1] = join(out[len(params)-1], rest)
	}
	return out
}

// apply uses a callee's summary at a call site.
func (in *interp) apply(n *syntax.Node, callee *fn, recv *syntax.Node, method string, argT []taint, recvT taint, ctor bool) taint {
	in.calls[callee] = true
	s := in.run.sums[callee]
	if s == nil {
		return nil
	}
	off := 0
	if callee.selfParam && (recv != nil || ctor) {
		off = 1
	}
	// args are the call's argument nodes, looked up only when a summary
	// reads one field of an ordinary argument (Java: see state.argFields).
	var args []*syntax.Node
	arg := func(param int, field string) taint {
		if param == recvParam {
			if field != "" && recv != nil {
				if rp, ok := in.rootPath(recv); ok {
					return in.read(rp + field) // only that field of the receiver
				}
				if fields, ok := in.ctorFields[recv]; ok {
					// A method of a new object: Repo(x).run().
					return join(fields[field], fields[""])
				}
			}
			return recvT
		}
		i := param - off
		if i < 0 || i >= len(argT) {
			return nil
		}
		if field != "" && !ctor && in.tree.Lang != lang.Python {
			// The callee reads one field of an ordinary argument: only
			// that field's taint flows, not the whole object's. (Python
			// keyword arguments may reorder them: not there.)
			if args == nil {
				args = in.tree.Arguments(n)
			}
			if len(args) == len(argT) {
				if rp, ok := in.rootPath(args[i]); ok {
					return in.read(rp + field)
				}
			}
		}
		return argT[i]
	}
	callStep := in.traceStep(n, "propagation", "passed to "+method+"()")
	var out taint
	// Setters and constructors: arguments stored in the object's fields
	// taint the receiver, or the constructed object.
	var stored taint
	byField := map[string]taint{}
	for p, tr := range s.thisParams {
		steps := append([]finding.TraceStep{callStep}, tr...)
		for _, o := range arg(p.param, "") {
			o.trace = appendSteps(o.trace, steps...)
			stored = join(stored, taint{o})
			byField[p.field] = join(byField[p.field], taint{o})
		}
	}
	if ctor {
		out = join(out, stored)
		if !stored.clean() {
			if in.ctorFields == nil {
				in.ctorFields = map[*syntax.Node]map[string]taint{}
			}
			if prev := in.ctorFields[n]; prev != nil {
				for f, t := range prev {
					byField[f] = join(byField[f], t)
				}
			}
			in.ctorFields[n] = byField
		}
	} else if !stored.clean() && recv != nil {
		if rp, ok := in.rootPath(recv); ok {
			for f, t := range byField {
				in.st.weak(rp+f, t)
			}
		}
	}
	returned := in.traceStep(n, "propagation", "returned by "+method+"()")
	for p, tr := range s.retParams {
		steps := append(append([]finding.TraceStep{callStep}, tr...), returned)
		for _, o := range arg(p.param, p.field) {
			o.trace = appendSteps(o.trace, steps...)
			out = join(out, taint{o})
		}
	}
	for _, o := range s.retSrc {
		o.trace = appendSteps(o.trace, returned)
		out = join(out, taint{o})
	}
	for _, sf := range s.sinks {
		t := arg(sf.param, sf.field)
		var real taint
		for _, o := range t {
			if o.param < 0 {
				real = append(real, o)
			} else {
				in.sum.addSink(sinkFlow{param: o.param, field: o.field, spec: sf.spec, file: sf.file, match: sf.match, loc: sf.loc,
					trace: appendSteps(appendSteps(o.trace, callStep), sf.trace...)})
			}
		}
		if !real.clean() && satisfied(sf.spec.Requires, real) {
			in.found = append(in.found, Finding{Rule: in.run.rule, File: sf.file, Match: sf.match, Location: sf.loc,
				Trace: appendSteps(appendSteps(real[0].trace, callStep), sf.trace...)})
		}
	}
	return out
}

// converts reports calls whose result is a number or boolean whatever
// the input: they end taint for every kind of sink.
func converts(l lang.ID, qname, method string) bool {
	switch l {
	case lang.Java:
		switch method {
		case "parseInt", "parseLong", "parseDouble", "parseFloat", "parseBoolean", "parseShort", "parseByte",
			"intValue", "longValue", "doubleValue", "booleanValue", "size", "length", "hashCode", "isEmpty",
			"equals", "contains", "containsKey", "startsWith", "endsWith", "matches", "compareTo",
			"equalsIgnoreCase", "indexOf", "lastIndexOf", "isBlank", "isPresent", "hasNext", "hasMore", "hasMoreElements":
			return true
		case "valueOf":
			return strings.HasSuffix(qname, "Integer.valueOf") || strings.HasSuffix(qname, "Long.valueOf") || strings.HasSuffix(qname, "Boolean.valueOf") || strings.HasSuffix(qname, "Double.valueOf")
		}
	case lang.Python:
		switch qname {
		case "int", "float", "bool", "len", "isinstance", "hash", "ord":
			return true
		}
		switch method {
		case "isdigit", "isnumeric", "isalnum", "startswith", "endswith":
			return true
		}
	case lang.JavaScript, lang.TypeScript, lang.TSX:
		switch qname {
		case "parseInt", "parseFloat", "Number", "Boolean", "Number.parseInt", "Number.parseFloat", "isNaN", "Number.isInteger":
			return true
		}
		switch method {
		case "includes", "startsWith", "endsWith", "test", "indexOf":
			return true
		}
	case lang.Go:
		switch qname {
		case "strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint", "strconv.ParseFloat", "strconv.ParseBool", "len",
			"io.Copy", "io.CopyN", "io.CopyBuffer", "io.ReadFull", "io.ReadAtLeast", "utf8.RuneCountInString",
			"strings.HasPrefix", "strings.HasSuffix", "strings.Contains", "strings.EqualFold", "uuid.Parse":
			return true
		}
	}
	return false
}

// collection models maps, lists and string builders by the method
// called on a receiver with an access path.
func (in *interp) collection(n, recv *syntax.Node, method string, args []*syntax.Node, argT []taint) (taint, bool) {
	if in.tree.Lang == lang.Go && recv == nil {
		return nil, false
	}
	if recv == nil {
		// fmt.Fprintf(&b, ...), io.WriteString(&b, s)
		return nil, false
	}
	if in.tree.Lang == lang.Go {
		if q, ok := in.tree.QualifiedName(recv); ok && (q == "fmt" || q == "io") && len(args) > 1 {
			if p, ok := in.pathOf(args[0]); ok {
				var t taint
				for _, a := range argT[1:] {
					t = join(t, a)
				}
				in.st.weak(p, t.step(in.traceStep(n, "propagation", "written to "+in.short(args[0]))))
				return nil, true
			}
		}
	}
	p, ok := in.rootPath(recv)
	if !ok {
		return nil, false
	}
	key := func(i int) (string, bool) {
		if i >= len(args) {
			return "", false
		}
		v, ok := in.constOf(args[i], 0)
		if !ok {
			return p + "[?]", true
		}
		return p + elemPath(in.tree.Lang, v), true
	}
	switch method {
	case "put", "set", "setdefault", "Set", "Add", "setAttribute", "putIfAbsent":
		if len(args) == 2 {
			k, _ := key(0)
			t := argT[1]
			if !t.clean() {
				t = t.step(in.traceStep(n, "propagation", "stored in "+in.short(recv)))
			}
			if method == "Add" || method == "putIfAbsent" || method == "setdefault" {
				in.st.weak(k, t)
			} else {
				in.st.write(k, t)
			}
			return nil, true
		}
	case "get", "getOrDefault", "Get", "getAttribute", "getFirst", "elementAt":
		if len(args) >= 1 && len(args) <= 2 {
			k, _ := key(0)
			t := in.read(k)
			if len(args) == 2 {
				t = join(t, argT[1])
			}
			return t, true
		}
		if len(args) == 0 && method == "getFirst" {
			return in.read(p + elemPath(in.tree.Lang, int64(0))), true
		}
	case "add", "append", "push", "offer", "addLast", "AddElement", "appendleft":
		if len(args) == 1 {
			t := argT[0]
			if !t.clean() {
				t = t.step(in.traceStep(n, "propagation", "added to "+in.short(recv)))
			}
			if l, ok := in.st.lens[p]; ok && method != "appendleft" {
				in.st.elem(p, p+elemPath(in.tree.Lang, int64(l)), t)
				in.st.lens[p] = l + 1
			} else {
				in.st.weak(p, t)
			}
			return in.read(p), true
		}
	case "remove", "pop", "shift", "removeFirst", "poll", "popleft":
		idx := int64(-1)
		switch {
		case method == "shift" || method == "removeFirst" || method == "poll" || method == "popleft":
			idx = 0
		case len(args) == 1:
			if v, ok := in.constOf(args[0], 0); ok {
				if i, isI := v.(int64); isI {
					idx = i
				}
			}
		case len(args) == 0 && method == "pop":
			if l, ok := in.st.lens[p]; ok {
				idx = int64(l - 1)
			}
		}
		l, known := in.st.lens[p]
		if !known || idx < 0 || idx >= int64(l) {
			if len(args) == 1 && !known {
				// map.remove(k) / dict.pop(k): the value, and a string
				// key is gone (an index of a list of unknown length
				// shifts the rest instead).
				k, _ := key(0)
				t := in.read(k)
				if v, ok := in.constOf(args[0], 0); ok {
					if _, isS := v.(string); isS {
						in.st.write(k, nil)
					}
				}
				return t, true
			}
			return in.read(p), true
		}
		removed := in.st.vars[p+elemPath(in.tree.Lang, idx)]
		for i := idx; i < int64(l-1); i++ {
			in.st.vars[p+elemPath(in.tree.Lang, i)] = in.st.vars[p+elemPath(in.tree.Lang, i+1)]
		}
		delete(in.st.vars, p+elemPath(in.tree.Lang, int64(l-1)))
		in.st.lens[p] = l - 1
		return removed, true
	case "WriteString", "Write", "WriteByte", "WriteRune", "addAll", "extend", "update", "putAll", "insert", "unshift":
		var t taint
		for _, a := range argT {
			t = join(t, a)
		}
		if !t.clean() {
			t = t.step(in.traceStep(n, "propagation", "written to "+in.short(recv)))
		}
		in.st.weak(p, t)
		delete(in.st.lens, p)
		return nil, true
	}
	return nil, false
}

// rootPath is the path of a receiver, looking through chained builder
// calls: sb.append(a).append(b) appends to sb.
func (in *interp) rootPath(n *syntax.Node) (string, bool) {
	for range 32 {
		if n == nil {
			return "", false
		}
		if p, ok := in.pathOf(n); ok {
			return p, true
		}
		if !in.isCall(n) {
			return "", false
		}
		recv, m := in.receiverAndMethod(n)
		if recv == nil || (m != "append" && m != "insert" && m != "add" && m != "put") {
			return "", false
		}
		n = recv
	}
	return "", false
}

func satisfied(requires string, t taint) bool {
	if requires == "" {
		return !t.clean()
	}
	return ruleSatisfied(requires, t.has)
}

var _ = finding.TraceStep{}

func unwrapElement(n *syntax.Node) *syntax.Node {
	if n.Kind == "literal_element" {
		if c := n.NamedChildren(); len(c) == 1 {
			return c[0]
		}
	}
	return n
}

// constructed names the program class an expression constructs:
// Repo(...) in Python, new Repo(...), &Repo{...} or Repo{...}.
func (in *interp) constructed(n *syntax.Node) string {
	if n.Kind == "unary_expression" {
		if c := n.NamedChildren(); len(c) == 1 {
			n = c[0]
		}
	}
	var name string
	switch n.Kind {
	case "composite_literal":
		if ty := n.Child("type"); ty != nil {
			name = in.tree.Text(ty)
		}
	case lang.JavaMethodInvocation:
		// A factory method of the program that always returns new C().
		recv, method := in.receiverAndMethod(n)
		if targets := in.run.prog.resolve(in, n, recv, method, len(in.tree.Arguments(n))); len(targets) == 1 {
			return targets[0].retClass
		}
		return ""
	case "new_expression", "object_creation_expression", "call":
		callee, _, ok := in.tree.Callee(n)
		if !ok || callee == nil {
			return ""
		}
		if n.Kind == "object_creation_expression" {
			callee = n.Child("type")
		}
		if callee == nil {
			return ""
		}
		name = in.tree.Text(callee)
	default:
		return ""
	}
	if i := strings.IndexByte(name, '<'); i >= 0 {
		name = name[:i]
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if in.run.prog.classes[name] {
		return name
	}
	return ""
}

// iterates lists methods that call a callback with the receiver's
// elements.
var iterates = map[string]bool{
	"forEach": true, "map": true, "filter": true, "flatMap": true, "some": true, "every": true,
	"find": true, "then": true, "reduce": true, "ifPresent": true, "anyMatch": true, "allMatch": true,
}

// mapsTo lists methods whose result holds what their callback returns for
// each element (xs.map(x -> f(x)), promise.then(v => g(v))).
var mapsTo = map[string]bool{
	"map": true, "flatMap": true, "mapToObj": true, "then": true, "thenApply": true, "thenCompose": true,
}

// mapped is the taint of recv.map(callback) from the callback's summary:
// the elements' taint where the callback returns its first parameter,
// plus the sources it returns. ok is false when the callback is not a
// function of the program or has no summary yet.
func (in *interp) mapped(recv *syntax.Node, method string, args []*syntax.Node, recvT taint) (taint, bool) {
	if recv == nil || !mapsTo[method] || len(args) != 1 {
		return nil, false
	}
	cb := in.run.prog.units[args[0]]
	if cb == nil {
		return nil, false
	}
	in.calls[cb] = true
	s := in.run.sums[cb]
	if s == nil {
		return nil, false
	}
	var out taint
	for p := range s.retParams {
		if p.param == 0 {
			out = join(out, recvT)
		}
	}
	return join(out, s.retSrc), true
}

// seedCallbacks gives callbacks passed as arguments the source taint of
// the receiver's elements as their first parameter.
func (in *interp) seedCallbacks(args []*syntax.Node, recvT taint) {
	var real taint
	for _, o := range recvT {
		if o.param < 0 {
			real = append(real, o)
		}
	}
	if real.clean() {
		return
	}
	for _, a := range args {
		cb := in.run.prog.units[a]
		if cb == nil {
			continue
		}
		before := len(in.run.seeds[cb])
		in.run.seeds[cb] = join(in.run.seeds[cb], real)
		if len(in.run.seeds[cb]) != before {
			in.seeded = true
		}
	}
}

// goSlice models the Go slice updates that keep element positions
// known: p = append(p, a, b) adds elements at the end, p = p[k:] and
// p = p[k:e] shift them. It reports whether it handled the assignment.
func (in *interp) goSlice(p string, right *syntax.Node, at *syntax.Node) bool {
	l, known := in.st.lens[p]
	if !known {
		return false
	}
	switch right.Kind {
	case "call_expression":
		if _, m := in.receiverAndMethod(right); m != "append" {
			return false
		}
		args := in.tree.Arguments(right)
		if len(args) == 0 {
			return false
		}
		if q, ok := in.pathOf(args[0]); !ok || q != p {
			return false
		}
		for _, a := range args[1:] {
			if a.Kind == "variadic_argument" {
				return false
			}
		}
		for i, a := range args[1:] {
			t := in.peek(a).step(in.traceStep(at, "propagation", "added to "+p))
			in.st.elem(p, p+elemPath(in.tree.Lang, int64(l+i)), t)
		}
		if _, still := in.st.lens[p]; still {
			in.st.lens[p] = l + len(args) - 1
		}
		return true
	case "slice_expression":
		if q, ok := in.pathOf(right.Child("operand")); !ok || q != p {
			return false
		}
		from, to := int64(0), int64(l)
		if s := right.Child("start"); s != nil {
			v, ok := in.constOf(s, 0)
			if from, ok = v.(int64); !ok {
				return false
			}
		}
		if e := right.Child("end"); e != nil {
			v, ok := in.constOf(e, 0)
			if to, ok = v.(int64); !ok {
				return false
			}
		}
		if from < 0 || to > int64(l) || from > to {
			return false
		}
		// The kept elements move to the front; what the slice itself
		// holds (from its literal) stays, which only over-approximates.
		for i := from; i < to; i++ {
			in.st.vars[p+elemPath(in.tree.Lang, i-from)] = in.st.vars[p+elemPath(in.tree.Lang, i)]
		}
		for i := to - from; i < int64(l); i++ {
			delete(in.st.vars, p+elemPath(in.tree.Lang, i))
		}
		in.st.lens[p] = int(to - from)
		return true
	}
	return false
}
