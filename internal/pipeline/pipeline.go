package pipeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/pipeline/gha"
	"github.com/socyber/codeaudit/internal/pipeline/gitlab"
	"github.com/socyber/codeaudit/internal/pipeline/jenkins"
	"github.com/socyber/codeaudit/internal/source"
)

// Name is the analyzer's name, also its --scanners group.
const Name = analyzer.ScannerPipeline

// Options configures the analyzer. The zero value audits everything.
type Options struct{}

// Analyzer audits pipeline files. It keeps no mutable state and is safe
// for concurrent use.
type Analyzer struct {
	gha     *gha.Auditor
	gitlab  *gitlab.Auditor
	jenkins *jenkins.Auditor
}

// New returns the pipeline analyzer.
func New(opts Options) *Analyzer {
	return &Analyzer{gha: gha.NewAuditor(), gitlab: gitlab.NewAuditor(), jenkins: jenkins.NewAuditor()}
}

var (
	_ analyzer.FileAnalyzer    = (*Analyzer)(nil)
	_ analyzer.ProjectAnalyzer = (*Analyzer)(nil)
)

// Info describes the analyzer.
func (a *Analyzer) Info() analyzer.Info {
	return analyzer.Info{
		Name:        Name,
		Scanner:     analyzer.ScannerPipeline,
		Description: "CI/CD pipelines: GitHub Actions, GitLab CI and Jenkinsfiles (injection, unpinned code, token permissions, leaked secrets)",
	}
}

// Rules lists every pipeline rule.
func (a *Analyzer) Rules() []finding.Rule {
	return slices.Concat(a.gha.Rules(), a.gitlab.Rules(), a.jenkins.Rules())
}

// Wants selects pipeline files by path.
func (a *Analyzer) Wants(f *source.File) bool {
	if f.Binary {
		return false
	}
	return gha.IsWorkflow(f.Path) || gha.IsAction(f.Path) || gitlab.IsPipelineFile(f.Path) || jenkins.IsPipelineFile(f.Path)
}

// AnalyzeFile audits one pipeline file.
func (a *Analyzer) AnalyzeFile(ctx context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	p := t.File.Path
	out = &cappedEmitter{out: out, path: p}
	switch {
	case gha.IsWorkflow(p) || gha.IsAction(p):
		return a.gha.Audit(ctx, p, t.Content, out)
	case gitlab.IsPipelineFile(p):
		_, err := a.gitlab.Audit(ctx, p, t.Content, out)
		return err
	case jenkins.IsPipelineFile(p):
		return a.jenkins.Audit(ctx, p, t.Content, out)
	}
	return nil
}

// AnalyzeProject audits GitLab CI files reached only through include:
// local: (files named like pipeline files were audited by AnalyzeFile).
func (a *Analyzer) AnalyzeProject(ctx context.Context, p *analyzer.Project, out analyzer.Emitter) error {
	var roots, files []string
	for _, f := range p.Files {
		files = append(files, f.Path)
		if gitlab.IsPipelineFile(f.Path) {
			roots = append(roots, f.Path)
		}
	}
	if len(roots) == 0 || p.ReadFile == nil {
		return nil
	}
	return a.gitlab.AuditIncludes(ctx, roots, files, p.ReadFile, func(path string) bool {
		return a.Wants(&source.File{Path: path})
	}, out)
}

// MaxFindingsPerFile bounds what one file can report; a pipeline file with
// more findings is generated or hostile, and the rest would only drown
// the report.
const MaxFindingsPerFile = 1000

// cappedEmitter passes on at most MaxFindingsPerFile findings and then
// warns once. It is used by one AnalyzeFile call, so it needs no lock.
type cappedEmitter struct {
	out  analyzer.Emitter
	path string
	n    int
}

func (c *cappedEmitter) Emit(f finding.Finding) {
	c.n++
	switch {
	case c.n <= MaxFindingsPerFile:
		c.out.Emit(f)
	case c.n == MaxFindingsPerFile+1:
		c.out.Warn(c.path, fmt.Sprintf("more than %d findings; the rest are not reported", MaxFindingsPerFile))
	}
}

func (c *cappedEmitter) Warn(path, msg string) { c.out.Warn(path, msg) }
