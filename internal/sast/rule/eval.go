package rule

import (
	"bytes"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// maxRegexMatches bounds the matches one regex contributes per file.
const maxRegexMatches = 10_000

// evaluator combines pattern matches into rule results by their ranges.
type evaluator struct {
	tree    *syntax.Tree
	lang    lang.ID
	matches [][]pattern.Match
}

func (ev *evaluator) eval(f *Formula) []pattern.Match {
	switch f.Op {
	case OpPattern:
		i, ok := f.index[ev.lang]
		if !ok {
			return nil
		}
		return ev.matches[i]
	case OpRegex:
		return ev.regex(f)
	case OpInside:
		return ev.eval(f.Children[0])
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
	var out []pattern.Match
	for _, loc := range f.Regex.FindAllIndex(ev.tree.Src, maxRegexMatches) {
		out = append(out, pattern.Match{Start: uint32(loc[0]), End: uint32(loc[1])})
	}
	return out
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
			if !c.positive() || (c.Op == OpInside) != pass {
				continue
			}
			got := ev.eval(c)
			if !started {
				cur, started = append([]pattern.Match(nil), got...), true
				continue
			}
			var next []pattern.Match
			for _, r := range cur {
				for _, q := range got {
					if !(inside(r, q) || c.Op != OpInside && inside(q, r)) {
						continue
					}
					if merged, ok := ev.merge(r, q); ok {
						next = append(next, merged)
						break
					}
				}
			}
			cur = next
		}
	}
	for _, c := range f.Children {
		if len(cur) == 0 {
			return nil
		}
		switch c.Op {
		case OpNot:
			neg := ev.eval(c.Children[0])
			cur = filter(cur, func(r pattern.Match) bool {
				for _, q := range neg {
					if q.Start == r.Start && q.End == r.End && ev.compatible(r, q) {
						return false
					}
				}
				return true
			})
		case OpNotInside:
			neg := ev.eval(c.Children[0])
			cur = filter(cur, func(r pattern.Match) bool {
				for _, q := range neg {
					if inside(r, q) && ev.compatible(r, q) {
						return false
					}
				}
				return true
			})
		case OpNotRegex:
			neg := ev.regex(c)
			cur = filter(cur, func(r pattern.Match) bool {
				for _, q := range neg {
					if overlaps(r, q) {
						return false
					}
				}
				return true
			})
		case OpMetavarRegex:
			cur = filter(cur, func(r pattern.Match) bool {
				b, ok := r.Lookup(c.Metavar)
				return ok && c.Regex.Match(ev.tree.Src[b.Start:b.End])
			})
		case OpMetavarPattern:
			sub := ev.eval(c.Children[0])
			cur = filter(cur, func(r pattern.Match) bool {
				b, ok := r.Lookup(c.Metavar)
				if !ok {
					return false
				}
				bm := pattern.Match{Start: b.Start, End: b.End}
				for _, q := range sub {
					if inside(q, bm) && ev.compatible(r, q) {
						return true
					}
				}
				return false
			})
		}
	}
	for _, c := range f.Children {
		if c.Op != OpFocus {
			continue
		}
		var next []pattern.Match
		for _, r := range cur {
			if b, ok := r.Lookup(c.Metavar); ok && len(b.Nodes) > 0 {
				r.Start, r.End, r.Node = b.Start, b.End, b.Nodes[0]
				next = append(next, r)
			}
		}
		cur = next
	}
	return cur
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
