package finding

import (
	"fmt"
	"strings"
)

// Severity grades the impact of a finding. The zero value is invalid so a
// forgotten severity is caught by Validate.
type Severity int

// Severities from the least to the most serious; comparisons use this order.
const (
	SeverityUnknown Severity = iota
	Info
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"unknown", "info", "low", "medium", "high", "critical"}

// Severities lists the valid severities from the most serious down.
var Severities = []Severity{Critical, High, Medium, Low, Info}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity accepts our names (critical/high/medium/low/info) in any
// case, and Semgrep's legacy ERROR/WARNING/INFO (ERROR is high, WARNING
// medium, INFO low: Semgrep's INFO marks real but minor issues).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "critical":
		return Critical, nil
	case "high", "error":
		return High, nil
	case "medium", "warning", "moderate":
		return Medium, nil
	case "low":
		return Low, nil
	case "info", "informational", "note":
		return Info, nil
	}
	return SeverityUnknown, fmt.Errorf("unknown severity %q (want critical, high, medium, low or info)", s)
}

// Score is the default numeric security-severity (0-10, as in CVSS and
// GitHub code scanning) for a severity when the rule gives none.
func (s Severity) Score() float64 {
	switch s {
	case Critical:
		return 9.5
	case High:
		return 8.0
	case Medium:
		return 5.5
	case Low:
		return 3.0
	}
	return 0.0
}

// SeverityForScore maps a 0-10 score to a severity with GitHub's bands
// (>9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low).
func SeverityForScore(score float64) Severity {
	switch {
	case score >= 9.0:
		return Critical
	case score >= 7.0:
		return High
	case score >= 4.0:
		return Medium
	case score > 0:
		return Low
	}
	return Info
}

// MarshalText writes the lower-case name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads any name ParseSeverity accepts.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Confidence says how sure the analyzer is that the finding is real.
type Confidence int

// Confidence levels, least sure first.
const (
	ConfidenceUnknown Confidence = iota
	ConfidenceLow
	ConfidenceMedium
	ConfidenceHigh
)

var confidenceNames = [...]string{"unknown", "low", "medium", "high"}

func (c Confidence) String() string {
	if c < 0 || int(c) >= len(confidenceNames) {
		return "unknown"
	}
	return confidenceNames[c]
}

// ParseConfidence accepts low, medium and high in any case.
func ParseConfidence(s string) (Confidence, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "high":
		return ConfidenceHigh, nil
	case "medium":
		return ConfidenceMedium, nil
	case "low":
		return ConfidenceLow, nil
	}
	return ConfidenceUnknown, fmt.Errorf("unknown confidence %q (want high, medium or low)", s)
}

// MarshalText writes the lower-case name.
func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads any name ParseConfidence accepts.
func (c *Confidence) UnmarshalText(b []byte) error {
	v, err := ParseConfidence(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
