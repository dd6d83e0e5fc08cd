package rule

import (
	"bytes"
	"context"
	"sort"
	"unicode/utf8"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// maxRegexMatches bounds the matches one regex contributes per file.
const maxRegexMatches = 10_000

// maxSameSpanLift bounds the walk from a bound node up through ancestors
// spanning the same code.
const maxSameSpanLift = 64

// evaluator combines pattern matches into rule results by their ranges.
type evaluator struct {
	ctx     context.Context
	tree    *syntax.Tree
	lang    lang.ID
	matches [][]pattern.Match
	// local, when set, maps a pattern's position in the language's index
	// to its position in matches (the evaluator of a scope).
	local map[int]int
	// budget is the step budget of the file, shared by every search.
	budget *int
	// within caches the searches of a metavariable-pattern per bound
	// range; shared with the evaluators of scopes.
	within map[withinKey]withinSearch
	// env are the bindings of the enclosing result a metavariable-pattern
	// is evaluated for: every match inside must agree with them, and
	// carries them, as in Semgrep.
	env []pattern.Binding
	// roots are the subtrees a scope's evaluator searches (nil: the
	// whole file).
	roots []*syntax.Node
	// err is the first error of a search within bound code.
	err error
	// spans caches, per metavariable-regex guarding a node scan, where
	// its required literals occur in the file.
	spans map[*Formula][]litSpan
}

type withinKey struct {
	f          *Formula
	start, end uint32
}

// withinSearch is what a metavariable-pattern found in one bound range
// before its formula combines it: the matches of its patterns and the
// subtrees searched (or, for a formula without patterns, its results).
type withinSearch struct {
	matches [][]pattern.Match
	roots   []*syntax.Node
	out     []pattern.Match
}

// withEnv keeps the matches that agree with the enclosing bindings and
// adds those bindings to them.
func (ev *evaluator) withEnv(ms []pattern.Match) []pattern.Match {
	if len(ev.env) == 0 {
		return ms
	}
	env := pattern.Match{Binds: ev.env}
	out := make([]pattern.Match, 0, len(ms))
	for _, m := range ms {
		if merged, ok := ev.merge(m, env); ok {
			out = append(out, merged)
		}
	}
	return out
}

func (ev *evaluator) eval(f *Formula) []pattern.Match {
	switch f.Op {
	case OpPattern:
		i, ok := f.index[ev.lang]
		if !ok {
			return nil
		}
		if ev.local != nil {
			if i, ok = ev.local[i]; !ok {
				return nil
			}
		}
		return ev.withEnv(ev.matches[i])
	case OpRegex:
		return ev.withEnv(ev.regex(f))
	case OpNodeScan:
		return ev.withEnv(ev.scan(f))
	case OpInside:
		got := ev.eval(f.Children[0])
		out := make([]pattern.Match, len(got))
		for i, m := range got {
			m.Inside = true
			out[i] = m
		}
		return out
	case OpOr:
		var out []pattern.Match
		for _, c := range f.Children {
			out = append(out, ev.eval(c)...)
		}
		return out
	case OpAnd:
		return ev.and(f)
	}
	return nil
}

func (ev *evaluator) regex(f *Formula) []pattern.Match {
	// A file without any of the regex's required literals has no match;
	// checking that is much cheaper than running the regex over it.
	if !containsAnyFold(ev.tree.Src, f.literals) {
		return nil
	}
	var out []pattern.Match
	for _, loc := range f.Regex.FindAllIndex(ev.tree.Src, maxRegexMatches) {
		out = append(out, pattern.Match{Start: uint32(loc[0]), End: uint32(loc[1])})
	}
	return out
}

// lineSpan widens a match to the whole lines it covers.
func (ev *evaluator) lineSpan(m pattern.Match) pattern.Match {
	src := ev.tree.Src
	s, e := int(m.Start), int(m.End)
	for s > 0 && src[s-1] != '\n' {
		s--
	}
	for e < len(src) && src[e] != '\n' {
		e++
	}
	return pattern.Match{Start: uint32(s), End: uint32(e)}
}

func inside(inner, outer pattern.Match) bool {
	return outer.Start <= inner.Start && inner.End <= outer.End
}

func overlaps(a, b pattern.Match) bool {
	return a.Start < b.End && b.Start < a.End
}

// and implements "patterns": positive operands intersect (a range of the
// first must lie inside a range of each other one, with consistent
// metavariables), then negative operands and metavariable conditions
// filter, then focus-metavariable narrows.
func (ev *evaluator) and(f *Formula) []pattern.Match {
	var cur []pattern.Match
	started := false
	// Plain positives first, so that pattern-inside restricts them.
	for _, pass := range []bool{false, true} {
		for _, c := range f.Children {
			if !c.positive() || c.insideOnly() != pass {
				continue
			}
			got := ev.eval(c)
			if !started {
				cur, started = append([]pattern.Match(nil), got...), true
				continue
			}
			cur = ev.intersect(cur, got)
		}
	}
	cur = ev.occurrences(f, cur)
	for _, c := range f.Children {
		if len(cur) == 0 {
			return nil
		}
		switch c.Op {
		case OpNot:
			neg := map[[2]uint32][]pattern.Match{}
			for _, q := range ev.eval(c.Children[0]) {
				k := [2]uint32{q.Start, q.End}
				neg[k] = append(neg[k], q)
			}
			cur = filter(cur, func(r pattern.Match) bool {
				for _, q := range neg[[2]uint32{r.Start, r.End}] {
					if ev.compatible(r, q) {
						return false
					}
				}
				return true
			})
		case OpNotInside:
			neg := newRangeIndex(ev.eval(c.Children[0]))
			cur = filter(cur, func(r pattern.Match) bool {
				_, found := neg.container(r, func(r, q pattern.Match) (pattern.Match, bool) {
					return r, ev.compatible(r, q)
				})
				return !found
			})
		case OpNotRegex:
			// A regex match anywhere on the lines of a result removes it,
			// so that a trailing comment can exempt a line.
			neg := ev.regex(c)
			cur = filter(cur, func(r pattern.Match) bool {
				lines := ev.lineSpan(r)
				for _, q := range neg {
					if overlaps(lines, q) {
						return false
					}
				}
				return true
			})
		case OpMetavarRegex:
			cur = filter(cur, func(r pattern.Match) bool {
				b, ok := r.Lookup(c.Metavar)
				if !ok {
					return false
				}
				if text := ev.tree.Src[b.Start:b.End]; c.mayMatch(text) && c.Regex.Match(text) {
					return true
				}
				// A constant string also matches by its value, so that
				// both '"md5"' and 'md5' work as regexes.
				return len(b.Nodes) == 1 && ev.valueGuard(c, b.Nodes[0])
			})
		case OpMetavarComparison:
			cur = filter(cur, func(r pattern.Match) bool {
				v, ok := c.comparison.eval(func(name string) (any, bool) { return ev.value(r, name) })
				b, isBool := v.(bool)
				return ok && isBool && b
			})
		case OpMetavarPattern:
			// The formula sees the metavariables bound so far, and a
			// result gains those its match binds.
			next := cur[:0:0]
			for _, r := range cur {
				b, ok := r.Lookup(c.Metavar)
				if !ok {
					continue
				}
				for _, q := range ev.inBinding(c, b, r.Binds) {
					if b.Start <= q.Start && q.End <= b.End {
						if merged, ok := ev.merge(r, q); ok {
							next = append(next, merged)
							break
						}
					}
				}
			}
			cur = next
		}
	}
	for _, c := range f.Children {
		if c.Op != OpBindMatch {
			continue
		}
		for i := range cur {
			r := &cur[i]
			if _, bound := r.Lookup(c.Metavar); !bound && r.Node != nil {
				r.Binds = append(r.Binds[:len(r.Binds):len(r.Binds)], pattern.Binding{Name: c.Metavar, Nodes: []*syntax.Node{r.Node}, Start: r.Start, End: r.End})
			}
		}
	}
	for _, c := range f.Children {
		if c.Op != OpFocus {
			continue
		}
		var next []pattern.Match
		for _, r := range cur {
			if b, ok := r.Lookup(c.Metavar); ok && len(b.Nodes) > 0 {
				r.Start, r.End, r.Node, r.Inside = b.Start, b.End, b.Nodes[0], false
				next = append(next, r)
			}
		}
		cur = next
	}
	return cur
}

// occurrences implements "pattern: $X" next to pattern-inside operands
// only, one of which binds $X: the results are the later occurrences of
// the bound code within each enclosing range, not the range itself.
func (ev *evaluator) occurrences(f *Formula, cur []pattern.Match) []pattern.Match {
	var name string
	for _, c := range f.Children {
		if c.Op == OpBindMatch {
			name = c.Metavar
		}
	}
	if name == "" || len(cur) == 0 || !allInside(cur) {
		return cur
	}
	var out []pattern.Match
	seen := map[[2]uint32]bool{}
	for _, r := range cur {
		b, ok := r.Lookup(name)
		if !ok || len(b.Nodes) != 1 {
			out = append(out, r)
			continue
		}
		want := b.Nodes[0]
		root := r.Node
		for root != nil && root.End < r.End {
			root = root.Parent
		}
		if root == nil {
			root = ev.tree.Root
		}
		syntax.Walk(root, func(n *syntax.Node) bool {
			if n.End <= b.End || n.Start >= r.End {
				return n.End > b.End && n.Start < r.End
			}
			if ev.err != nil {
				return false
			}
			if *ev.budget--; *ev.budget < 0 {
				ev.err = pattern.ErrBudget
				return false
			}
			if n.Start < b.End || n.Kind != want.Kind || isMemberName(n) {
				return true
			}
			x := pattern.Binding{Name: name, Nodes: []*syntax.Node{n}, Start: n.Start, End: n.End}
			if !ev.sameCode(b, x) {
				return true
			}
			if k := [2]uint32{n.Start, n.End}; !seen[k] {
				seen[k] = true
				out = append(out, pattern.Match{Start: n.Start, End: n.End, Node: n, Binds: r.Binds})
			}
			return false
		})
	}
	return out
}

// isMemberName reports whether n names a member after a dot (obj.data):
// that is not an occurrence of a variable of the same name.
func isMemberName(n *syntax.Node) bool {
	switch n.Field {
	case "attribute", "property", "field":
		return true
	}
	return false
}

func allInside(ms []pattern.Match) bool {
	for _, m := range ms {
		if !m.Inside {
			return false
		}
	}
	return true
}

// intersect combines the ranges of the positive operands seen so far
// with those of one more. Two plain ranges combine when either contains
// the other, keeping the range from cur. A pattern-inside range (Inside,
// also when it comes through pattern-either) only encloses: the plain
// range inside it is kept, so that the result lands on the code of
// interest, not on the enclosing block.
func (ev *evaluator) intersect(cur, got []pattern.Match) []pattern.Match {
	var next []pattern.Match
	if !anyInside(cur) {
		containers := newRangeIndex(got)
		plain := got
		if anyInside(got) {
			plain = filter(got, func(q pattern.Match) bool { return !q.Inside })
		}
		for _, r := range cur {
			merged, ok := containers.container(r, ev.merge)
			if !ok {
				merged, ok = ev.containedIn(r, plain)
			}
			if ok {
				next = append(next, merged)
			}
		}
		return next
	}
	// Some ranges of cur only enclose: plain ranges of got inside them
	// are results, and enclosing ranges of got narrow them.
	var curPlain, curInside []pattern.Match
	for _, r := range cur {
		if r.Inside {
			curInside = append(curInside, r)
		} else {
			curPlain = append(curPlain, r)
		}
	}
	if len(curPlain) > 0 {
		next = ev.intersect(curPlain, got)
	}
	enclosing := newRangeIndex(curInside)
	var gotInside []pattern.Match
	for _, q := range got {
		if q.Inside {
			gotInside = append(gotInside, q)
			continue
		}
		if merged, ok := enclosing.container(q, ev.merge); ok {
			next = append(next, merged)
		}
	}
	if len(gotInside) > 0 {
		containers := newRangeIndex(gotInside)
		for _, r := range curInside {
			if merged, ok := containers.container(r, ev.merge); ok {
				next = append(next, merged)
			}
		}
	}
	return next
}

func anyInside(ms []pattern.Match) bool {
	for _, m := range ms {
		if m.Inside {
			return true
		}
	}
	return false
}

// inBinding evaluates the formula of metavariable-pattern c over the code
// bound in b: its patterns are searched in the subtrees of the bound
// nodes only, so that a pattern such as "$X" does not visit the whole
// file. env are the bindings of the result being checked: the formula's
// matches must agree with them. The searches are cached per bound range;
// only the combination is redone for each env.
func (ev *evaluator) inBinding(c *Formula, b pattern.Binding, env []pattern.Binding) []pattern.Match {
	sc := c.scopes[ev.lang]
	key := withinKey{c, b.Start, b.End}
	if sc == nil {
		key.start, key.end = 0, 0
	}
	if got, ok := ev.within[key]; ok {
		return ev.combineWithin(c, sc, got, env)
	}
	var got withinSearch
	if sc == nil {
		got.out = ev.eval(c.Children[0])
	} else {
		matches := make([][]pattern.Match, len(sc.local))
		roots := make([]*syntax.Node, 0, len(b.Nodes))
		for _, n := range b.Nodes {
			// Start from the outermost node spanning the same code, so
			// that a pattern matching a wrapper of the bound node (an
			// expression list of one expression) still matches.
			for range maxSameSpanLift {
				if n.Parent == nil || n.Parent.Start != n.Start || n.Parent.End != n.End {
					break
				}
				n = n.Parent
			}
			roots = append(roots, n)
			got, err := sc.index.SearchBudget(ev.ctx, ev.tree, n, nil, ev.budget)
			for i := range got {
				matches[i] = append(matches[i], got[i]...)
			}
			if err != nil {
				if ev.err == nil {
					ev.err = err
				}
				break
			}
		}
		got.matches, got.roots = matches, roots
	}
	ev.within[key] = got
	return ev.combineWithin(c, sc, got, env)
}

// combineWithin evaluates a metavariable-pattern's formula over the
// matches searched in a bound range, under the enclosing bindings env.
func (ev *evaluator) combineWithin(c *Formula, sc *scope, got withinSearch, env []pattern.Binding) []pattern.Match {
	if sc == nil {
		sub := *ev
		sub.env = env
		return sub.withEnv(got.out)
	}
	sub := &evaluator{ctx: ev.ctx, tree: ev.tree, lang: ev.lang, matches: got.matches, local: sc.local, budget: ev.budget, within: ev.within, roots: got.roots, env: env, spans: ev.spans}
	out := sub.eval(c.Children[0])
	if sub.err != nil && ev.err == nil {
		ev.err = sub.err
	}
	return out
}

// scan implements OpNodeScan: every named node below the roots whose
// code passes the guards is a match binding f.Metavar, in preorder.
func (ev *evaluator) scan(f *Formula) []pattern.Match {
	roots := ev.roots
	if roots == nil {
		roots = []*syntax.Node{ev.tree.Root}
	}
	var out []pattern.Match
	for _, root := range roots {
		if root == nil {
			continue
		}
		syntax.Walk(root, func(n *syntax.Node) bool {
			if ev.err != nil {
				return false
			}
			if *ev.budget--; *ev.budget < 0 {
				ev.err = pattern.ErrBudget
				return false
			}
			if !n.Named {
				return true
			}
			for _, g := range f.Guards {
				if !ev.scanGuard(g, n) {
					return true
				}
			}
			out = append(out, pattern.Match{Start: n.Start, End: n.End, Node: n,
				Binds: []pattern.Binding{{Name: f.Metavar, Nodes: []*syntax.Node{n}, Start: n.Start, End: n.End}}})
			return true
		})
	}
	return out
}

// scanGuard applies a metavariable-regex to the code of one node: its
// text or, for a constant string, its value. Whether the text holds one
// of the regex's required literals is looked up in where they occur in
// the file, found once, rather than searched in the text of every node
// (the root's text is the whole file, its children's nearly so).
func (ev *evaluator) scanGuard(c *Formula, n *syntax.Node) bool {
	text := ev.tree.Src[n.Start:n.End]
	if c.first.mayMatch(text) && ev.hasLiteral(c, n.Start, n.End) && c.Regex.Match(text) {
		return true
	}
	return ev.valueGuard(c, n)
}

// litSpan is where a required literal (or a non-ASCII byte, which
// containsAnyFold lets through) occurs in the file.
type litSpan struct{ start, end uint32 }

// hasLiteral is containsAnyFold(src[start:end], c.literals) through the
// occurrences of c's literals in the file.
func (ev *evaluator) hasLiteral(c *Formula, start, end uint32) bool {
	if len(c.literals) == 0 {
		return true
	}
	if ev.spans == nil {
		ev.spans = map[*Formula][]litSpan{}
	}
	spans, ok := ev.spans[c]
	if !ok {
		spans = literalSpans(ev.tree.Src, c.literals)
		ev.spans[c] = spans
	}
	i := sort.Search(len(spans), func(i int) bool { return spans[i].start >= start })
	// Spans starting inside the range but ending past it all start
	// within the longest literal's length of its end: few to skip.
	for ; i < len(spans) && spans[i].start < end; i++ {
		if spans[i].end <= end {
			return true
		}
	}
	return false
}

// literalSpans lists, sorted by start, every occurrence in src of the
// literals (lower case) ignoring ASCII case, and every non-ASCII byte.
func literalSpans(src []byte, lits []string) []litSpan {
	var out []litSpan
	for i := 0; i < len(src); i++ {
		if src[i] >= utf8.RuneSelf {
			out = append(out, litSpan{uint32(i), uint32(i + 1)})
			continue
		}
		for _, lit := range lits {
			if i+len(lit) > len(src) || lowerASCII(src[i]) != lit[0] {
				continue
			}
			j := 1
			for j < len(lit) && lowerASCII(src[i+j]) == lit[j] {
				j++
			}
			if j == len(lit) {
				out = append(out, litSpan{uint32(i), uint32(i + len(lit))})
			}
		}
	}
	return out
}

// mayMatch is the cheap test before running a metavariable-regex: the
// first byte and the required literals.
func (c *Formula) mayMatch(text []byte) bool {
	return c.first.mayMatch(text) && containsAnyFold(text, c.literals)
}

// valueGuard applies a metavariable-regex to a constant string's value.
func (ev *evaluator) valueGuard(c *Formula, n *syntax.Node) bool {
	v, ok := ev.tree.ConstantValue(n)
	return ok && c.first.mayMatchString(v) && containsAnyFold(v, c.literals) && c.Regex.MatchString(v)
}

// value is what metavariable-comparison sees for a binding: an integer
// literal's number, a constant string's value, or the source text.
func (ev *evaluator) value(r pattern.Match, name string) (any, bool) {
	b, ok := r.Lookup(name)
	if !ok {
		return nil, false
	}
	if len(b.Nodes) == 1 {
		if s, ok := ev.tree.ConstantValue(b.Nodes[0]); ok {
			return s, true
		}
	}
	text := string(ev.tree.Src[b.Start:b.End])
	if n, ok := intLiteral(text); ok {
		return n, true
	}
	return text, true
}

// containedIn finds a match of qs lying inside r (for two plain positive
// patterns, either may be the larger).
func (ev *evaluator) containedIn(r pattern.Match, qs []pattern.Match) (pattern.Match, bool) {
	for _, q := range qs {
		if inside(q, r) {
			if merged, ok := ev.merge(r, q); ok {
				return merged, true
			}
		}
	}
	return r, false
}

// rangeIndex answers "which ranges contain r" without comparing every
// pair: ranges sorted by start, with the running maximum of their ends.
type rangeIndex struct {
	qs     []pattern.Match
	maxEnd []uint32
}

func sortedByStart(qs []pattern.Match) []pattern.Match {
	out := append([]pattern.Match(nil), qs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func newRangeIndex(qs []pattern.Match) *rangeIndex {
	ix := &rangeIndex{qs: sortedByStart(qs), maxEnd: make([]uint32, len(qs))}
	var m uint32
	for i, q := range ix.qs {
		m = max(m, q.End)
		ix.maxEnd[i] = m
	}
	return ix
}

// container returns the first accepted combination of r with a range
// containing it.
func (ix *rangeIndex) container(r pattern.Match, accept func(r, q pattern.Match) (pattern.Match, bool)) (pattern.Match, bool) {
	j := sort.Search(len(ix.qs), func(i int) bool { return ix.qs[i].Start > r.Start }) - 1
	for ; j >= 0 && ix.maxEnd[j] >= r.End; j-- {
		if q := ix.qs[j]; q.End >= r.End {
			if out, ok := accept(r, q); ok {
				return out, true
			}
		}
	}
	return r, false
}

func filter(ms []pattern.Match, keep func(pattern.Match) bool) []pattern.Match {
	out := ms[:0:0]
	for _, m := range ms {
		if keep(m) {
			out = append(out, m)
		}
	}
	return out
}

// compatible reports whether two matches bound their shared
// metavariables to the same code.
func (ev *evaluator) compatible(a, b pattern.Match) bool {
	for _, x := range a.Binds {
		if y, ok := b.Lookup(x.Name); ok && !ev.sameCode(x, y) {
			return false
		}
	}
	return true
}

func (ev *evaluator) sameCode(x, y pattern.Binding) bool {
	if len(x.Nodes) == 1 && len(y.Nodes) == 1 && x.Nodes[0].IsString && y.Nodes[0].IsString {
		return x.Nodes[0].Str == y.Nodes[0].Str
	}
	a, b := ev.tree.Src[x.Start:x.End], ev.tree.Src[y.Start:y.End]
	return bytes.Equal(a, b) || bytes.Equal(bytes.Join(bytes.Fields(a), nil), bytes.Join(bytes.Fields(b), nil))
}

// merge keeps r's range and adds q's bindings, if consistent.
func (ev *evaluator) merge(r, q pattern.Match) (pattern.Match, bool) {
	if !ev.compatible(r, q) {
		return r, false
	}
	out := r
	out.Binds = append([]pattern.Binding(nil), r.Binds...)
	for _, b := range q.Binds {
		if _, ok := r.Lookup(b.Name); !ok {
			out.Binds = append(out.Binds, b)
		}
	}
	return out, true
}
