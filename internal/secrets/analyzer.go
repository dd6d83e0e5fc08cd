package secrets

import (
	"context"
	"errors"
	"path"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// Options configures the analyzer. The zero value scans the working tree.
type Options struct {
	// GitHistory (--git-history) also scans every commit reachable from
	// every ref. The working tree is then scanned by AnalyzeProject too, so
	// each secret is reported once, with the commit that introduced it.
	GitHistory bool
	// Staged (--staged) scans only the lines added in the index (`git diff
	// --cached`), for pre-commit hooks. The file phase does nothing.
	Staged bool
	// MaxCommits caps the commits read in history mode; 0 means all.
	MaxCommits int
	// Git is the git executable; "" means "git" from PATH.
	Git string
}

// Analyzer finds secrets. It is safe for concurrent use.
type Analyzer struct {
	opts Options
	sc   *Scanner
}

var (
	_ analyzer.FileAnalyzer    = (*Analyzer)(nil)
	_ analyzer.ProjectAnalyzer = (*Analyzer)(nil)
)

// New returns the secrets analyzer. It panics only if the built-in detector
// table is invalid, which the package tests rule out.
func New(opts Options) *Analyzer {
	sc, err := NewScanner()
	if err != nil {
		panic(err)
	}
	if opts.Git == "" {
		opts.Git = "git"
	}
	return &Analyzer{opts: opts, sc: sc}
}

// Info describes the analyzer.
func (a *Analyzer) Info() analyzer.Info {
	return analyzer.Info{
		Name:        "secrets",
		Scanner:     analyzer.ScannerSecrets,
		Description: "API keys, tokens, private keys, passwords and connection strings in files and git history",
	}
}

// Rules lists every rule the analyzer reports.
func (a *Analyzer) Rules() []finding.Rule { return a.sc.Rules() }

// skipNames are files that hold hashes and resolved versions, never
// credentials; skipping them saves time on large trees.
var skipNames = map[string]bool{
	"go.sum": true, "package-lock.json": true, "yarn.lock": true, "pnpm-lock.yaml": true,
	"cargo.lock": true, "poetry.lock": true, "composer.lock": true, "gemfile.lock": true,
	"pipfile.lock": true, "packages.lock.json": true, "gradle.lockfile": true, "uv.lock": true,
}

func skipFile(p string) bool {
	base := strings.ToLower(path.Base(p))
	return skipNames[base] || strings.HasSuffix(base, ".svg") || strings.HasSuffix(base, ".map")
}

// Wants takes every text file in working-tree mode. In history and staged
// mode AnalyzeProject does all the work.
func (a *Analyzer) Wants(f *source.File) bool {
	return !a.opts.GitHistory && !a.opts.Staged && !f.Binary && !skipFile(f.Path)
}

// AnalyzeFile reports the secrets in one file.
func (a *Analyzer) AnalyzeFile(ctx context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	ms, err := a.sc.Scan(ctx, t.File.Path, t.Content)
	if err != nil && !errors.Is(err, ErrPartial) {
		return err
	}
	for _, f := range findingsFor(t.File.Path, t.Content, ms) {
		out.Emit(f)
	}
	return err
}

// AnalyzeProject scans staged changes (Options.Staged) or the git history
// plus the working tree (Options.GitHistory); otherwise it does nothing.
func (a *Analyzer) AnalyzeProject(ctx context.Context, p *analyzer.Project, out analyzer.Emitter) error {
	switch {
	case a.opts.Staged:
		return a.scanStaged(ctx, p, out)
	case a.opts.GitHistory:
		return a.scanHistory(ctx, p, out)
	}
	return nil
}

// ScanText scans one text as if it were the file at path and returns its
// findings, redacted. It serves tools and tests that have no engine. With
// ErrPartial it returns the findings of the part it scanned.
func (a *Analyzer) ScanText(ctx context.Context, path string, text []byte) ([]finding.Finding, error) {
	ms, err := a.sc.Scan(ctx, path, text)
	if err != nil && !errors.Is(err, ErrPartial) {
		return nil, err
	}
	return findingsFor(path, text, ms), err
}
