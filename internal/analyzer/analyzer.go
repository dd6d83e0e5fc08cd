// Package analyzer is the contract every analyzer implements. The engine
// owns discovery, file reading, concurrency, time budgets and panic
// recovery; an analyzer only says which files it wants and reports what it
// finds through an Emitter.
//
// There are two kinds. A FileAnalyzer looks at one file at a time and is
// called concurrently from the engine's worker pool, so it must be safe for
// concurrent use (keep per-file state in locals, not in the analyzer). A
// ProjectAnalyzer looks at the whole inventory once, after the file phase
// (lockfiles resolved together, cross-file summaries). An analyzer may be
// both.
//
// Analyzers are registered in one list, internal/analyzer/list.
package analyzer

import (
	"context"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/source"
)

// Scanner names the groups of analyzers `--scanners` selects.
const (
	ScannerSAST     = "sast"
	ScannerSecrets  = "secrets"
	ScannerDeps     = "deps"
	ScannerPipeline = "pipeline"
	ScannerModels   = "models"
)

// Scanners lists every valid --scanners name in display order.
var Scanners = []string{ScannerSAST, ScannerSecrets, ScannerDeps, ScannerPipeline, ScannerModels}

// Info describes an analyzer.
type Info struct {
	// Name is unique across analyzers: lower case, e.g. "sast-patterns".
	Name string
	// Scanner is the --scanners group it belongs to (one of Scanners).
	Scanner string
	// Description is one line for `codeaudit rules list` and --help.
	Description string
	// Binary is set when the analyzer wants binary files (model files,
	// archives); the engine offers binary files only to such analyzers.
	Binary bool
	// Stream is set when the analyzer reads the files it wants itself, by
	// File.Abs and in bounded pieces (model files of many gigabytes): the
	// engine then neither reads them nor applies its per-file size cap to
	// them, and hands the analyzer a Target whose Content is nil.
	Stream bool
}

// Analyzer is what every analyzer implements.
type Analyzer interface {
	Info() Info
	// Rules lists the rules the analyzer can report, for `rules list`,
	// SARIF rule descriptors and compliance coverage.
	Rules() []finding.Rule
}

// Target is one file handed to a FileAnalyzer. Content is read once by the
// engine and shared by every analyzer: treat it as read-only.
type Target struct {
	File    source.File
	Content []byte
}

// FileAnalyzer analyses files one at a time.
type FileAnalyzer interface {
	Analyzer
	// Wants is called once per discovered file and must be cheap (path and
	// language only, no I/O).
	Wants(f *source.File) bool
	// AnalyzeFile inspects one file. It must honour ctx: the engine gives
	// each file a time budget and abandons analyzers that overrun it.
	// Returning an error records a warning naming the file and analyzer;
	// findings emitted before the error are kept.
	AnalyzeFile(ctx context.Context, t *Target, out Emitter) error
}

// Project is the whole scan target handed to a ProjectAnalyzer.
type Project struct {
	// Root is the absolute scan root.
	Root string
	// Files is the inventory of discovered files, sorted by path.
	Files []source.File
	// Skipped lists what discovery left out and why, for analyzers that
	// read other versions of the tree (git history) and must leave out the
	// same paths.
	Skipped []source.Skipped
	// ReadFile reads a discovered file by its relative path, within the
	// scan's size cap.
	ReadFile func(path string) ([]byte, error)
}

// ProjectAnalyzer analyses the project as a whole, after all files.
type ProjectAnalyzer interface {
	Analyzer
	AnalyzeProject(ctx context.Context, p *Project, out Emitter) error
}

// DataSourcer is implemented by analyzers that rely on external data (an
// advisory database); the engine records what they report in the result so
// every report says how current that data is.
type DataSourcer interface {
	DataSources() []result.DataSource
}

// Emitter receives an analyzer's results. It is safe for concurrent use.
type Emitter interface {
	// Emit reports a finding. Location.Path must be a relative path from
	// the inventory; the engine adds snippet, fingerprint and OWASP
	// categories.
	Emit(f finding.Finding)
	// Warn records a problem that did not stop the analysis, e.g. a file
	// that was only partially parsed. path may be "".
	Warn(path, message string)
}
