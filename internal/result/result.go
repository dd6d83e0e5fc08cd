// Package result is the outcome of one scan: findings, suppressed findings,
// warnings, statistics and the rules that were active. It is what the
// engine produces, what every output format reads, and (as JSON) what
// --baseline and `report --from` read back.
package result

import (
	"time"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// SchemaVersion is the version of the JSON output schema
// (docs/json-output.md). Bump the minor for additions, the major for
// changes that break readers.
const SchemaVersion = "1.1"

// Result is one scan's outcome.
type Result struct {
	SchemaVersion string `json:"schema_version"`
	Tool          Tool   `json:"tool"`
	// Target is the scanned path as the user gave it.
	Target     string    `json:"target"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at"`
	// Scanners are the --scanners groups that ran.
	Scanners []string `json:"scanners"`
	// Findings are the open findings, sorted by severity then location.
	Findings []finding.Finding `json:"findings"`
	// Suppressed are findings silenced inline, by config or by baseline,
	// each with its Suppression set.
	Suppressed []finding.Finding `json:"suppressed,omitempty"`
	Warnings   []Warning         `json:"warnings,omitempty"`
	Stats      Stats             `json:"stats"`
	// Rules are the rules of the analyzers that ran, sorted by id.
	Rules []finding.Rule `json:"rules,omitempty"`
	// DataSources are the external data the analyzers used (advisory
	// databases), with their age, so a report says how current it is.
	DataSources []DataSource `json:"data_sources,omitempty"`
}

// DataSource is external data an analyzer relied on, e.g. the OSV
// advisories of one ecosystem.
type DataSource struct {
	// Name identifies the data: "osv/Go", "osv/PyPI".
	Name string `json:"name"`
	// Analyzer is the analyzer that used it.
	Analyzer string `json:"analyzer"`
	// FetchedAt is when the data was downloaded or published.
	FetchedAt time.Time `json:"fetched_at"`
	// AgeDays is how many whole days old the data was when the scan ran.
	AgeDays int `json:"age_days"`
}

// Tool names the program that produced the result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Warning is a problem that did not stop the scan: a file that could not be
// read or parsed, an analyzer that panicked or ran out of time.
type Warning struct {
	Path     string `json:"path,omitempty"`
	Analyzer string `json:"analyzer,omitempty"`
	Message  string `json:"message"`
}

// Lines counts the lines of one language.
type Lines struct {
	Files   int `json:"files"`
	Code    int `json:"code"`
	Comment int `json:"comment"`
	Blank   int `json:"blank"`
}

// Stats summarises the scan.
type Stats struct {
	FilesScanned int `json:"files_scanned"`
	// FilesSkipped counts skipped files by reason.
	FilesSkipped map[source.SkipReason]int `json:"files_skipped,omitempty"`
	// Languages counts lines per language, for density per KLOC.
	Languages map[source.Language]Lines `json:"languages,omitempty"`
	// LinesOfCode is the total of code lines over all languages.
	LinesOfCode int `json:"lines_of_code"`
	// DurationMS is the wall time of the scan in milliseconds.
	DurationMS int64 `json:"duration_ms"`
	// BySeverity counts open findings per severity.
	BySeverity map[finding.Severity]int `json:"by_severity"`
}

// Counts returns the number of open findings per severity.
func (r *Result) Counts() map[finding.Severity]int {
	m := map[finding.Severity]int{}
	for _, f := range r.Findings {
		m[f.Severity]++
	}
	return m
}

// Max returns the highest severity among the open findings, or
// SeverityUnknown when there are none.
func (r *Result) Max() finding.Severity {
	best := finding.SeverityUnknown
	for _, f := range r.Findings {
		best = max(best, f.Severity)
	}
	return best
}
