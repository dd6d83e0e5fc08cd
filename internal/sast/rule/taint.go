package rule

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// ModeTaint is the mode of taint rules.
const ModeTaint = "taint"

// maxTaintSpecs bounds the sources, sinks, sanitizers and propagators of
// one rule.
const maxTaintSpecs = 500

// SpecKind says what a taint spec is.
type SpecKind int

// Taint spec kinds.
const (
	SpecSource SpecKind = iota
	SpecSink
	SpecSanitizer
	SpecPropagator
)

// TaintSpec is one item of pattern-sources, pattern-sinks,
// pattern-sanitizers or pattern-propagators.
type TaintSpec struct {
	Kind    SpecKind
	Formula *Formula
	// Label is the label a source gives its taint ("" is the default
	// label); Requires is the label expression a sink or a labelled
	// source needs (a label name, or names joined with " and " / " or ").
	Label    string
	Requires string
	// From and To are the metavariables of a propagator.
	From, To string
	// BySideEffect makes a source or sanitizer also change the variable
	// it matched, not only the expression.
	BySideEffect bool
}

// Taint is the taint part of a rule.
type Taint struct {
	Sources, Sinks, Sanitizers, Propagators []*TaintSpec
}

var taintKeys = []struct {
	key  string
	kind SpecKind
}{
	{"pattern-sources", SpecSource},
	{"pattern-sinks", SpecSink},
	{"pattern-sanitizers", SpecSanitizer},
	{"pattern-propagators", SpecPropagator},
}

// taintSpecs parses the taint keys of a rule.
func (p *ruleParser) taint(fields map[string]*yaml.Node, n *yaml.Node) (*Taint, error) {
	t := &Taint{}
	for _, tk := range taintKeys {
		v := fields[tk.key]
		if v == nil {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			return nil, p.errf(v, "%s must be a list", tk.key)
		}
		if len(v.Content) > maxTaintSpecs {
			return nil, p.errf(v, "more than %d items in %s", maxTaintSpecs, tk.key)
		}
		for _, item := range v.Content {
			s, err := p.taintSpec(tk.key, tk.kind, resolve(item))
			if err != nil {
				return nil, err
			}
			switch tk.kind {
			case SpecSource:
				t.Sources = append(t.Sources, s)
			case SpecSink:
				t.Sinks = append(t.Sinks, s)
			case SpecSanitizer:
				t.Sanitizers = append(t.Sanitizers, s)
			case SpecPropagator:
				t.Propagators = append(t.Propagators, s)
			}
		}
	}
	if len(t.Sources) == 0 || len(t.Sinks) == 0 {
		return nil, p.errf(n, "a taint rule needs pattern-sources and pattern-sinks")
	}
	return t, nil
}

func (p *ruleParser) taintSpec(key string, kind SpecKind, item *yaml.Node) (*TaintSpec, error) {
	if item == nil || item.Kind != yaml.MappingNode {
		return nil, p.errf(item, "each item of %s is a mapping with a pattern key", key)
	}
	s := &TaintSpec{Kind: kind}
	for _, kv := range pairs(item) {
		k, v := kv[0].Value, resolve(kv[1])
		switch k {
		case "pattern", "patterns", "pattern-either", "pattern-regex":
			if s.Formula != nil {
				return nil, p.errf(kv[0], "only one of pattern, patterns, pattern-either and pattern-regex may be given")
			}
			f, err := p.formula(k, v, 0)
			if err != nil {
				return nil, err
			}
			s.Formula = f
		case "label":
			if kind != SpecSource {
				return nil, p.errf(kv[0], "label is only allowed on sources")
			}
			s.Label, _ = scalar(v)
		case "requires":
			if kind != SpecSink && kind != SpecSource {
				return nil, p.errf(kv[0], "requires is only allowed on sources and sinks")
			}
			s.Requires, _ = scalar(v)
			if _, err := parseLabelExpr(s.Requires); err != nil {
				return nil, p.errf(v, "requires: %v", err)
			}
		case "from", "to":
			if kind != SpecPropagator {
				return nil, p.errf(kv[0], "%s is only allowed on propagators", k)
			}
			mv, _ := scalar(v)
			if !pattern.IsMetavariable(mv) {
				return nil, p.errf(v, "%s must be a metavariable such as $X", k)
			}
			if k == "from" {
				s.From = mv
			} else {
				s.To = mv
			}
		case "by-side-effect":
			b, _ := scalar(v)
			s.BySideEffect = b == "true" || b == "only"
		case "exact", "not-conflicting", "control", "replace-labels":
			// Accepted for compatibility; matching is always exact here.
		default:
			return nil, p.errf(kv[0], "unknown key %q in %s", k, key)
		}
	}
	if s.Formula == nil {
		return nil, p.errf(item, "%s item needs pattern, patterns, pattern-either or pattern-regex", key)
	}
	if kind == SpecPropagator && (s.From == "" || s.To == "") {
		return nil, p.errf(item, "a propagator needs from and to metavariables")
	}
	return s, nil
}

// LabelExpr is a parsed requires expression: a disjunction of
// conjunctions of label names.
type LabelExpr [][]string

// parseLabelExpr parses "A", "A and B", "A or B and C" (and binds
// tighter). The empty string is the default label.
func parseLabelExpr(s string) (LabelExpr, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var out LabelExpr
	for _, alt := range strings.Split(s, " or ") {
		var conj []string
		for _, name := range strings.Split(alt, " and ") {
			name = strings.TrimSpace(name)
			if name == "" || strings.ContainsAny(name, " ()") {
				return nil, fmt.Errorf("%q is not a label expression (labels joined with and / or)", s)
			}
			conj = append(conj, name)
		}
		out = append(out, conj)
	}
	return out, nil
}

// Satisfied reports whether the set of labels satisfies the expression
// of a spec's Requires ("" needs any taint).
func Satisfied(requires string, has func(label string) bool) bool {
	e, err := parseLabelExpr(requires)
	if err != nil {
		return false
	}
	if e == nil {
		return true
	}
	for _, conj := range e {
		ok := true
		for _, l := range conj {
			if !has(l) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// SpecMatch is one match of a taint spec in a file.
type SpecMatch struct {
	Spec  *TaintSpec
	Match pattern.Match
}

// TaintMatches are the matches of one taint rule's specs in a file.
type TaintMatches struct {
	Rule *Rule
	// Specs holds every spec match, sources first, then sinks,
	// sanitizers and propagators.
	Specs []SpecMatch
}

// TaintRules returns the taint rules for grammar id whose path filters
// accept the path.
func (s *Set) TaintRules(id lang.ID, filePath string) []int {
	ls := s.langs[id]
	if ls == nil {
		return nil
	}
	var out []int
	for i, r := range ls.rules {
		if r.Taint != nil && r.paths.allows(filePath) {
			out = append(out, i)
		}
	}
	return out
}

// RunTaint matches the specs of the given taint rules (from TaintRules)
// over a tree. When matching runs out of steps it returns what was found
// with pattern.ErrBudget.
func (s *Set) RunTaint(ctx context.Context, t *syntax.Tree, rules []int) ([]TaintMatches, error) {
	ls := s.langs[t.Lang]
	if ls == nil || len(rules) == 0 {
		return nil, nil
	}
	active := make([]bool, len(ls.rules))
	for _, i := range rules {
		active[i] = true
	}
	ev, err := ls.search(ctx, t, active)
	if err != nil && !isBudget(err) {
		return nil, err
	}
	var out []TaintMatches
	for _, i := range rules {
		r := ls.rules[i]
		tm := TaintMatches{Rule: r}
		for _, group := range [][]*TaintSpec{r.Taint.Sources, r.Taint.Sinks, r.Taint.Sanitizers, r.Taint.Propagators} {
			for _, sp := range group {
				for _, m := range ev.eval(sp.Formula) {
					tm.Specs = append(tm.Specs, SpecMatch{Spec: sp, Match: m})
				}
			}
		}
		out = append(out, tm)
	}
	if err == nil && ev.err != nil {
		err = ev.err
	}
	if err != nil && !isBudget(err) {
		return nil, err
	}
	return out, err
}

// specs lists the formulas of a taint rule, for compiling.
func (t *Taint) formulas() []*Formula {
	var out []*Formula
	for _, group := range [][]*TaintSpec{t.Sources, t.Sinks, t.Sanitizers, t.Propagators} {
		for _, s := range group {
			out = append(out, s.Formula)
		}
	}
	return out
}

func isBudget(err error) bool { return errors.Is(err, pattern.ErrBudget) }

// Focused reports whether the spec narrows its matches with
// focus-metavariable (a sink naming the dangerous argument rather than
// the whole call).
func (s *TaintSpec) Focused() bool {
	var walk func(f *Formula) bool
	walk = func(f *Formula) bool {
		if f.Op == OpFocus {
			return true
		}
		for _, c := range f.Children {
			if c.Op != OpNot && c.Op != OpNotInside && walk(c) {
				return true
			}
		}
		return false
	}
	return walk(s.Formula)
}
