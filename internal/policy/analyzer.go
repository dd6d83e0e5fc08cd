package policy

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/rule"
	"github.com/socyber/codeaudit/internal/sast/syntax"
	"github.com/socyber/codeaudit/internal/source"
)

const analyzerName = "policy"

// Limits of analysis and reporting.
const (
	// maxHelperDepth is how many levels of local helper functions are
	// followed when looking for the required call.
	maxHelperDepth = 3
	// maxFindingsPerFile bounds the findings one file can produce.
	maxFindingsPerFile = 1000
	// maxCodeText bounds the code quoted in a message.
	maxCodeText = 60
)

// Options configures the analyzer.
type Options struct {
	// Files are policy files (--policy, repeatable).
	Files []string
	// Logger receives debug records; nil discards.
	Logger *slog.Logger
}

// Analyzer checks required-call policies. It is safe for concurrent use.
type Analyzer struct {
	policies []*Policy
	langs    map[lang.ID]*langPatterns
	parsers  *lang.Parsers
	logger   *slog.Logger
}

// New loads and compiles the policy files. A broken file yields a
// *rule.LoadError carrying the file, line and reason.
func New(opts Options) (*Analyzer, error) {
	return NewContext(context.Background(), opts)
}

// NewContext is New with a context bounding pattern compilation.
func NewContext(ctx context.Context, opts Options) (*Analyzer, error) {
	var srcs []rule.Source
	for _, name := range opts.Files {
		st, err := os.Stat(name)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		if st.Size() > MaxPolicyFileSize {
			return nil, &rule.LoadError{File: name, Reason: fmt.Sprintf("policy file larger than %d bytes", MaxPolicyFileSize)}
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		srcs = append(srcs, rule.Source{Name: name, Data: data})
	}
	return Load(ctx, srcs, opts.Logger)
}

// Load is NewContext over policy files already read.
func Load(ctx context.Context, srcs []rule.Source, logger *slog.Logger) (*Analyzer, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	var pols []*Policy
	seen := map[string]string{}
	for _, s := range srcs {
		ps, err := parseFile(s.Name, s.Data)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if prev, dup := seen[p.Missing.ID]; dup {
				return nil, &rule.LoadError{File: s.Name, Line: p.line, RuleID: p.Missing.ID, Reason: "id already used in " + prev}
			}
			seen[p.Missing.ID] = fmt.Sprintf("%s:%d", s.Name, p.line)
		}
		pols = append(pols, ps...)
	}
	parsers := lang.NewParsers()
	langs, err := compile(ctx, parsers, pols)
	if err != nil {
		parsers.Close()
		return nil, err
	}
	logger.Debug("policies loaded", "policies", len(pols))
	return &Analyzer{policies: pols, langs: langs, parsers: parsers, logger: logger}, nil
}

// Close releases the pooled parsers.
func (a *Analyzer) Close() { a.parsers.Close() }

// Policies returns the loaded policies.
func (a *Analyzer) Policies() []*Policy { return a.policies }

// Info describes the analyzer.
func (a *Analyzer) Info() analyzer.Info {
	return analyzer.Info{
		Name:        analyzerName,
		Scanner:     analyzer.ScannerSAST,
		Description: "required-call policies: every matching handler must call a function (before an action)",
	}
}

// Rules returns the metadata of every policy: its missing-call rule and,
// for policies with a before clause, its wrong-order rule.
func (a *Analyzer) Rules() []finding.Rule {
	var out []finding.Rule
	for _, p := range a.policies {
		out = append(out, *p.Missing)
		if p.Order != nil {
			out = append(out, *p.Order)
		}
	}
	return out
}

// Wants reports whether some policy targets the file's language.
func (a *Analyzer) Wants(f *source.File) bool {
	if f.Binary {
		return false
	}
	id := lang.ForFile(f)
	return id != "" && a.langs[id] != nil
}

// AnalyzeFile checks the policies over one file.
func (a *Analyzer) AnalyzeFile(ctx context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	id := lang.ForFile(&t.File)
	lp := a.langs[id]
	if lp == nil {
		return nil
	}
	// Pre-filter: a policy whose trigger (before, or else must-call
	// absent from a whole file full of handlers) cannot occur is skipped.
	words := rule.Words(t.Content)
	var active []*Policy
	for _, p := range a.policies {
		c := p.langs[id]
		if c == nil {
			continue
		}
		if len(p.Before) > 0 && !anyPossible(lp, c.before, words) {
			continue
		}
		active = append(active, p)
	}
	if len(active) == 0 {
		return nil
	}
	tree, err := syntax.Build(ctx, a.parsers, id, t.Content)
	if err != nil {
		return fmt.Errorf("parsing %s as %s: %w", t.File.Path, id, err)
	}
	if tree.Errors > 0 {
		out.Warn(t.File.Path, fmt.Sprintf("partially parsed: %d syntax errors", tree.Errors))
	}
	if tree.Truncated {
		out.Warn(t.File.Path, fmt.Sprintf("syntax tree cut at nesting depth %d or %d nodes; deeper code not checked", syntax.MaxDepth, syntax.MaxNodes))
	}
	want := map[int]bool{}
	for _, p := range active {
		c := p.langs[id]
		for _, i := range c.mustCall {
			want[i] = true
		}
		for _, i := range c.before {
			want[i] = true
		}
		for _, cs := range c.contains {
			for _, i := range cs {
				want[i] = true
			}
		}
	}
	matches, err := lp.index.Search(ctx, tree, nil, func(i int) bool { return want[i] })
	if errors.Is(err, pattern.ErrBudget) {
		out.Warn(t.File.Path, "policy checks skipped: pattern matching step budget exhausted")
		return nil
	} else if err != nil {
		return fmt.Errorf("matching %s: %w", t.File.Path, err)
	}
	fi := indexFile(tree)
	if fi.cut {
		out.Warn(t.File.Path, fmt.Sprintf("more than %d functions; the rest are not checked", maxFunctions))
	}
	c := &checker{tree: tree, path: t.File.Path, fi: fi, matches: matches, out: out}
	for _, p := range active {
		if err := ctx.Err(); err != nil {
			return err
		}
		c.check(p, p.langs[id])
		if c.emitted >= maxFindingsPerFile {
			out.Warn(t.File.Path, fmt.Sprintf("more than %d policy findings; the rest are not reported", maxFindingsPerFile))
			break
		}
	}
	return nil
}

// anyPossible reports whether one of the patterns could match a file
// holding words.
func anyPossible(lp *langPatterns, idx []int, words map[string]bool) bool {
	for _, i := range idx {
		ok := true
		for _, w := range lp.pats[i].Words() {
			if !words[w] {
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

// checker evaluates policies over one parsed file.
type checker struct {
	tree    *syntax.Tree
	path    string
	fi      *fileIndex
	matches [][]pattern.Match
	out     analyzer.Emitter
	emitted int
}

// span is a place in the file: a match or a call to a helper.
type span struct {
	start, end uint32
	helper     string // the local helper called, "" for a direct match
}

func within(f *function, s span) bool { return s.start >= f.body.Start && s.end <= f.body.End }

func (c *checker) spans(idx []int) []span {
	var out []span
	for _, i := range idx {
		for _, m := range c.matches[i] {
			out = append(out, span{start: m.Start, end: m.End})
		}
	}
	return out
}

// requiredCalls returns the direct matches of must-call plus calls to
// local functions that make the required call themselves.
func (c *checker) requiredCalls(cp *compiled) []span {
	ys := c.spans(cp.mustCall)
	helpers := map[string]bool{}
	frontier := ys
	for range maxHelperDepth {
		added := false
		for _, f := range c.fi.funcs {
			if f.name == "" || helpers[f.name] {
				continue
			}
			for _, s := range frontier {
				if within(f, s) {
					helpers[f.name] = true
					added = true
					break
				}
			}
		}
		if !added {
			break
		}
		frontier = nil
		for _, cl := range c.fi.calls {
			if helpers[cl.name] {
				frontier = append(frontier, span{start: cl.node.Start, end: cl.node.End, helper: cl.name})
			}
		}
	}
	for _, cl := range c.fi.calls {
		if helpers[cl.name] {
			ys = append(ys, span{start: cl.node.Start, end: cl.node.End, helper: cl.name})
		}
	}
	return ys
}

// selected reports whether p applies to f.
func (c *checker) selected(p *Policy, cp *compiled, f *function) bool {
	if len(p.Handlers) == 0 {
		return true
	}
	for i, h := range p.Handlers {
		if h.NameRegex != nil && !h.NameRegex.MatchString(f.name) {
			continue
		}
		if h.RouteRegex != nil && !anyMatch(h, f.routes) {
			continue
		}
		if len(h.Contains) > 0 {
			found := false
			for _, s := range c.spans(cp.contains[i]) {
				if within(f, s) {
					found = true
					break
				}
			}
			if !found {
				continue
			}
		}
		return true
	}
	return false
}

func anyMatch(h Handler, routes []string) bool {
	for _, r := range routes {
		if h.RouteRegex.MatchString(r) {
			return true
		}
	}
	return false
}

func (c *checker) check(p *Policy, cp *compiled) {
	var handlers []*function
	for _, f := range c.fi.funcs {
		if c.selected(p, cp, f) {
			handlers = append(handlers, f)
		}
	}
	if len(handlers) == 0 {
		return
	}
	ys := c.requiredCalls(cp)
	required := describePatterns(p.MustCall)
	if len(p.Before) == 0 {
		for _, f := range handlers {
			found := false
			for _, y := range ys {
				if within(f, y) && !recursive(f, y) {
					found = true
					break
				}
			}
			if !found {
				msg := fmt.Sprintf("%s never calls %s.", f.describe(c.tree), required)
				c.emit(p.Missing, p, c.loc(f.at.Start, f.at.End), msg, f, nil)
			}
		}
		return
	}
	reported := map[uint32]bool{}
	for _, z := range c.spans(cp.before) {
		if reported[z.start] {
			continue
		}
		var encl []*function // selected functions around z, outermost first
		for _, f := range handlers {
			if within(f, z) {
				encl = append(encl, f)
			}
		}
		if len(encl) == 0 {
			continue
		}
		reported[z.start] = true
		var late *span
		var lateIn *function
		ok := false
		for _, f := range encl {
			for _, y := range ys {
				if !within(f, y) || recursive(f, y) || (y.start <= z.start && y.end >= z.end) {
					continue
				}
				if y.end <= z.start || (y.start >= z.start && y.end <= z.end) {
					ok = true // before z, or an argument of z (evaluated first)
				} else if late == nil {
					yy := y
					late, lateIn = &yy, f
				}
			}
		}
		if ok {
			continue
		}
		action := quote(c.tree.Src[z.start:z.end])
		if late != nil {
			ll, _ := c.tree.Position(late.start)
			msg := fmt.Sprintf("%s calls %s before %s (line %d): the check runs only after the action it should guard.",
				lateIn.describe(c.tree), action, describeSpan(c.tree, *late), ll)
			trace := []finding.TraceStep{
				{Location: c.loc(z.start, z.end), Note: "guarded action " + action, Kind: "sink"},
				{Location: c.loc(late.start, late.end), Note: "required check, made too late"},
			}
			c.emit(p.Order, p, c.loc(z.start, z.end), msg, lateIn, trace)
			continue
		}
		f := encl[0]
		msg := fmt.Sprintf("%s calls %s without first calling %s.", f.describe(c.tree), action, required)
		trace := []finding.TraceStep{
			{Location: c.loc(f.at.Start, f.at.End), Note: "handler entry; no call to " + required + " before the action"},
			{Location: c.loc(z.start, z.end), Note: "guarded action " + action, Kind: "sink"},
		}
		c.emit(p.Missing, p, c.loc(z.start, z.end), msg, f, trace)
	}
}

func (c *checker) emit(r *finding.Rule, p *Policy, loc finding.Location, msg string, f *function, trace []finding.TraceStep) {
	if c.emitted >= maxFindingsPerFile {
		return
	}
	c.emitted++
	if p.Message != "" {
		msg += " " + strings.Join(strings.Fields(p.Message), " ")
	}
	fd := finding.New(r, loc, msg)
	fd.Trace = trace
	fd.Properties = map[string]string{"policy": p.Missing.ID, "required": describePatterns(p.MustCall)}
	if f.name != "" {
		fd.Properties["handler"] = f.name
	}
	if len(f.routes) > 0 {
		fd.Properties["route"] = f.routes[0]
	}
	c.out.Emit(fd)
}

func (c *checker) loc(start, end uint32) finding.Location {
	sl, sc := c.tree.Position(start)
	el, ec := c.tree.Position(end)
	return finding.Location{Path: c.path, StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

// describeSpan names a required call found in code.
func describeSpan(t *syntax.Tree, s span) string {
	text := quote(t.Src[s.start:s.end])
	if s.helper != "" {
		return text + " (which calls the required function)"
	}
	return text
}

// describePatterns renders must-call patterns for a message.
func describePatterns(pats []string) string {
	q := make([]string, len(pats))
	for i, p := range pats {
		q[i] = quote([]byte(p))
	}
	return strings.Join(q, " or ")
}

// quote renders code on one line, truncated, in backquotes.
func quote(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if r := []rune(s); len(r) > maxCodeText {
		s = string(r[:maxCodeText-1]) + "…"
	}
	return "`" + s + "`"
}

// recursive reports whether y is f calling itself, which is no check.
func recursive(f *function, y span) bool { return y.helper != "" && y.helper == f.name }
