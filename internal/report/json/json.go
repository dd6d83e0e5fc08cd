// Package json writes a scan result as JSON (the documented, stable format
// described in docs/json-output.md) and reads such a report back, for
// --baseline and `codeaudit report --from`.
package json

import (
	encjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/result"
)

// MaxReportSize bounds how many bytes Read accepts, so a corrupt or hostile
// baseline cannot exhaust memory. A report of a huge repository with
// 100,000 findings stays well below it.
const MaxReportSize = 512 << 20

// maxReportedErrors caps how many problems one Read error lists.
const maxReportedErrors = 10

// Writer writes the result as indented JSON.
type Writer struct{}

// New returns the JSON writer.
func New() *Writer { return &Writer{} }

// Write marshals r with two-space indentation and a trailing newline.
// Lists that are always present (findings, scanners) are written as []
// rather than null when empty.
func (*Writer) Write(w io.Writer, r *result.Result) error {
	if r == nil {
		return errors.New("json: nil result")
	}
	out := *r
	if out.SchemaVersion == "" {
		out.SchemaVersion = result.SchemaVersion
	}
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
	}
	if out.Scanners == nil {
		out.Scanners = []string{}
	}
	if out.Stats.BySeverity == nil {
		out.Stats.BySeverity = map[finding.Severity]int{}
	}
	enc := encjson.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Code snippets and messages are easier to read without \u003c.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		return fmt.Errorf("json: write result: %w", err)
	}
	return nil
}

// Read decodes a report written by Write (by this or an earlier version
// with the same major schema version). Fields added by a newer minor
// version are ignored; a different major version is rejected.
func Read(r io.Reader) (*result.Result, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxReportSize+1))
	if err != nil {
		return nil, fmt.Errorf("read report: %w", err)
	}
	if len(data) > MaxReportSize {
		return nil, fmt.Errorf("read report: larger than %d MiB", MaxReportSize>>20)
	}
	var head struct {
		SchemaVersion *string `json:"schema_version"`
	}
	if err := encjson.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("read report: not a codeaudit JSON report: %w", err)
	}
	if head.SchemaVersion == nil {
		return nil, errors.New("read report: not a codeaudit JSON report (no schema_version)")
	}
	if err := checkVersion(*head.SchemaVersion); err != nil {
		return nil, fmt.Errorf("read report: %w", err)
	}
	var res result.Result
	if err := encjson.Unmarshal(data, &res); err != nil {
		return nil, fmt.Errorf("read report: %w", err)
	}
	if err := check(&res); err != nil {
		return nil, fmt.Errorf("read report: %w", err)
	}
	return &res, nil
}

// check rejects findings and rules that no reader can use: a finding
// without a rule id or a severity cannot be matched against a baseline or
// written out again.
func check(r *result.Result) error {
	var errs []error
	for _, l := range []struct {
		name string
		fs   []finding.Finding
	}{{"findings", r.Findings}, {"suppressed", r.Suppressed}} {
		list, fs := l.name, l.fs
		for i := range fs {
			f := &fs[i]
			if f.RuleID == "" {
				errs = append(errs, fmt.Errorf("%s[%d]: rule_id is missing", list, i))
			}
			if f.Severity == finding.SeverityUnknown || f.Confidence == finding.ConfidenceUnknown {
				errs = append(errs, fmt.Errorf("%s[%d] (%s): severity or confidence is missing", list, i, f.RuleID))
			}
			if len(errs) >= maxReportedErrors {
				return errors.Join(errs...)
			}
		}
	}
	for i := range r.Rules {
		if r.Rules[i].Severity == finding.SeverityUnknown || r.Rules[i].Confidence == finding.ConfidenceUnknown {
			errs = append(errs, fmt.Errorf("rules[%d] (%s): severity or confidence is missing", i, r.Rules[i].ID))
			if len(errs) >= maxReportedErrors {
				break
			}
		}
	}
	return errors.Join(errs...)
}

// checkVersion accepts any schema version with the same major number as
// result.SchemaVersion.
func checkVersion(v string) error {
	want, _ := major(result.SchemaVersion)
	got, ok := major(v)
	if !ok {
		return fmt.Errorf("schema_version %q is not of the form MAJOR.MINOR", v)
	}
	if got != want {
		return fmt.Errorf("schema_version %s is not supported: this codeaudit reads %d.x reports; use a codeaudit release that writes %d.x",
			v, want, got)
	}
	return nil
}

func major(v string) (int, bool) {
	maj, minor, ok := strings.Cut(v, ".")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(maj)
	if err != nil || n < 0 {
		return 0, false
	}
	if _, err := strconv.Atoi(minor); err != nil {
		return 0, false
	}
	return n, true
}
