package management

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
)

// ParseSLA reads SLA days per severity written as
// "critical=7,high=30,medium=90,low=120" (any subset, any order), for the
// --sla flag.
func ParseSLA(s string) (map[finding.Severity]int, error) {
	out := map[finding.Severity]int{}
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, days, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("sla %q: want severity=days", part)
		}
		sev, err := finding.ParseSeverity(name)
		if err != nil {
			return nil, fmt.Errorf("sla %q: %w", part, err)
		}
		n, err := strconv.Atoi(strings.TrimSpace(days))
		if err != nil || n < 0 || n > 3650 {
			return nil, fmt.Errorf("sla %q: days must be a whole number from 0 to 3650", part)
		}
		out[sev] = n
	}
	return out, nil
}
