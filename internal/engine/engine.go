package engine

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/source"
	"github.com/socyber/codeaudit/internal/suppress"
	"github.com/socyber/codeaudit/internal/version"
)

// DefaultFileTimeout is the time budget of one analyzer on one file.
const DefaultFileTimeout = 30 * time.Second

// Options configures a scan. Analyzers are passed separately.
type Options struct {
	// Source configures discovery; Source.Root is the scan target.
	Source source.Options
	// Target is the path as the user wrote it, for the report.
	Target string
	// Jobs bounds the worker pool; 0 means the number of CPUs.
	Jobs int
	// FileTimeout is the budget of one analyzer on one file; 0 means
	// DefaultFileTimeout.
	FileTimeout time.Duration
	// Only, when non-nil, restricts the scan to these relative paths (for
	// --staged); discovery rules still apply to them.
	Only []string
	// Suppress applies config ignores and the baseline (may be nil).
	Suppress *suppress.Set
	// Scanners names the --scanners groups selected, for the report.
	Scanners []string
	// Progress, when set, is called after each file with the number of
	// files done and the total. It is called from worker goroutines.
	Progress func(done, total int)
	// Logger receives debug and warning records; nil discards.
	Logger *slog.Logger
	// Now returns the current time (tests fix it); nil means time.Now.
	Now func() time.Time
}

// Run scans opts.Source.Root with the given analyzers. It returns an error
// only when the scan could not run at all (missing root, cancelled
// context); problems with single files become warnings in the result.
func Run(ctx context.Context, opts Options, analyzers []analyzer.Analyzer) (*result.Result, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	started := now()
	s := &scan{
		opts:     opts,
		log:      log,
		timeout:  cmp.Or(opts.FileTimeout, DefaultFileTimeout),
		inlines:  map[string]*suppress.Inline{},
		langs:    map[source.Language]result.Lines{},
		analyzed: map[string]bool{},
	}
	for _, a := range analyzers {
		if fa, ok := a.(analyzer.FileAnalyzer); ok {
			s.fileAnalyzers = append(s.fileAnalyzers, fa)
		}
		if pa, ok := a.(analyzer.ProjectAnalyzer); ok {
			s.projectAnalyzers = append(s.projectAnalyzers, pa)
		}
	}

	srcOpts := opts.Source
	srcOpts.Logger = log
	srcOpts.KeepBinary = s.keepBinary
	srcOpts.KeepLarge = s.keepLarge
	inv, err := source.Walk(ctx, srcOpts)
	if err != nil {
		return nil, err
	}
	if opts.Only != nil {
		keep := map[string]bool{}
		for _, p := range opts.Only {
			keep[cleanPath(p)] = true
		}
		inv.Files = slices.DeleteFunc(inv.Files, func(f source.File) bool { return !keep[f.Path] })
	}
	s.inv = inv

	if err := s.runFiles(ctx); err != nil {
		return nil, err
	}
	s.runProject(ctx)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.complete()

	r := &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          result.Tool{Name: "codeaudit", Version: version.Version},
		Target:        opts.Target,
		StartedAt:     started.UTC(),
		Scanners:      opts.Scanners,
		Warnings:      s.warnings,
		Rules:         rulesOf(analyzers),
	}
	for _, a := range analyzers {
		if ds, ok := a.(analyzer.DataSourcer); ok {
			r.DataSources = append(r.DataSources, ds.DataSources()...)
		}
	}
	for _, f := range s.findings {
		if f.Suppression != nil {
			r.Suppressed = append(r.Suppressed, f)
		} else {
			r.Findings = append(r.Findings, f)
		}
	}
	r.Stats = s.stats()
	r.Stats.BySeverity = r.Counts()
	r.FinishedAt = now().UTC()
	r.Stats.DurationMS = r.FinishedAt.Sub(r.StartedAt).Milliseconds()
	return r, nil
}

type scan struct {
	opts             Options
	log              *slog.Logger
	timeout          time.Duration
	inv              *source.Inventory
	fileAnalyzers    []analyzer.FileAnalyzer
	projectAnalyzers []analyzer.ProjectAnalyzer

	mu       sync.Mutex
	findings []finding.Finding
	warnings []result.Warning
	inlines  map[string]*suppress.Inline // path -> directives (files read so far)
	langs    map[source.Language]result.Lines
	analyzed map[string]bool // paths whose findings were completed while in memory
	scanned  int
}

func (s *scan) warn(path, analyzerName, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.warnings = append(s.warnings, result.Warning{Path: path, Analyzer: analyzerName, Message: msg})
	s.log.Warn(msg, "path", path, "analyzer", analyzerName)
}

// keepBinary tells discovery which binary files some analyzer wants.
func (s *scan) keepBinary(path string) bool {
	f := source.File{Path: path, Binary: true, Language: source.DetectLanguage(path, nil)}
	for _, a := range s.fileAnalyzers {
		if a.Info().Binary && s.wants(a, &f) {
			return true
		}
	}
	return false
}

// keepLarge tells discovery which files over the size cap a streaming
// analyzer wants: they are handed to it unread.
func (s *scan) keepLarge(path string) bool {
	f := source.File{Path: path, Language: source.DetectLanguage(path, nil)}
	for _, a := range s.fileAnalyzers {
		if a.Info().Stream && s.wants(a, &f) {
			return true
		}
	}
	return false
}

// wanting lists the analyzers a file goes to. Binary files go only to
// analyzers that take them, files over the size cap only to analyzers that
// stream.
func (s *scan) wanting(f *source.File, large bool) []analyzer.FileAnalyzer {
	var out []analyzer.FileAnalyzer
	for _, a := range s.fileAnalyzers {
		info := a.Info()
		if f.Binary && !info.Binary || large && !info.Stream {
			continue
		}
		if s.wants(a, f) {
			out = append(out, a)
		}
	}
	return out
}

// wants asks an analyzer whether it wants a file; an analyzer that panics
// deciding is recorded as a warning naming the file and the analyzer, and
// does not get the file.
func (s *scan) wants(a analyzer.FileAnalyzer, f *source.File) (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			name := a.Info().Name
			s.log.Debug("analyzer panic", "analyzer", name, "path", f.Path, "stack", string(debug.Stack()))
			s.warn(f.Path, name, fmt.Sprintf("analyzer crashed deciding whether to analyse the file: %v", p))
			ok = false
		}
	}()
	return a.Wants(f)
}

func (s *scan) runFiles(ctx context.Context) error {
	jobs := s.opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	total := len(s.inv.Files)
	var done atomic.Int64
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	for i := range s.inv.Files {
		if gctx.Err() != nil {
			break
		}
		f := &s.inv.Files[i]
		g.Go(func() error {
			defer func() {
				// A crash outside the analyzers (reading, counting lines,
				// parsing suppressions) costs this file, not the scan.
				if p := recover(); p != nil {
					s.log.Debug("panic scanning file", "path", f.Path, "stack", string(debug.Stack()))
					s.warn(f.Path, "", fmt.Sprintf("internal error, file skipped: %v", p))
				}
				if s.opts.Progress != nil {
					s.opts.Progress(int(done.Add(1)), total)
				}
			}()
			s.scanFile(gctx, f)
			return nil
		})
	}
	_ = g.Wait()
	return ctx.Err()
}

// scanFile reads one file once, counts its lines, collects its inline
// suppressions and runs every analyzer that wants it.
func (s *scan) scanFile(ctx context.Context, f *source.File) {
	limit := s.opts.Source.SizeLimit(f.Path)
	large := limit >= 0 && f.Size > limit
	wanted := s.wanting(f, large)
	needContent := !large && !f.Binary && f.Language != source.Unknown // for line counts
	for _, a := range wanted {
		needContent = needContent || !a.Info().Stream
	}
	if len(wanted) == 0 && !needContent {
		return // nothing to analyse and no lines to count
	}
	var content []byte
	if needContent {
		var err error
		if content, err = readCapped(f.Abs, limit); err != nil {
			s.warn(f.Path, "", fmt.Sprintf("cannot read file: %v", err))
			return
		}
	}
	var inline *suppress.Inline
	var lines result.Lines
	if !f.Binary && content != nil {
		inline = suppress.ParseInline(f.Path, content)
		if f.Language != source.Unknown {
			code, comment, blank := source.CountLines(f.Language, content)
			lines = result.Lines{Files: 1, Code: code, Comment: comment, Blank: blank}
		}
	}
	var local []finding.Finding
	for _, a := range wanted {
		local = append(local, s.analyze(ctx, a, f, content)...)
	}
	local = append(local, inline.Problems()...)
	// Complete findings in this file now, while its content is in memory.
	// Binary and streamed files have no lines to cut snippets from.
	var fileLines []string
	if !f.Binary && content != nil {
		fileLines = finding.SplitLines(content)
	}
	for i := range local {
		if local[i].Location.Path == f.Path && local[i].Location.Revision == "" {
			completeOne(&local[i], fileLines)
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.scanned++
	if inline != nil {
		s.inlines[f.Path] = inline
	}
	s.analyzed[f.Path] = true
	if lines.Files > 0 {
		l := s.langs[f.Language]
		l.Files += lines.Files
		l.Code += lines.Code
		l.Comment += lines.Comment
		l.Blank += lines.Blank
		s.langs[f.Language] = l
	}
	s.findings = append(s.findings, local...)
}

// analyze runs one analyzer on one file within the time budget. An
// analyzer that ignores its context is abandoned when the budget runs out:
// its goroutine finishes in the background and its late findings are
// dropped.
func (s *scan) analyze(ctx context.Context, a analyzer.FileAnalyzer, f *source.File, content []byte) []finding.Finding {
	name := a.Info().Name
	fctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	em := &emitter{scan: s, analyzer: name}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				s.log.Debug("analyzer panic", "analyzer", name, "path", f.Path, "stack", string(debug.Stack()))
				done <- fmt.Errorf("analyzer crashed: %v", p)
			}
		}()
		done <- a.AnalyzeFile(fctx, &analyzer.Target{File: *f, Content: content}, em)
	}()
	var err error
	select {
	case err = <-done:
	case <-fctx.Done():
		err = fctx.Err()
	}
	found := em.close()
	switch {
	case err == nil:
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
		s.warn(f.Path, name, fmt.Sprintf("analysis stopped after the %s time budget; results for this file may be incomplete", s.timeout))
	case ctx.Err() != nil:
		// The whole scan was cancelled; Run reports it.
	default:
		s.warn(f.Path, name, err.Error())
	}
	return found
}

func (s *scan) runProject(ctx context.Context) {
	if len(s.projectAnalyzers) == 0 {
		return
	}
	p := &analyzer.Project{Root: s.inv.Root, Files: s.inv.Files, Skipped: s.inv.Skipped, ReadFile: s.readFile}
	for _, a := range s.projectAnalyzers {
		if ctx.Err() != nil {
			return
		}
		name := a.Info().Name
		em := &emitter{scan: s, analyzer: name}
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					s.log.Debug("analyzer panic", "analyzer", name, "stack", string(debug.Stack()))
					err = fmt.Errorf("analyzer crashed: %v", r)
				}
			}()
			return a.AnalyzeProject(ctx, p, em)
		}()
		if err != nil && ctx.Err() == nil {
			s.warn("", name, err.Error())
		}
		found := em.close()
		s.mu.Lock()
		s.findings = append(s.findings, found...)
		s.mu.Unlock()
	}
}

// readFile reads a file of the inventory by relative path for project
// analyzers, refusing paths outside the root.
func (s *scan) readFile(rel string) ([]byte, error) {
	clean := filepath.Clean(filepath.FromSlash(rel))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("path %q is outside the scan root", rel)
	}
	abs := s.inv.Root
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		// Single-file scan: the root is the file itself.
		abs = filepath.Dir(abs)
	}
	return readCapped(filepath.Join(abs, clean), s.opts.Source.SizeLimit(rel))
}

// readCapped reads a regular file, refusing ones over limit (negative: no
// limit) so a file that grew after discovery cannot exhaust memory.
func readCapped(path string, limit int64) ([]byte, error) {
	f, err := source.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if limit < 0 {
		return io.ReadAll(f)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than the %d-byte limit", limit)
	}
	return data, nil
}

// emitter collects one analyzer call's findings; after close, late emits
// from an abandoned analyzer are dropped.
type emitter struct {
	scan     *scan
	analyzer string
	mu       sync.Mutex
	found    []finding.Finding
	closed   bool
}

func (e *emitter) Emit(f finding.Finding) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return
	}
	if f.Analyzer == "" {
		f.Analyzer = e.analyzer
	}
	e.found = append(e.found, f)
}

func (e *emitter) Warn(path, msg string) {
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	if !closed {
		e.scan.warn(path, e.analyzer, msg)
	}
}

func (e *emitter) close() []finding.Finding {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed = true
	return e.found
}

func rulesOf(analyzers []analyzer.Analyzer) []finding.Rule {
	seen := map[string]bool{suppress.InvalidRule.ID: true}
	rules := []finding.Rule{suppress.InvalidRule}
	for _, a := range analyzers {
		for _, r := range a.Rules() {
			if !seen[r.ID] {
				seen[r.ID] = true
				rules = append(rules, r)
			}
		}
	}
	slices.SortFunc(rules, func(a, b finding.Rule) int { return strings.Compare(a.ID, b.ID) })
	return rules
}
