package deps

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/socyber/codeaudit/internal/deps/inventory"
	"github.com/socyber/codeaudit/internal/deps/osvdb"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

// vulnFinding is a package matched by one (alias-merged) vulnerability.
type vulnFinding struct {
	pkg   inventory.Package
	match *osvdb.Match
	// reach is "reachable", "unreachable" or "" when not analysed.
	reach string
	// reachTrace is the call path to a vulnerable symbol, if reachable.
	reachTrace []finding.TraceStep
	// dbFetched is when the ecosystem's advisories were fetched (RFC 3339).
	dbFetched string
}

// severity returns the finding's severity, score and where they came from.
func (v *vulnFinding) severity() (finding.Severity, float64, string) {
	m := v.match
	if m.Score > 0 {
		src := "cvss_v3"
		if strings.HasPrefix(m.CVSSVector, "CVSS:4.0/") {
			src = "cvss_v4"
		}
		return finding.SeverityForScore(m.Score), m.Score, src
	}
	if m.SeverityLabel != "" {
		if s, err := finding.ParseSeverity(m.SeverityLabel); err == nil {
			return s, s.Score(), "advisory"
		}
	}
	return finding.Medium, finding.Medium.Score(), "default"
}

func (v *vulnFinding) finding() finding.Finding {
	p, m := v.pkg, v.match
	line := max(p.Line, 1)
	loc := finding.Location{Path: p.Path, StartLine: line, EndLine: line}

	var msg strings.Builder
	stdlib := p.Ecosystem == "Go" && p.Name == "stdlib"
	if stdlib {
		fmt.Fprintf(&msg, "the Go standard library of go %s (the go directive's version) is affected by %s", p.Version, m.ID)
	} else {
		fmt.Fprintf(&msg, "%s %s is affected by %s", p.Name, p.Version, m.ID)
	}
	if len(m.Aliases) > 0 {
		fmt.Fprintf(&msg, " (%s)", joinComma(m.Aliases))
	}
	if m.Summary != "" {
		fmt.Fprintf(&msg, ": %s", strings.TrimRight(m.Summary, "."))
	}
	if m.FixedVersion != "" {
		fmt.Fprintf(&msg, "; upgrade to %s or later", m.FixedVersion)
	} else {
		msg.WriteString("; no fixed version is known")
	}
	if p.Relation == inventory.Transitive {
		msg.WriteString(" (transitive dependency)")
	}
	switch v.reach {
	case reachReachable:
		msg.WriteString("; the vulnerable code is called")
	case reachUnreachable:
		msg.WriteString("; no call to the vulnerable code was found")
	}

	f := finding.New(ruleByID(RuleVulnerable), loc, msg.String())
	sev, score, src := v.severity()
	f.Severity, f.SecuritySeverity = sev, score
	if v.reach == reachUnreachable && f.Severity > finding.Low {
		f.Severity, f.SecuritySeverity = finding.Low, finding.Low.Score()
	}
	if !p.Locked || stdlib {
		// A manifest's version, or a go directive, may be a minimum rather
		// than what is built with.
		f.Confidence = finding.ConfidenceMedium
	}
	var known []string
	for _, c := range m.CWEs {
		if taxonomy.KnownCWE(c) {
			known = append(known, c)
		}
	}
	if len(known) > 0 {
		f.CWE, f.RelatedCWEs = known[0], append(slices.Clone(known[1:]), "CWE-1395")
	}
	// A vulnerable component is OWASP A06:2021 / A03:2025 whatever the
	// advisory's own weakness (CWE-1395's ancestry maps it elsewhere).
	f.OWASP2021, f.OWASP2025 = owaspCategory(2021, "A06"), owaspCategory(2025, "A03")
	refs := []string{osvURL(m.ID)}
	refs = append(refs, m.References...)
	f.References = append(refs, f.References...)
	f.Trace = v.reachTrace

	props := map[string]string{
		"package":         p.Name,
		"version":         p.Version,
		"ecosystem":       p.Ecosystem,
		"advisory_ids":    strings.Join(m.IDs(), ","),
		"aliases":         strings.Join(m.Aliases, ","),
		"fixed_version":   m.FixedVersion,
		"purl":            p.PURL,
		"relation":        string(p.Relation),
		"severity_source": src,
		"summary":         m.Summary,
		"osv_db_fetched":  v.dbFetched,
	}
	if m.CVSSVector != "" {
		props["cvss_vector"] = m.CVSSVector
		props["cvss_score"] = strconv.FormatFloat(m.Score, 'f', 1, 64)
	}
	if v.reach != "" {
		props["reachability"] = v.reach
	}
	for k, val := range props {
		if val == "" {
			delete(props, k)
		}
	}
	f.Properties = props
	return f
}

// owaspCategory returns the named OWASP Top 10 category, or nil. The
// taxonomy builds each year's list afresh, so the two categories used
// here are looked up once (a large scan emits thousands of findings).
func owaspCategory(year int, id string) *finding.OWASPRef {
	c, ok := owaspCategories()[fmt.Sprintf("%d:%s", year, id)]
	if !ok {
		return nil
	}
	return &c
}

var owaspCategories = sync.OnceValue(func() map[string]finding.OWASPRef {
	out := map[string]finding.OWASPRef{}
	for _, year := range []int{2021, 2025} {
		for _, c := range taxonomy.OWASPCategories(year) {
			out[fmt.Sprintf("%d:%s", year, c.ID)] = c
		}
	}
	return out
})
