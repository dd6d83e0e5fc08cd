package secrets

import (
	"cmp"
	"slices"

	"github.com/socyber/codeaudit/internal/finding"
)

func sortFindings(fs []finding.Finding) {
	slices.SortFunc(fs, func(a, b finding.Finding) int {
		return cmp.Or(cmp.Compare(a.Location.Path, b.Location.Path),
			cmp.Compare(a.Location.StartLine, b.Location.StartLine),
			cmp.Compare(a.Location.StartColumn, b.Location.StartColumn),
			cmp.Compare(a.RuleID, b.RuleID))
	})
}

func sortRecords(rs []*histRecord) {
	slices.SortFunc(rs, func(a, b *histRecord) int {
		return cmp.Or(cmp.Compare(a.f.Location.Path, b.f.Location.Path),
			cmp.Compare(a.f.Location.StartLine, b.f.Location.StartLine),
			cmp.Compare(a.f.RuleID, b.f.RuleID))
	})
}
