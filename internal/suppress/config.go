package suppress

import (
	"fmt"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/socyber/codeaudit/internal/finding"
)

// Ignore is one ignore entry of .codeaudit.yaml. A finding matches when
// every field that is set matches: the rule id (glob), one of the paths
// (doublestar globs relative to the scan root) and the fingerprint.
type Ignore struct {
	Rule        string
	Paths       []string
	Fingerprint string
	Reason      string
	// Expires is the last day the entry applies (inclusive); zero means never.
	Expires time.Time
	// Source is where the entry was written, "FILE:LINE".
	Source string
}

// Expired reports whether the entry no longer applies on day now.
func (ig *Ignore) Expired(now time.Time) bool {
	if ig.Expires.IsZero() {
		return false
	}
	y, m, d := ig.Expires.Date()
	lastDay := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	return !now.Before(lastDay.AddDate(0, 0, 1))
}

// Matches reports whether the entry covers the finding.
func (ig *Ignore) Matches(f *finding.Finding) bool {
	if ig.Rule != "" {
		if ok, _ := doublestar.Match(ig.Rule, f.RuleID); !ok {
			return false
		}
	}
	if ig.Fingerprint != "" && ig.Fingerprint != f.Fingerprint {
		return false
	}
	if len(ig.Paths) > 0 {
		hit := false
		for _, p := range ig.Paths {
			if ok, _ := doublestar.Match(p, f.Location.Path); ok {
				hit = true
				break
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

// Validate checks an entry's shape; the config loader reports the error
// with the entry's file and line.
func (ig *Ignore) Validate() error {
	if ig.Rule == "" && ig.Fingerprint == "" {
		return fmt.Errorf("ignore entry needs a rule or a fingerprint")
	}
	if ig.Reason == "" {
		return fmt.Errorf("ignore entry needs a reason")
	}
	if ig.Rule != "" && !doublestar.ValidatePattern(ig.Rule) {
		return fmt.Errorf("invalid rule pattern %q", ig.Rule)
	}
	for _, p := range ig.Paths {
		if !doublestar.ValidatePattern(p) {
			return fmt.Errorf("invalid path pattern %q", p)
		}
	}
	return nil
}

// Set applies config ignores and a baseline to findings.
type Set struct {
	Ignores  []Ignore
	Baseline *Baseline
	// Now is today's date for expiry checks.
	Now time.Time
}

// Active splits the ignore entries into those in force and the expired
// ones (which the CLI reports as warnings).
func (s *Set) Active() (active, expired []Ignore) {
	for _, ig := range s.Ignores {
		if ig.Expired(s.Now) {
			expired = append(expired, ig)
		} else {
			active = append(active, ig)
		}
	}
	return active, expired
}

// Match returns why a finding is suppressed by config or baseline, or nil.
// Config entries win over the baseline so their reason is shown.
func (s *Set) Match(f *finding.Finding) *finding.Suppression {
	if s == nil {
		return nil
	}
	for i := range s.Ignores {
		ig := &s.Ignores[i]
		if !ig.Expired(s.Now) && ig.Matches(f) {
			return &finding.Suppression{Kind: "config", Reason: ig.Reason, Source: ig.Source}
		}
	}
	if s.Baseline.Has(f.Fingerprint) {
		return &finding.Suppression{Kind: "baseline", Reason: "present in baseline " + s.Baseline.Source, Source: s.Baseline.Source}
	}
	return nil
}
