package taint

import (
	"maps"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
)

// Limits of values.
const (
	// maxOrigins bounds the distinct origins one value carries.
	maxOrigins = 8
	// maxTraceSteps bounds a trace; longer traces keep their first steps
	// and the sink.
	maxTraceSteps = 24
	// maxPaths bounds the access paths one function state tracks.
	maxPaths = 1024
)

// origin is where taint came from: a source (param < 0) or a parameter
// of the function being summarised.
type origin struct {
	param int
	label string
	// field is, for the receiver (param == recvParam), the access path
	// below it that was read (".table"), "" for the whole object: a
	// getter's summary then names the field it returns.
	field string
	trace []finding.TraceStep
}

// taint is a set of origins; nil is clean.
type taint []origin

func (t taint) clean() bool { return len(t) == 0 }

// join unites two taints, keeping one origin per (param, label) with the
// shorter trace.
func join(a, b taint) taint {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make(taint, len(a), len(a)+len(b))
	copy(out, a)
next:
	for _, o := range b {
		for i, p := range out {
			if p.param == o.param && p.label == o.label && p.field == o.field {
				if len(o.trace) < len(p.trace) {
					out[i] = o
				}
				continue next
			}
		}
		if len(out) < maxOrigins {
			out = append(out, o)
		}
	}
	return out
}

// step returns t with one more trace step on every origin.
func (t taint) step(s finding.TraceStep) taint {
	if len(t) == 0 {
		return nil
	}
	out := make(taint, len(t))
	for i, o := range t {
		o.trace = appendSteps(o.trace, s)
		out[i] = o
	}
	return out
}

func appendSteps(tr []finding.TraceStep, steps ...finding.TraceStep) []finding.TraceStep {
	out := make([]finding.TraceStep, 0, min(len(tr)+len(steps), maxTraceSteps))
	out = append(out, tr...)
	for _, s := range steps {
		if len(out) >= maxTraceSteps {
			break
		}
		if n := len(out); n > 0 && out[n-1].Location == s.Location && out[n-1].Kind == s.Kind {
			continue
		}
		out = append(out, s)
	}
	return out
}

// under is the taint of a path below a value of taint t: the origins in
// parameters (the receiver's or another) get the rest of the path as their
// field, so that a caller passes only that field's taint. With
// argFields false only the receiver's origins do: field paths on every
// parameter multiply the origins a summary carries, which doubled the cost
// of analysing large Go code bases, so they are kept to the languages whose
// fixtures need them (see state.argFields).
func (t taint) under(rest string, argFields bool) taint {
	var out taint
	for i, o := range t {
		if o.param < 0 || (!argFields && o.param != recvParam) {
			continue
		}
		if out == nil {
			out = make(taint, len(t))
			copy(out, t)
		}
		out[i].field = o.field + rest
	}
	if out == nil {
		return t
	}
	return out
}

// fromSource reports whether t has an origin in a source, not only in
// parameters.
func (t taint) fromSource() bool {
	for _, o := range t {
		if o.param < 0 {
			return true
		}
	}
	return false
}

// has reports whether t carries the label ("" matches any label).
func (t taint) has(label string) bool {
	for _, o := range t {
		if o.label == label {
			return true
		}
	}
	return false
}

// state is what the interpreter knows at one program point.
type state struct {
	vars   map[string]taint
	consts map[string]any
	// lens is the known length of list-valued paths.
	lens map[string]int
	// classes maps variables to the program class they were constructed
	// from, for resolving method calls on them.
	classes map[string]string
	dead    bool
	// cost counts the work of state operations against the analysis'
	// step budget.
	cost *int
	// argFields: reads below any parameter, not only the receiver, keep
	// the field they read (Java; see taint.under).
	argFields bool
}

func newState(cost *int) *state {
	return &state{vars: map[string]taint{}, consts: map[string]any{}, lens: map[string]int{}, classes: map[string]string{}, cost: cost}
}

func (s *state) charge() { *s.cost += 1 + len(s.vars) + len(s.consts) }

func (s *state) clone() *state {
	s.charge()
	return &state{vars: maps.Clone(s.vars), consts: maps.Clone(s.consts), lens: maps.Clone(s.lens), classes: maps.Clone(s.classes), dead: s.dead, cost: s.cost, argFields: s.argFields}
}

// merge joins o into s (control-flow join).
func (s *state) merge(o *state) {
	s.charge()
	if o.dead {
		return
	}
	if s.dead {
		*s = *o.clone()
		return
	}
	for k, v := range o.vars {
		s.vars[k] = join(s.vars[k], v)
	}
	for k, v := range s.consts {
		if ov, ok := o.consts[k]; !ok || ov != v {
			delete(s.consts, k)
		}
	}
	for k, v := range s.lens {
		if ov, ok := o.lens[k]; !ok || ov != v {
			delete(s.lens, k)
		}
	}
	for k, v := range o.classes {
		s.classes[k] = v
	}
}

// parent cuts the last segment of an access path: "a.b[c]" -> "a.b".
func parent(p string) (string, bool) {
	i := strings.LastIndexAny(p, ".[")
	if i <= 0 {
		return "", false
	}
	return p[:i], true
}

func below(p, prefix string) bool {
	return len(p) > len(prefix) && strings.HasPrefix(p, prefix) && (p[len(prefix)] == '.' || p[len(prefix)] == '[')
}

// read is the taint of a path: its own or its nearest ancestor's, plus
// everything stored below it.
func (s *state) read(p string) taint {
	s.charge()
	if i := strings.Index(p, "[?]"); i >= 0 {
		p = p[:i] // unknown key: any element
	}
	var t taint
	for q := p; ; {
		if v, ok := s.vars[q]; ok {
			t = v
			if q != p {
				t = t.under(p[len(q):], s.argFields)
			}
			break
		}
		var ok bool
		if q, ok = parent(q); !ok {
			break
		}
	}
	for k, v := range s.vars {
		if below(k, p) {
			t = join(t, v)
		}
	}
	return t
}

// write replaces the taint of a path and forgets what was below it.
func (s *state) write(p string, t taint) {
	if i := strings.Index(p, "[?]"); i >= 0 {
		s.weak(p[:i], t) // unknown key: may be any element
		return
	}
	s.charge()
	for k := range s.vars {
		if below(k, p) {
			delete(s.vars, k)
		}
	}
	delete(s.consts, p)
	delete(s.lens, p)
	delete(s.classes, p)
	if len(s.vars) >= maxPaths {
		if _, ok := s.vars[p]; !ok {
			// Too many paths: fold into the root variable (less precise,
			// still sound for taint).
			root := p
			for {
				q, ok := parent(root)
				if !ok {
					break
				}
				root = q
			}
			s.vars[root] = join(s.vars[root], t)
			return
		}
	}
	s.vars[p] = t
}

// weak adds taint to a path without removing what it had.
func (s *state) weak(p string, t taint) {
	if t.clean() {
		return
	}
	s.vars[p] = join(s.vars[p], t)
	delete(s.consts, p)
}

// elem stores the taint of one element of the collection at path p; past
// maxPaths the collection is tracked as a whole.
func (s *state) elem(p, e string, t taint) {
	if _, ok := s.vars[e]; !ok && len(s.vars) >= maxPaths {
		s.weak(p, t)
		delete(s.lens, p)
		return
	}
	s.vars[e] = t
}
