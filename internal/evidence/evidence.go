// Package evidence writes an evidence pack: one zip an auditor can keep to
// show later exactly what was run and what it found. It holds the JSON and
// SARIF results, the technical report (HTML), the management report (HTML
// and PDF), the rule set with versions and digests, the scan metadata
// (tool version, time, scope, database age), the licence notices of the
// mapping data, and MANIFEST.sha256 with the SHA-256 of every other file,
// checkable with `sha256sum -c MANIFEST.sha256`.
//
// The zip is deterministic: entries in a fixed order, every modification
// time set to the report date, so the same result gives the same bytes.
package evidence

import (
	"archive/zip"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/socyber/codeaudit/internal/compliance"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/html"
	reportjson "github.com/socyber/codeaudit/internal/report/json"
	"github.com/socyber/codeaudit/internal/report/management"
	"github.com/socyber/codeaudit/internal/report/sarif"
	"github.com/socyber/codeaudit/internal/result"
)

// FormatVersion is the version of the pack's layout and metadata.json.
const FormatVersion = "1.0"

// File names inside the pack.
const (
	FileResultJSON     = "results/result.json"
	FileResultSARIF    = "results/result.sarif"
	FileTechnicalHTML  = "reports/technical-report.html"
	FileManagementHTML = "reports/management-report.html"
	FileManagementPDF  = "reports/management-report.pdf"
	FileRules          = "rules.json"
	FileMetadata       = "metadata.json"
	FileNotice         = "NOTICE.md"
	FileReadme         = "README.txt"
	FileManifest       = "MANIFEST.sha256"
)

// Database describes a vulnerability database the scan used.
type Database struct {
	// Name is "osv" for the OSV advisories.
	Name string `json:"name"`
	// Source says where it came from: "embedded", a directory or a URL.
	Source string `json:"source,omitempty"`
	// Updated is when the data was fetched or built.
	Updated time.Time `json:"updated"`
}

// Options are what the pack records besides the result.
type Options struct {
	// Management configures the management report (organisation,
	// application, SLA days). Its Now defaults to Date.
	Management management.Options
	// Date stamps the pack (zip times, metadata); zero means the scan's
	// finish time, so a pack rebuilt from a saved result is identical.
	Date time.Time
	// Command is the command line that ran the scan, as the user typed
	// it, for the record; secrets must not be passed on command lines.
	Command string
	// Databases are the vulnerability databases used, with their age.
	Databases []Database
	// Config is the digest or path of the configuration file used, if any.
	Config string
}

// Write builds the pack and writes it as a zip.
func Write(w io.Writer, res *result.Result, opts Options) error {
	if res == nil {
		return fmt.Errorf("evidence: nil result")
	}
	date := cmp.Or(opts.Date, res.FinishedAt, res.StartedAt).UTC()
	mopts := opts.Management
	if mopts.Now.IsZero() {
		mopts.Now = date
	}
	rep, err := management.Build(res, mopts)
	if err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	type entry struct {
		name  string
		write func(io.Writer) error
	}
	entries := []entry{
		{FileResultJSON, func(w io.Writer) error { return reportjson.New().Write(w, res) }},
		{FileResultSARIF, func(w io.Writer) error { return sarif.New().Write(w, res) }},
		{FileTechnicalHTML, func(w io.Writer) error { return html.New(html.Options{ShowSuppressed: true}).Write(w, res) }},
		{FileManagementHTML, func(w io.Writer) error { return management.WriteHTML(w, rep) }},
		{FileManagementPDF, func(w io.Writer) error { return management.WritePDF(w, rep) }},
		{FileRules, func(w io.Writer) error { return writeJSON(w, ruleSet(res)) }},
		{FileMetadata, func(w io.Writer) error { return writeJSON(w, metadata(res, opts, date, rep)) }},
		{FileNotice, func(w io.Writer) error { _, err := io.WriteString(w, compliance.Notices()); return err }},
		{FileReadme, func(w io.Writer) error { _, err := io.WriteString(w, readme); return err }},
	}
	zw := zip.NewWriter(w)
	var manifest strings.Builder
	for _, e := range entries {
		var buf bytes.Buffer
		if err := e.write(&buf); err != nil {
			return fmt.Errorf("evidence: %s: %w", e.name, err)
		}
		sum := sha256.Sum256(buf.Bytes())
		fmt.Fprintf(&manifest, "%s  %s\n", hex.EncodeToString(sum[:]), e.name)
		if err := add(zw, e.name, date, buf.Bytes()); err != nil {
			return err
		}
	}
	if err := add(zw, FileManifest, date, []byte(manifest.String())); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	return nil
}

func add(zw *zip.Writer, name string, date time.Time, data []byte) error {
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: date})
	if err != nil {
		return fmt.Errorf("evidence: %s: %w", name, err)
	}
	if _, err := fw.Write(data); err != nil {
		return fmt.Errorf("evidence: %s: %w", name, err)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// RuleSet is rules.json: the active rules with a digest each, so a later
// change of a rule's metadata is visible.
type RuleSet struct {
	Tool        result.Tool `json:"tool"`
	MappingData string      `json:"compliance_mapping_version"`
	Count       int         `json:"count"`
	// Digest is the SHA-256 of the rules' digests in order: one value to
	// compare two rule sets.
	Digest string      `json:"digest"`
	Rules  []RuleEntry `json:"rules"`
}

// RuleEntry is one rule with the SHA-256 of its canonical JSON.
type RuleEntry struct {
	finding.Rule
	Digest string `json:"digest"`
}

func ruleSet(res *result.Result) RuleSet {
	rules := slices.Clone(res.Rules)
	slices.SortFunc(rules, func(a, b finding.Rule) int { return strings.Compare(a.ID, b.ID) })
	rs := RuleSet{Tool: res.Tool, MappingData: compliance.Version(), Count: len(rules), Rules: []RuleEntry{}}
	all := sha256.New()
	for _, r := range rules {
		b, _ := json.Marshal(r) // a Rule always marshals
		sum := sha256.Sum256(b)
		d := hex.EncodeToString(sum[:])
		all.Write([]byte(d))
		rs.Rules = append(rs.Rules, RuleEntry{Rule: r, Digest: d})
	}
	rs.Digest = hex.EncodeToString(all.Sum(nil))
	return rs
}

// Metadata is metadata.json.
type Metadata struct {
	FormatVersion string      `json:"format_version"`
	Tool          result.Tool `json:"tool"`
	PackDate      time.Time   `json:"pack_date"`
	Scan          struct {
		Target       string         `json:"target"`
		Command      string         `json:"command,omitempty"`
		Config       string         `json:"config,omitempty"`
		Scanners     []string       `json:"scanners"`
		StartedAt    time.Time      `json:"started_at"`
		FinishedAt   time.Time      `json:"finished_at"`
		DurationMS   int64          `json:"duration_ms"`
		FilesScanned int            `json:"files_scanned"`
		FilesSkipped map[string]int `json:"files_skipped,omitempty"`
		LinesOfCode  int            `json:"lines_of_code"`
		Languages    map[string]int `json:"languages,omitempty"`
	} `json:"scan"`
	Databases []DatabaseAge `json:"databases"`
	Results   struct {
		Open       int            `json:"open"`
		Suppressed int            `json:"suppressed"`
		Warnings   int            `json:"warnings"`
		BySeverity map[string]int `json:"by_severity"`
		RiskRating string         `json:"risk_rating"`
	} `json:"results"`
	ComplianceMapping string         `json:"compliance_mapping_version"`
	SLADays           map[string]int `json:"sla_days"`
	RuleSetDigest     string         `json:"rule_set_digest"`
}

// DatabaseAge is a database with its age on the pack date.
type DatabaseAge struct {
	Database
	AgeDays int `json:"age_days"`
}

func metadata(res *result.Result, opts Options, date time.Time, rep *management.Report) Metadata {
	var m Metadata
	m.FormatVersion, m.Tool, m.PackDate = FormatVersion, res.Tool, date
	m.Scan.Target, m.Scan.Command, m.Scan.Config, m.Scan.Scanners = res.Target, opts.Command, opts.Config, res.Scanners
	m.Scan.StartedAt, m.Scan.FinishedAt, m.Scan.DurationMS = res.StartedAt.UTC(), res.FinishedAt.UTC(), res.Stats.DurationMS
	m.Scan.FilesScanned, m.Scan.LinesOfCode = res.Stats.FilesScanned, res.Stats.LinesOfCode
	if len(res.Stats.FilesSkipped) > 0 {
		m.Scan.FilesSkipped = map[string]int{}
		for k, v := range res.Stats.FilesSkipped {
			m.Scan.FilesSkipped[string(k)] = v
		}
	}
	if len(res.Stats.Languages) > 0 {
		m.Scan.Languages = map[string]int{}
		for k, v := range res.Stats.Languages {
			m.Scan.Languages[string(k)] = v.Code
		}
	}
	m.Databases = []DatabaseAge{}
	for _, db := range opts.Databases {
		age := 0
		if !db.Updated.IsZero() && date.After(db.Updated) {
			age = int(date.Sub(db.Updated).Hours() / 24)
		}
		db.Updated = db.Updated.UTC()
		m.Databases = append(m.Databases, DatabaseAge{Database: db, AgeDays: age})
	}
	m.Results.Open, m.Results.Suppressed, m.Results.Warnings = len(res.Findings), len(res.Suppressed), len(res.Warnings)
	m.Results.BySeverity = map[string]int{}
	for s, n := range res.Counts() {
		m.Results.BySeverity[s.String()] = n
	}
	m.Results.RiskRating = rep.Risk.Rating
	m.ComplianceMapping = compliance.Version()
	m.SLADays = map[string]int{}
	for _, s := range slices.Sorted(maps.Keys(rep.SLADays)) {
		m.SLADays[s.String()] = rep.SLADays[s]
	}
	m.RuleSetDigest = ruleSet(res).Digest
	return m
}

const readme = `codeaudit evidence pack

This archive records one scan: what was run (metadata.json, rules.json),
what it found (results/result.json, results/result.sarif) and the reports
given to developers (reports/technical-report.html) and to management
(reports/management-report.html and .pdf).

To check that nothing was changed since the pack was made, unzip it and run

    sha256sum -c MANIFEST.sha256

and keep the SHA-256 of the zip itself with the engagement records.

The compliance mapping in the management report is evidence for an
assessment, not a certification. Licence notices of the mapping data are
in NOTICE.md.
`
