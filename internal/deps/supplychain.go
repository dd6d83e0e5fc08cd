package deps

import (
	"context"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/deps/inventory"
	"github.com/socyber/codeaudit/internal/finding"
)

func (a *Analyzer) supplyChain(ctx context.Context, p *analyzer.Project, inv *inventory.Inventory, out analyzer.Emitter) []finding.Finding {
	return nil
}
