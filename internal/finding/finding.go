package finding

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/taxonomy"
)

// Rule is the metadata of one check, shared by all its findings. It lives
// with the rule's code (or YAML) and is listed by `codeaudit rules list`.
type Rule struct {
	// ID is stable and never reused for another meaning, e.g.
	// "go.sql.injection". Lower case, dot- or dash-separated words.
	ID string `json:"id"`
	// Title is a short human name: "SQL query built from user input".
	Title string `json:"title"`
	// Description says what the rule detects and why it matters.
	Description string     `json:"description,omitempty"`
	Severity    Severity   `json:"severity"`
	Confidence  Confidence `json:"confidence"`
	// SecuritySeverity is the 0-10 score; zero means Severity.Score().
	SecuritySeverity float64 `json:"security_severity,omitempty"`
	// CWE is exactly one primary weakness, "CWE-89".
	CWE         string   `json:"cwe"`
	RelatedCWEs []string `json:"related_cwes,omitempty"`
	Remediation string   `json:"remediation,omitempty"`
	References  []string `json:"references,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	// Languages the rule applies to ("go", "python", ...), where it is
	// language-specific.
	Languages []string `json:"languages,omitempty"`
	// Analyzer names the analyzer that owns the rule.
	Analyzer string `json:"analyzer"`
}

var ruleIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._/-]*[a-z0-9]$`)

// Validate checks that the rule is complete enough to report.
func (r *Rule) Validate() error {
	var errs []error
	if !ruleIDPattern.MatchString(r.ID) {
		errs = append(errs, fmt.Errorf("rule id %q must be lower case letters, digits, '.', '-', '_' or '/'", r.ID))
	}
	if r.Title == "" {
		errs = append(errs, errors.New("title is empty"))
	}
	if r.Severity == SeverityUnknown {
		errs = append(errs, errors.New("severity is not set"))
	}
	if r.Confidence == ConfidenceUnknown {
		errs = append(errs, errors.New("confidence is not set"))
	}
	if _, ok := taxonomy.ParseCWE(r.CWE); !ok || !strings.HasPrefix(r.CWE, "CWE-") {
		errs = append(errs, fmt.Errorf("cwe %q must be of the form CWE-89", r.CWE))
	}
	if r.SecuritySeverity < 0 || r.SecuritySeverity > 10 {
		errs = append(errs, fmt.Errorf("security severity %v outside 0-10", r.SecuritySeverity))
	}
	if r.Analyzer == "" {
		errs = append(errs, errors.New("analyzer is empty"))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("rule %s: %w", r.ID, err)
	}
	return nil
}

// Score returns the numeric security severity.
func (r *Rule) Score() float64 {
	if r.SecuritySeverity > 0 {
		return r.SecuritySeverity
	}
	return r.Severity.Score()
}

// Location is a span in a file. Lines and columns are 1-based; columns count
// bytes. Path is relative to the scan root with forward slashes.
type Location struct {
	Path        string `json:"path"`
	StartLine   int    `json:"start_line"`
	StartColumn int    `json:"start_column,omitempty"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column,omitempty"`
	// Revision is the commit whose version of the file the lines refer to,
	// for findings in git history; empty means the working tree. The engine
	// neither builds snippets from nor applies the working tree's inline
	// suppressions to a location in another revision.
	Revision string `json:"revision,omitempty"`
}

func (l Location) String() string {
	if l.StartColumn > 0 {
		return fmt.Sprintf("%s:%d:%d", l.Path, l.StartLine, l.StartColumn)
	}
	return fmt.Sprintf("%s:%d", l.Path, l.StartLine)
}

// Snippet is the code around a finding: Lines[0] is line StartLine.
type Snippet struct {
	StartLine int      `json:"start_line"`
	Lines     []string `json:"lines"`
}

// TraceStep is one step of a source-to-sink path.
type TraceStep struct {
	Location Location `json:"location"`
	// Note says what happens here: "user input read from r.URL.Query()".
	Note string `json:"note"`
	// Kind is "source", "propagation" or "sink" where known.
	Kind string `json:"kind,omitempty"`
}

// OWASPRef is an OWASP Top 10 category a finding falls under.
type OWASPRef = taxonomy.Category

// Suppression records why a finding is not reported as open.
type Suppression struct {
	// Kind is "inline" (codeaudit:ignore comment), "config" (.codeaudit.yaml)
	// or "baseline" (present in the --baseline report).
	Kind   string `json:"kind"`
	Reason string `json:"reason,omitempty"`
	// Source is where the suppression was written: "app.go:12" or ".codeaudit.yaml:7".
	Source string `json:"source,omitempty"`
}

// Finding is one reported problem.
type Finding struct {
	RuleID           string      `json:"rule_id"`
	Title            string      `json:"title"`
	Message          string      `json:"message"`
	Severity         Severity    `json:"severity"`
	SecuritySeverity float64     `json:"security_severity"`
	Confidence       Confidence  `json:"confidence"`
	CWE              string      `json:"cwe"`
	RelatedCWEs      []string    `json:"related_cwes,omitempty"`
	OWASP2021        *OWASPRef   `json:"owasp_2021,omitempty"`
	OWASP2025        *OWASPRef   `json:"owasp_2025,omitempty"`
	Location         Location    `json:"location"`
	Snippet          *Snippet    `json:"snippet,omitempty"`
	Trace            []TraceStep `json:"trace,omitempty"`
	Remediation      string      `json:"remediation,omitempty"`
	References       []string    `json:"references,omitempty"`
	Tags             []string    `json:"tags,omitempty"`
	Analyzer         string      `json:"analyzer"`
	// Fingerprint identifies the finding across edits: see Fingerprint.
	Fingerprint string `json:"fingerprint"`
	// Properties carries analyzer-specific facts (advisory ids, commit,
	// package version). Values are strings so every format can show them.
	Properties map[string]string `json:"properties,omitempty"`
	// Suppression is set when the finding was suppressed.
	Suppression *Suppression `json:"suppression,omitempty"`
}

// New starts a finding from a rule's metadata. Callers set Location,
// Message and, where they have one, Trace.
func New(r *Rule, loc Location, message string) Finding {
	return Finding{
		RuleID:           r.ID,
		Title:            r.Title,
		Message:          message,
		Severity:         r.Severity,
		SecuritySeverity: r.Score(),
		Confidence:       r.Confidence,
		CWE:              r.CWE,
		RelatedCWEs:      r.RelatedCWEs,
		Location:         loc,
		Remediation:      r.Remediation,
		References:       r.References,
		Tags:             r.Tags,
		Analyzer:         r.Analyzer,
	}
}

// Classify fills the OWASP categories from the CWE and defaults the numeric
// severity. It is idempotent.
func (f *Finding) Classify() {
	if f.SecuritySeverity == 0 {
		f.SecuritySeverity = f.Severity.Score()
	}
	if f.OWASP2021 == nil {
		if c, ok := taxonomy.OWASP(f.CWE, 2021); ok {
			f.OWASP2021 = &c
		}
	}
	if f.OWASP2025 == nil {
		if c, ok := taxonomy.OWASP(f.CWE, 2025); ok {
			f.OWASP2025 = &c
		}
	}
}
