// Package view holds the presentation choices shared by the human-readable
// formats (text and markdown): the order findings are shown in, how a
// duration or a count is written, which part of a remediation is a
// summary. Keeping them here makes the formats agree with each other.
package view

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/socyber/codeaudit/internal/finding"
)

// Sorted returns a copy of fs ordered for reading: most severe first, then
// by path, line, column, rule id and fingerprint, so output is
// deterministic whatever order the engine produced.
func Sorted(fs []finding.Finding) []finding.Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, Compare)
	return out
}

// Compare orders two findings as Sorted does.
func Compare(a, b finding.Finding) int {
	return cmp.Or(
		cmp.Compare(b.Severity, a.Severity),
		cmp.Compare(a.Location.Path, b.Location.Path),
		cmp.Compare(a.Location.StartLine, b.Location.StartLine),
		cmp.Compare(a.Location.StartColumn, b.Location.StartColumn),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Fingerprint, b.Fingerprint),
	)
}

// OWASPIDs returns the OWASP Top 10 ids of a finding in the short form
// "A03:2021", 2021 first.
func OWASPIDs(f *finding.Finding) []string {
	var ids []string
	for _, c := range []*finding.OWASPRef{f.OWASP2021, f.OWASP2025} {
		if c != nil && c.ID != "" {
			ids = append(ids, c.ID+":"+strconv.Itoa(c.Year))
		}
	}
	return ids
}

// Duration writes milliseconds the way people read them: "120ms",
// "3.25s", "2m05s".
func Duration(ms int64) string {
	d := time.Duration(ms) * time.Millisecond
	switch {
	case d < time.Second:
		return fmt.Sprintf("%dms", ms)
	case d < time.Minute:
		return strconv.FormatFloat(d.Seconds(), 'f', 2, 64) + "s"
	default:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
}

// Count writes n with thousands separators: 15745 -> "15,745".
func Count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Plural returns "1 warning" or "3 warnings".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return Count(n) + " " + word + "s"
}

// Flagged reports whether snippet line number line is inside the finding's
// span.
func Flagged(loc finding.Location, line int) bool {
	end := max(loc.EndLine, loc.StartLine)
	return line >= loc.StartLine && line <= end
}
