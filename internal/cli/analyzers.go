package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/socyber/codeaudit/internal/analyzer/list"
	"github.com/socyber/codeaudit/internal/deps"
)

// addAnalyzerFlags declares the flags that configure individual analyzers.
// Each analyzer's options live in list.Options; this is the only place
// they meet the command line.
func addAnalyzerFlags(f *pflag.FlagSet, o *list.Options) {
	// sast
	f.StringArrayVar(&o.SAST.RuleFiles, "rules", nil, "add rules from a YAML `FILE` or directory (repeatable; Semgrep-compatible syntax)")
	f.BoolVar(&o.SAST.RulesOnly, "rules-only", false, "run only the rules given with --rules, not the built-in packs")
	// secrets
	f.BoolVar(&o.Secrets.GitHistory, "git-history", false, "also scan every commit of the git history for secrets")
	f.BoolVar(&o.Secrets.Staged, "staged", false, "scan only files staged for commit, and for secrets only the staged lines (pre-commit hooks)")
	f.IntVar(&o.Secrets.MaxCommits, "max-commits", 0, "read at most `N` commits with --git-history (0: all)")
	// deps
	f.StringVar(&o.Deps.DBDir, "db", "", "OSV database `DIR` (DIR/<Ecosystem>/all.zip; default: "+deps.DefaultDBDir()+")")
	f.BoolVar(&o.Deps.Offline, "offline", false, "never touch the network (scans are always offline; this documents the intent)")
	f.BoolVar(&o.Deps.Reachability, "reachability", false, "mark Go advisories whose vulnerable functions are called; unreached ones drop to low")
	f.StringArrayVar(&o.Policy.Files, "policy", nil, "check required-call policies from a YAML `FILE`, e.g. a fraud check before every payment (repeatable; docs/policy.md)")
	// models
	f.StringArrayVar(&o.Models.AllowImports, "models-allow-import", nil, "trust a pickle callable in model files, `module.name` or module.* (repeatable)")
	f.Var(&sbomFlag{&o.Deps.SBOMs}, "sbom", "write an SBOM: `FORMAT=FILE` with FORMAT cyclonedx or spdx (repeatable)")
}

// sbomFlag parses --sbom cyclonedx=FILE.
type sbomFlag struct{ reqs *[]deps.SBOMRequest }

func (s *sbomFlag) String() string {
	if s.reqs == nil {
		return ""
	}
	var parts []string
	for _, r := range *s.reqs {
		parts = append(parts, r.Format+"="+r.Path)
	}
	return strings.Join(parts, ",")
}

func (s *sbomFlag) Set(v string) error {
	format, path, ok := strings.Cut(v, "=")
	format = strings.ToLower(strings.TrimSpace(format))
	if !ok || path == "" || (format != deps.FormatCycloneDX && format != deps.FormatSPDX) {
		return fmt.Errorf("want cyclonedx=FILE or spdx=FILE, got %q", v)
	}
	*s.reqs = append(*s.reqs, deps.SBOMRequest{Format: format, Path: path})
	return nil
}

func (s *sbomFlag) Type() string { return "FORMAT=FILE" }
