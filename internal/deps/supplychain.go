package deps

import (
	"context"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/deps/inventory"
	"github.com/socyber/codeaudit/internal/deps/supplychain"
	"github.com/socyber/codeaudit/internal/finding"
)

var kindRule = map[string]string{
	supplychain.KindUnpinned:      RuleUnpinnedGit,
	supplychain.KindInstallScript: RuleInstallScript,
	supplychain.KindMissingLock:   RuleMissingLock,
	supplychain.KindTyposquat:     RuleTyposquat,
}

// supplyChain runs the supply-chain checks and turns their issues into
// findings.
func (a *Analyzer) supplyChain(ctx context.Context, p *analyzer.Project, _ *inventory.Inventory, out analyzer.Emitter) []finding.Finding {
	issues, problems := supplychain.Check(ctx, p.Files, p.ReadFile)
	for _, pr := range problems {
		out.Warn(pr.Path, "supply-chain checks: "+pr.Message)
	}
	var fs []finding.Finding
	for _, is := range issues {
		line := max(is.Line, 1)
		f := finding.New(ruleByID(kindRule[is.Kind]), finding.Location{Path: is.Path, StartLine: line, EndLine: line}, is.Message)
		props := map[string]string{}
		if is.Package != "" {
			props["package"] = is.Package
		}
		if is.Ecosystem != "" {
			props["ecosystem"] = is.Ecosystem
		}
		if is.Similar != "" {
			props["similar_to"] = is.Similar
		}
		if len(props) > 0 {
			f.Properties = props
		}
		fs = append(fs, f)
	}
	return fs
}
