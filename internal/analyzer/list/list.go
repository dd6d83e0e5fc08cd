// Package list is the one place analyzers are registered. Adding an
// analyzer means adding its constructor to All (and its options to
// Options); nothing else in the engine or the CLI changes.
package list

import (
	"fmt"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
)

// Options carries each analyzer's own options from the CLI.
type Options struct{}

// All builds every analyzer, in a fixed order.
func All(opts Options) ([]analyzer.Analyzer, error) {
	var out []analyzer.Analyzer
	return out, nil
}

// ParseScanners validates --scanners names (comma-separated pieces
// allowed) and returns them de-duplicated in canonical order. Empty input
// selects every scanner.
func ParseScanners(names []string) ([]string, error) {
	if len(names) == 0 {
		return slices.Clone(analyzer.Scanners), nil
	}
	want := map[string]bool{}
	for _, n := range names {
		for part := range strings.SplitSeq(n, ",") {
			part = strings.ToLower(strings.TrimSpace(part))
			if part == "" {
				continue
			}
			if part == "all" {
				return slices.Clone(analyzer.Scanners), nil
			}
			if !slices.Contains(analyzer.Scanners, part) {
				return nil, fmt.Errorf("unknown scanner %q (valid: %s)", part, strings.Join(analyzer.Scanners, ", "))
			}
			want[part] = true
		}
	}
	if len(want) == 0 {
		return nil, fmt.Errorf("--scanners names no scanner (valid: %s)", strings.Join(analyzer.Scanners, ", "))
	}
	var out []string
	for _, s := range analyzer.Scanners {
		if want[s] {
			out = append(out, s)
		}
	}
	return out, nil
}

// Select keeps the analyzers of the given scanners.
func Select(all []analyzer.Analyzer, scanners []string) []analyzer.Analyzer {
	var out []analyzer.Analyzer
	for _, a := range all {
		if slices.Contains(scanners, a.Info().Scanner) {
			out = append(out, a)
		}
	}
	return out
}
