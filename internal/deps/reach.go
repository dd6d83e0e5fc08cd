package deps

import (
	"context"

	"github.com/socyber/codeaudit/internal/analyzer"
)

// Reachability verdicts.
const (
	reachReachable   = "reachable"
	reachUnreachable = "unreachable"
)

// applyReachability marks Go findings reachable or not.
func (a *Analyzer) applyReachability(ctx context.Context, p *analyzer.Project, vulns []*vulnFinding, out analyzer.Emitter) {
	out.Warn("", "dependencies: Go reachability analysis is not available in this build")
}
