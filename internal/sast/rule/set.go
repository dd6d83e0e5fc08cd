package rule

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// Source is one rule file's name and content.
type Source struct {
	Name string
	Data []byte
}

// Set is a compiled collection of rules, safe for concurrent use.
type Set struct {
	Rules []*Rule
	langs map[lang.ID]*langSet
}

// langSet is what one grammar needs: the index of every pattern of every
// rule for that language, and the rules.
type langSet struct {
	index    *pattern.Index
	patterns []*pattern.Pattern
	rules    []*Rule
	// owners maps a pattern position to the rules that use it: rules
	// sharing a pattern (taint rules sharing their sources) share one
	// compiled copy.
	owners [][]int
	// byText finds a compiled pattern by its source text.
	byText map[string]int
	// filters are the rules' pre-filters, parallel to rules.
	filters []*prefilter
	// global is parallel to patterns: whether the pattern is searched
	// over the whole file. Patterns used only under a
	// metavariable-pattern are searched within the bound code instead.
	global []bool
	// subsets caches the index of the patterns a set of candidate rules
	// needs, by that set (files tend to have the same candidates), up to
	// maxSubsets entries.
	subsetsMu sync.Mutex
	subsets   map[string]*pattern.Index
}

// maxSubsets bounds the cached pattern subsets per language.
const maxSubsets = 256

// scope is what a metavariable-pattern searches within the code its
// metavariable bound: the patterns of its formula (outside nested
// metavariable-patterns), indexed on their own.
type scope struct {
	index *pattern.Index
	// local maps a pattern's position in the language's index to its
	// position in this one.
	local map[int]int
}

// grammarsFor lists the grammars a rule language covers.
func grammarsFor(id lang.ID) []lang.ID {
	if id == lang.TypeScript {
		return []lang.ID{lang.TypeScript, lang.TSX}
	}
	return []lang.ID{id}
}

// Load parses and compiles rule files. The first problem is returned as a
// *LoadError; duplicate rule ids across files are an error too.
func Load(ctx context.Context, ps *lang.Parsers, sources []Source) (*Set, error) {
	s := &Set{langs: map[lang.ID]*langSet{}}
	seen := map[string]*Rule{}
	for _, src := range sources {
		rules, err := parseFile(src.Name, src.Data)
		if err != nil {
			return nil, err
		}
		for _, r := range rules {
			if prev, dup := seen[r.Meta.ID]; dup {
				return nil, &LoadError{File: r.File, Line: r.Line, RuleID: r.Meta.ID, Reason: fmt.Sprintf("duplicate rule id (also at %s:%d)", prev.File, prev.Line)}
			}
			seen[r.Meta.ID] = r
			if err := s.add(ctx, ps, r); err != nil {
				return nil, err
			}
			s.Rules = append(s.Rules, r)
		}
	}
	for _, ls := range s.langs {
		ls.index = pattern.NewIndex(ls.patterns)
	}
	return s, nil
}

// LoadFS reads every *.yaml and *.yml file below dir in fsys, in lexical
// order.
func LoadFS(ctx context.Context, ps *lang.Parsers, fsys fs.FS, dir string) (*Set, error) {
	srcs, err := ReadFS(fsys, dir)
	if err != nil {
		return nil, err
	}
	return Load(ctx, ps, srcs)
}

// ReadFS collects the rule files below dir.
func ReadFS(fsys fs.FS, dir string) ([]Source, error) {
	var srcs []Source
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !IsRuleFile(p) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		srcs = append(srcs, Source{Name: p, Data: data})
		return nil
	})
	return srcs, err
}

// IsRuleFile reports whether a file name looks like a rule file.
func IsRuleFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

func (s *Set) add(ctx context.Context, ps *lang.Parsers, r *Rule) error {
	for _, l := range r.Languages {
		for _, g := range grammarsFor(l) {
			ls := s.langs[g]
			if ls == nil {
				ls = &langSet{}
				s.langs[g] = ls
			}
			ruleIdx := len(ls.rules)
			if r.Taint != nil {
				for _, f := range r.Taint.formulas() {
					if err := ls.compile(ctx, ps, r, g, f, ruleIdx, false); err != nil {
						return err
					}
				}
				ls.rules = append(ls.rules, r)
				ls.filters = append(ls.filters, nil)
				continue
			}
			if err := ls.compile(ctx, ps, r, g, r.Formula, ruleIdx, false); err != nil {
				return err
			}
			ls.rules = append(ls.rules, r)
			ls.filters = append(ls.filters, buildPrefilter(r.Formula, g))
		}
	}
	return nil
}

// compile compiles the patterns of f for grammar g. scoped is set below a
// metavariable-pattern, whose patterns are searched only within bound
// code.
func (ls *langSet) compile(ctx context.Context, ps *lang.Parsers, r *Rule, g lang.ID, f *Formula, ruleIdx int, scoped bool) error {
	if f.Op == OpPattern {
		key := f.Source + callNamesKey(f.callNames)
		if i, ok := ls.byText[key]; ok {
			if f.patterns == nil {
				f.patterns, f.index = map[lang.ID]*pattern.Pattern{}, map[lang.ID]int{}
			}
			f.patterns[g] = ls.patterns[i]
			f.index[g] = i
			if o := ls.owners[i]; o[len(o)-1] != ruleIdx {
				ls.owners[i] = append(o, ruleIdx)
			}
			ls.global[i] = ls.global[i] || !scoped
			return nil
		}
		p, err := pattern.Compile(ctx, ps, g, f.Source)
		if err != nil && g == lang.TSX && ctx.Err() == nil {
			// TypeScript syntax TSX lacks (<T>x casts): the pattern
			// compiled for .ts files and is left out for .tsx files.
			return nil
		}
		if err != nil {
			var pe *pattern.Error
			if errors.As(err, &pe) {
				return &LoadError{File: r.File, Line: f.Line, RuleID: r.Meta.ID, Reason: pe.Error()}
			}
			return err
		}
		if names, ok := f.callNames[p.CallVar()]; ok {
			p = p.RestrictCalls(names)
		}
		if f.patterns == nil {
			f.patterns, f.index = map[lang.ID]*pattern.Pattern{}, map[lang.ID]int{}
		}
		f.patterns[g] = p
		f.index[g] = len(ls.patterns)
		ls.patterns = append(ls.patterns, p)
		ls.owners = append(ls.owners, []int{ruleIdx})
		ls.global = append(ls.global, !scoped)
		if ls.byText == nil {
			ls.byText = map[string]int{}
		}
		ls.byText[key] = len(ls.patterns) - 1
	}
	for _, c := range f.Children {
		if err := ls.compile(ctx, ps, r, g, c, ruleIdx, scoped || f.Op == OpMetavarPattern); err != nil {
			return err
		}
	}
	if f.Op == OpMetavarPattern {
		ls.scope(f, g)
	}
	return nil
}

// callNamesKey distinguishes copies of one pattern restricted to
// different call names.
func callNamesKey(m map[string][]string) string {
	if len(m) == 0 {
		return ""
	}
	vars := make([]string, 0, len(m))
	for v := range m {
		vars = append(vars, v)
	}
	slices.Sort(vars)
	var b strings.Builder
	for _, v := range vars {
		b.WriteString("\x00" + v + "=" + strings.Join(m[v], "|"))
	}
	return b.String()
}

// scope indexes the patterns of a metavariable-pattern's formula. A
// formula of regexes only gets none: it is evaluated over the file.
func (ls *langSet) scope(f *Formula, g lang.ID) {
	sc := &scope{local: map[int]int{}}
	var pats []*pattern.Pattern
	scans := false
	var walk func(*Formula)
	walk = func(x *Formula) {
		scans = scans || x.Op == OpNodeScan
		if x.Op == OpPattern {
			if i, ok := x.index[g]; ok {
				if _, dup := sc.local[i]; !dup {
					sc.local[i] = len(pats)
					pats = append(pats, ls.patterns[i])
				}
			}
		}
		if x.Op == OpMetavarPattern {
			return // a nested metavariable-pattern has its own scope
		}
		for _, c := range x.Children {
			walk(c)
		}
	}
	for _, c := range f.Children {
		walk(c)
	}
	if len(pats) == 0 && !scans {
		return
	}
	sc.index = pattern.NewIndex(pats)
	if f.scopes == nil {
		f.scopes = map[lang.ID]*scope{}
	}
	f.scopes[g] = sc
}

// Languages lists the grammars any rule targets.
func (s *Set) Languages() []lang.ID {
	var out []lang.ID
	for id := range s.langs {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Targets reports whether some rule applies to files of grammar id.
func (s *Set) Targets(id lang.ID) bool { return s.langs[id] != nil }

// Candidates returns the rules for grammar id whose path filters accept
// path and whose pre-filters the file's words satisfy. When it returns
// none, the file needs no parsing at all.
func (s *Set) Candidates(id lang.ID, filePath string, src []byte) []int {
	ls := s.langs[id]
	if ls == nil {
		return nil
	}
	var words map[string]bool
	var out []int
	for i, r := range ls.rules {
		if r.Taint != nil || !r.paths.allows(filePath) {
			continue
		}
		if words == nil {
			words = Words(src)
		}
		if ls.filters[i].eval(words) {
			out = append(out, i)
		}
	}
	return out
}

// Result is one finding-to-be: the rule and where and what it matched.
type Result struct {
	Rule  *Rule
	Match pattern.Match
}

// Run evaluates the candidate rules (from Candidates) over a tree. When
// matching runs out of steps it returns the results found so far with
// pattern.ErrBudget.
func (s *Set) Run(ctx context.Context, t *syntax.Tree, candidates []int) ([]Result, error) {
	ls := s.langs[t.Lang]
	if ls == nil || len(candidates) == 0 {
		return nil, nil
	}
	active := make([]bool, len(ls.rules))
	for _, i := range candidates {
		active[i] = true
	}
	ev, err := ls.search(ctx, t, active)
	if err != nil && !errors.Is(err, pattern.ErrBudget) {
		return nil, err
	}
	// Out of steps: report what was found so far, with the error.
	var out []Result
	for _, i := range candidates {
		r := ls.rules[i]
		ranges := ev.eval(r.Formula)
		sort.SliceStable(ranges, func(a, b int) bool {
			if ranges[a].Start != ranges[b].Start {
				return ranges[a].Start < ranges[b].Start
			}
			return ranges[a].End > ranges[b].End
		})
		var last *pattern.Match
		for _, m := range ranges {
			if last != nil && last.Start == m.Start && last.End == m.End {
				continue // one finding per range
			}
			out = append(out, Result{Rule: r, Match: m})
			last = &out[len(out)-1].Match
		}
	}
	if err == nil && ev.err != nil {
		err = ev.err
	}
	if err != nil && !errors.Is(err, pattern.ErrBudget) {
		return nil, err
	}
	return out, err
}

// search matches the file-wide patterns of the active rules and returns
// an evaluator over the matches.
func (ls *langSet) search(ctx context.Context, t *syntax.Tree, active []bool) (*evaluator, error) {
	budget := pattern.MaxSteps
	matches, err := ls.subset(active).SearchBudget(ctx, t, nil, nil, &budget)
	ev := &evaluator{ctx: ctx, tree: t, lang: t.Lang, matches: matches, budget: &budget, within: map[withinKey]withinSearch{}}
	return ev, err
}

// pathFilter applies a rule's paths.include and paths.exclude, with
// gitignore semantics as Semgrep does.
type pathFilter struct {
	include, exclude []gitignore.Pattern
}

func newPathFilter(include, exclude []string) *pathFilter {
	pf := &pathFilter{}
	for _, p := range include {
		pf.include = append(pf.include, gitignore.ParsePattern(p, nil))
	}
	for _, p := range exclude {
		pf.exclude = append(pf.exclude, gitignore.ParsePattern(p, nil))
	}
	return pf
}

func (pf *pathFilter) allows(p string) bool {
	if pf == nil {
		return true
	}
	parts := strings.Split(p, "/")
	for _, ex := range pf.exclude {
		if ex.Match(parts, false) == gitignore.Exclude {
			return false
		}
	}
	if len(pf.include) == 0 {
		return true
	}
	for _, in := range pf.include {
		if in.Match(parts, false) == gitignore.Exclude {
			return true
		}
	}
	return false
}

// subset returns the index of the patterns searched over the file for
// the active rules.
func (ls *langSet) subset(active []bool) *pattern.Index {
	key := make([]byte, (len(active)+7)/8)
	for i, a := range active {
		if a {
			key[i/8] |= 1 << (i % 8)
		}
	}
	ls.subsetsMu.Lock()
	ix, ok := ls.subsets[string(key)]
	ls.subsetsMu.Unlock()
	if ok {
		return ix
	}
	ix = ls.index.Subset(ls.wanted(active))
	ls.subsetsMu.Lock()
	if ls.subsets == nil {
		ls.subsets = map[string]*pattern.Index{}
	}
	if len(ls.subsets) < maxSubsets {
		ls.subsets[string(key)] = ix
	}
	ls.subsetsMu.Unlock()
	return ix
}

// wanted reports whether a pattern position is searched over the file
// and serves an active rule.
func (ls *langSet) wanted(active []bool) func(int) bool {
	return func(i int) bool {
		if !ls.global[i] {
			return false
		}
		for _, r := range ls.owners[i] {
			if active[r] {
				return true
			}
		}
		return false
	}
}
