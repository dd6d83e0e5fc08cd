package sast

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/syntax"
	"github.com/socyber/codeaudit/internal/sast/taint"
	"github.com/socyber/codeaudit/internal/source"
)

// Limits of the project (taint) phase.
const (
	// maxTaintFileSize skips larger files in the taint phase (generated
	// or minified code).
	maxTaintFileSize = 2 << 20
	// maxTaintFindings bounds the taint findings of one scan.
	maxTaintFindings = 20_000
)

// HasTaintRules reports whether any loaded rule is a taint rule, that
// is whether AnalyzeProject has work to do.
func (a *Analyzer) HasTaintRules() bool {
	for _, r := range a.set.Rules {
		if r.Taint != nil {
			return true
		}
	}
	return false
}

// AnalyzeProject runs the taint rules over the whole project: it is the
// second phase of the analyzer (pattern rules run per file in
// AnalyzeFile). Every file of a language some taint rule targets is
// parsed, the rules' sources, sinks, sanitizers and propagators are
// matched, and package taint follows the flows within and across files
// of the same language.
func (a *Analyzer) AnalyzeProject(ctx context.Context, p *analyzer.Project, out analyzer.Emitter) error {
	if !a.HasTaintRules() {
		return nil
	}
	type job struct {
		i    int
		file source.File
		id   lang.ID
	}
	var jobs []job
	for _, f := range p.Files {
		if f.Binary || f.Size > maxTaintFileSize {
			continue
		}
		id := lang.ForFile(&f)
		if id == "" || len(a.set.TaintRules(id, f.Path)) == 0 {
			continue
		}
		jobs = append(jobs, job{len(jobs), f, id})
	}
	if len(jobs) == 0 {
		return nil
	}
	files := make([]*taint.File, len(jobs))
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		g.Go(func() error {
			tf, err := a.taintFile(gctx, p, j.file, j.id, out)
			if err != nil {
				if gctx.Err() != nil {
					return gctx.Err()
				}
				mu.Lock()
				out.Warn(j.file.Path, err.Error())
				mu.Unlock()
				return nil
			}
			files[j.i] = tf
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return fmt.Errorf("taint phase: %w", err)
	}
	var present []*taint.File
	for _, f := range files {
		if f != nil {
			present = append(present, f)
		}
	}
	found, warns, err := taint.Analyze(ctx, present)
	for _, w := range warns {
		out.Warn(w.Path, w.Message)
	}
	for i, f := range found {
		if i == maxTaintFindings {
			out.Warn(f.File.Path, fmt.Sprintf("more than %d taint findings; the rest are not reported", maxTaintFindings))
			break
		}
		out.Emit(a.taintFinding(f))
	}
	return err
}

func (a *Analyzer) taintFile(ctx context.Context, p *analyzer.Project, f source.File, id lang.ID, out analyzer.Emitter) (*taint.File, error) {
	content, err := p.ReadFile(f.Path)
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	tree, err := syntax.Build(ctx, a.parsers, id, content)
	if err != nil {
		return nil, fmt.Errorf("parsing as %s: %w", id, err)
	}
	ms, err := a.set.RunTaint(ctx, tree, a.set.TaintRules(id, f.Path))
	if errors.Is(err, pattern.ErrBudget) {
		out.Warn(f.Path, "taint pattern matching stopped early: step budget exhausted")
	} else if err != nil {
		return nil, fmt.Errorf("matching taint specs: %w", err)
	}
	return &taint.File{Path: f.Path, Tree: tree, Matches: ms}, nil
}

func (a *Analyzer) taintFinding(f taint.Finding) finding.Finding {
	r := f.Rule
	m := f.Match
	out := finding.New(&r.Meta, f.Location, interpolate(r.Message, f.File.Tree, &m, true))
	out.Trace = f.Trace
	if len(f.Trace) > 0 {
		src := f.Trace[0].Location
		out.Properties = map[string]string{"source": fmt.Sprintf("%s:%d", src.Path, src.StartLine)}
	}
	return out
}
