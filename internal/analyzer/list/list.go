// Package list is the one place analyzers are registered. Adding an
// analyzer means adding its constructor to All (and its options to
// Options); nothing else in the engine changes, and the CLI only gains the
// analyzer's flags (internal/cli/analyzers.go).
package list

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/aimodel"
	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/deps"
	"github.com/socyber/codeaudit/internal/deps/sbom"
	"github.com/socyber/codeaudit/internal/pipeline"
	"github.com/socyber/codeaudit/internal/policy"
	"github.com/socyber/codeaudit/internal/sast"
	"github.com/socyber/codeaudit/internal/secrets"
	"github.com/socyber/codeaudit/internal/source"
)

// Options carries each analyzer's own options from the CLI.
type Options struct {
	SAST     sast.Options
	Secrets  secrets.Options
	Deps     deps.Options
	Pipeline pipeline.Options
	Models   aimodel.Options
	Policy   policy.Options
}

// All builds every analyzer, in a fixed order. An error means bad input
// (a user rule file that does not load): the CLI exits 2 with it.
func All(opts Options) ([]analyzer.Analyzer, error) {
	s, err := sast.New(opts.SAST)
	if err != nil {
		return nil, err
	}
	if opts.Deps.Models == nil {
		opts.Deps.Models = modelComponents
	}
	d, err := deps.New(opts.Deps)
	if err != nil {
		return nil, err
	}
	all := []analyzer.Analyzer{
		s,
		secrets.New(opts.Secrets),
		d,
		pipeline.New(opts.Pipeline),
		aimodel.New(opts.Models),
		aimodel.NewCodeAnalyzer(),
	}
	// Policies are the user's own (--policy); without one there is nothing
	// to check, so the analyzer is not built.
	if len(opts.Policy.Files) > 0 {
		p, err := policy.New(opts.Policy)
		if err != nil {
			return nil, err
		}
		all = append(all, p)
	}
	return all, nil
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

// modelComponents feeds the models analyzer's file inventory into the deps
// analyzer's CycloneDX SBOM (the AI-BOM).
func modelComponents(ctx context.Context, files []source.File) ([]sbom.Model, error) {
	comps, err := aimodel.Components(ctx, files)
	out := make([]sbom.Model, 0, len(comps))
	for _, c := range comps {
		out = append(out, sbom.Model{Name: c.Name, Path: c.Path, Format: c.Format, SHA256: c.SHA256})
	}
	return out, err
}
