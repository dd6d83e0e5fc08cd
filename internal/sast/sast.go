package sast

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/rule"
	"github.com/socyber/codeaudit/internal/sast/rules"
	"github.com/socyber/codeaudit/internal/sast/syntax"
	"github.com/socyber/codeaudit/internal/source"
)

// Limits of reporting.
const (
	// maxBoundText bounds the code a metavariable contributes to a message.
	maxBoundText = 60
	// maxFindingsPerFile bounds the findings one file can produce.
	maxFindingsPerFile = 2000
)

// Options configures the analyzer.
type Options struct {
	// RuleFiles are user rule files or directories of them (--rules,
	// repeatable). Directories are searched for *.yaml and *.yml.
	RuleFiles []string
	// RulesOnly runs only RuleFiles, not the built-in packs (--rules-only).
	RulesOnly bool
	// Logger receives debug records; nil discards.
	Logger *slog.Logger
}

// Analyzer runs pattern rules. It is safe for concurrent use.
type Analyzer struct {
	set     *rule.Set
	parsers *lang.Parsers
	logger  *slog.Logger
}

// New loads and compiles the rules. A broken rule file yields a
// *rule.LoadError (file, line, reason), which the CLI reports with exit
// code 2.
func New(opts Options) (*Analyzer, error) {
	return NewContext(context.Background(), opts)
}

// NewContext is New with a context bounding rule compilation.
func NewContext(ctx context.Context, opts Options) (*Analyzer, error) {
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if opts.RulesOnly && len(opts.RuleFiles) == 0 {
		return nil, errors.New("--rules-only needs at least one --rules file or directory")
	}
	var srcs []rule.Source
	if !opts.RulesOnly {
		builtin, err := rule.ReadFS(rules.FS(), ".")
		if err != nil {
			return nil, fmt.Errorf("reading built-in rules: %w", err)
		}
		for i := range builtin {
			builtin[i].Name = "builtin:" + builtin[i].Name
		}
		srcs = append(srcs, builtin...)
	}
	for _, p := range opts.RuleFiles {
		more, err := readRuleFiles(p)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, more...)
	}
	ps := lang.NewParsers()
	set, err := rule.Load(ctx, ps, srcs)
	if err != nil {
		ps.Close()
		return nil, err
	}
	logger.Debug("sast rules loaded", "rules", len(set.Rules), "languages", fmt.Sprint(set.Languages()))
	return &Analyzer{set: set, parsers: ps, logger: logger}, nil
}

// readRuleFiles reads one rule file, or every rule file below a directory.
func readRuleFiles(p string) ([]rule.Source, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	if !st.IsDir() {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		return []rule.Source{{Name: p, Data: data}}, nil
	}
	srcs, err := rule.ReadFS(os.DirFS(p), ".")
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	for i := range srcs {
		srcs[i].Name = filepath.Join(p, filepath.FromSlash(srcs[i].Name))
	}
	if len(srcs) == 0 {
		return nil, &rule.LoadError{File: p, Reason: "no *.yaml or *.yml rule files in directory"}
	}
	return srcs, nil
}

// Close releases the pooled parsers.
func (a *Analyzer) Close() { a.parsers.Close() }

// Info describes the analyzer.
func (a *Analyzer) Info() analyzer.Info {
	return analyzer.Info{
		Name:        "sast",
		Scanner:     analyzer.ScannerSAST,
		Description: "pattern and taint rules (built-in packs and Semgrep-style YAML) over Go, Python, JavaScript, TypeScript and Java",
	}
}

// Rules returns the metadata of every loaded rule.
func (a *Analyzer) Rules() []finding.Rule {
	out := make([]finding.Rule, 0, len(a.set.Rules))
	for _, r := range a.set.Rules {
		m := r.Meta
		if len(m.Languages) == 0 {
			for _, l := range r.Languages {
				m.Languages = append(m.Languages, string(l))
			}
		}
		out = append(out, m)
	}
	return out
}

// Wants reports whether a loaded rule targets the file's language.
func (a *Analyzer) Wants(f *source.File) bool {
	if f.Binary {
		return false
	}
	id := lang.ForFile(f)
	return id != "" && a.set.Targets(id)
}

// AnalyzeFile matches the rules over one file.
func (a *Analyzer) AnalyzeFile(ctx context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	id := lang.ForFile(&t.File)
	if id == "" {
		return nil
	}
	cands := a.set.Candidates(id, t.File.Path, t.Content)
	if len(cands) == 0 {
		return nil // no rule's required identifiers occur: skip parsing
	}
	tree, err := syntax.Build(ctx, a.parsers, id, t.Content)
	if err != nil {
		return fmt.Errorf("parsing %s as %s: %w", t.File.Path, id, err)
	}
	// The findings copy what they need from the tree: its nodes can be
	// reused for the next file.
	defer tree.Release()
	if tree.Errors > 0 {
		out.Warn(t.File.Path, fmt.Sprintf("partially parsed: %d syntax errors", tree.Errors))
	}
	if tree.Truncated {
		out.Warn(t.File.Path, fmt.Sprintf("syntax tree cut at nesting depth %d or %d nodes; deeper code not analysed", syntax.MaxDepth, syntax.MaxNodes))
	}
	results, err := a.set.Run(ctx, tree, cands)
	if errors.Is(err, pattern.ErrBudget) {
		out.Warn(t.File.Path, "pattern matching stopped early: step budget exhausted")
	} else if err != nil {
		return fmt.Errorf("matching %s: %w", t.File.Path, err)
	}
	for i, res := range results {
		if i == maxFindingsPerFile {
			out.Warn(t.File.Path, fmt.Sprintf("more than %d findings; the rest are not reported", maxFindingsPerFile))
			break
		}
		out.Emit(a.finding(tree, t.File.Path, res))
	}
	return nil
}

func (a *Analyzer) finding(tree *syntax.Tree, path string, res rule.Result) finding.Finding {
	m := res.Match
	sl, sc := tree.Position(m.Start)
	el, ec := tree.Position(m.End)
	loc := finding.Location{Path: path, StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
	f := finding.New(&res.Rule.Meta, loc, interpolate(res.Rule.Message, tree, &m, true))
	if res.Rule.Fix != "" {
		f.Properties = map[string]string{"fix": interpolate(res.Rule.Fix, tree, &m, false)}
	}
	return f
}

var metavarRef = regexp.MustCompile(`\$(\.\.\.)?[A-Z_][A-Z0-9_]*`)

// interpolate replaces $X in a message or fix with the code it bound;
// messages get a single-line, truncated rendering.
func interpolate(msg string, tree *syntax.Tree, m *pattern.Match, short bool) string {
	return metavarRef.ReplaceAllStringFunc(msg, func(name string) string {
		b, ok := m.Lookup(name)
		if !ok {
			return name
		}
		text := string(tree.Src[b.Start:b.End])
		if !short {
			return text
		}
		text = strings.Join(strings.Fields(text), " ")
		if len(text) > maxBoundText {
			cut := maxBoundText
			for cut > 0 && text[cut]&0xC0 == 0x80 {
				cut--
			}
			text = text[:cut] + "…"
		}
		return text
	})
}
