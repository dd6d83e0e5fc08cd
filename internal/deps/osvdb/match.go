package osvdb

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/google/osv-scalibr/semantic"
)

// Match is one vulnerability affecting an installed package version, after
// the advisories that alias each other were merged.
type Match struct {
	// ID is the primary advisory id: the ecosystem database's own id where
	// one exists (GO-, PYSEC-, RUSTSEC-...), else a GHSA, else another
	// database's id, else a CVE.
	ID string
	// Aliases are every other id of the vulnerability, sorted.
	Aliases []string
	// Summary is the first non-empty summary (or first line of details).
	Summary string
	// FixedVersion is the lowest version above the installed one that
	// every merged advisory lists as fixed; empty when none is known.
	FixedVersion string
	// Score is the highest CVSS base score found (v4 or v3); zero when no
	// advisory carries a CVSS vector.
	Score float64
	// CVSSVector is the vector Score came from.
	CVSSVector string
	// SeverityLabel is the advisory's stated severity word
	// (database_specific.severity) when it has no usable CVSS vector.
	SeverityLabel string
	// CWEs are the weaknesses the advisories name, in order, deduplicated.
	CWEs []string
	// References are advisory links, advisories first.
	References []string
	// Advisories are the merged database entries, primary first.
	Advisories []*Vulnerability
}

// IDs returns the primary id followed by the aliases.
func (m *Match) IDs() []string { return append([]string{m.ID}, m.Aliases...) }

// Match returns the vulnerabilities affecting version of the named
// package, one per alias group, sorted by id. An empty version matches
// nothing (unpinned manifest entries cannot be judged).
func (ix *Index) Match(name, version string) ([]Match, error) {
	if ix == nil || version == "" {
		return nil, nil
	}
	cands := ix.Lookup(name)
	if len(cands) == 0 {
		return nil, nil
	}
	installed, err := semantic.Parse(version, ix.Ecosystem)
	if err != nil {
		return nil, fmt.Errorf("%s version %q: %w", name, version, err)
	}
	key := NormalizeName(ix.Ecosystem, name)
	type hit struct {
		v     *Vulnerability
		fixed string // lowest fixed above installed in this advisory
	}
	var hits []hit
	for _, v := range cands {
		affected, fixed := false, ""
		for i := range v.Affected {
			a := &v.Affected[i]
			if BaseEcosystem(a.Package.Ecosystem) != ix.Ecosystem || NormalizeName(ix.Ecosystem, a.Package.Name) != key {
				continue
			}
			if affects(a, ix.Ecosystem, version, installed) {
				affected = true
				if f := lowestFixedAbove(a, ix.Ecosystem, installed); f != "" && (fixed == "" || less(ix.Ecosystem, f, fixed)) {
					fixed = f
				}
			}
		}
		if affected {
			hits = append(hits, hit{v, fixed})
		}
	}
	if len(hits) == 0 {
		return nil, nil
	}

	// Merge advisories sharing any id into groups (union by id).
	groupOf := map[string]int{}
	var groups [][]hit
	for _, h := range hits {
		g := -1
		for _, id := range h.v.IDs() {
			if gi, ok := groupOf[id]; ok {
				if g == -1 {
					g = gi
				} else if gi != g {
					groups[g] = append(groups[g], groups[gi]...)
					for _, m := range groups[gi] {
						for _, mid := range m.v.IDs() {
							groupOf[mid] = g
						}
					}
					groups[gi] = nil
				}
			}
		}
		if g == -1 {
			g = len(groups)
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], h)
		for _, id := range h.v.IDs() {
			groupOf[id] = g
		}
	}

	var out []Match
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		slices.SortFunc(g, func(a, b hit) int { return cmpID(a.v.ID, b.v.ID) })
		m := Match{}
		ids := map[string]bool{}
		fixedKnown := true
		for _, h := range g {
			m.Advisories = append(m.Advisories, h.v)
			for _, id := range h.v.IDs() {
				ids[id] = true
			}
			if h.fixed == "" {
				fixedKnown = false
			} else if m.FixedVersion == "" || less(ix.Ecosystem, m.FixedVersion, h.fixed) {
				m.FixedVersion = h.fixed
			}
			if m.Summary == "" {
				m.Summary = summaryOf(h.v)
			}
			for _, c := range cwesOf(h.v) {
				if !slices.Contains(m.CWEs, c) {
					m.CWEs = append(m.CWEs, c)
				}
			}
			for _, r := range h.v.References {
				if r.Type == "ADVISORY" && !slices.Contains(m.References, r.URL) {
					m.References = append(m.References, r.URL)
				}
			}
			score, vector, label := severityOf(h.v, ix.Ecosystem, key)
			if score > m.Score {
				m.Score, m.CVSSVector = score, vector
			}
			if m.SeverityLabel == "" || labelRank(label) > labelRank(m.SeverityLabel) {
				if label != "" {
					m.SeverityLabel = label
				}
			}
		}
		if !fixedKnown {
			// One advisory has no fix above the installed version: the
			// upgrade does not clear the whole vulnerability.
			m.FixedVersion = ""
		}
		all := make([]string, 0, len(ids))
		for id := range ids {
			all = append(all, id)
		}
		slices.SortFunc(all, cmpID)
		m.ID, m.Aliases = all[0], all[1:]
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Match) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// cmpID orders ids so that database-native ids come first, then GHSA,
// then CVE, then lexically.
func cmpID(a, b string) int {
	return cmp.Or(cmp.Compare(idRank(a), idRank(b)), strings.Compare(a, b))
}

func idRank(id string) int {
	for _, p := range nativePrefixes {
		if strings.HasPrefix(id, p) {
			return 0
		}
	}
	switch {
	case strings.HasPrefix(id, "GHSA-"):
		return 1
	case strings.HasPrefix(id, "CVE-"):
		return 3
	}
	return 2
}

// nativePrefixes are the ids of the ecosystems' own advisory databases.
var nativePrefixes = []string{"GO-", "PYSEC-", "RUSTSEC-", "RSEC-", "MAL-"}

func summaryOf(v *Vulnerability) string {
	if s := strings.TrimSpace(v.Summary); s != "" {
		return s
	}
	d := strings.TrimSpace(v.Details)
	if i := strings.IndexAny(d, "\n"); i >= 0 {
		d = d[:i]
	}
	const maxSummary = 200
	if len(d) > maxSummary {
		cut := strings.LastIndexByte(d[:maxSummary], ' ')
		if cut < maxSummary/2 {
			cut = maxSummary
		}
		d = strings.TrimSpace(d[:cut]) + "..."
	}
	return d
}

func cwesOf(v *Vulnerability) []string {
	var out []string
	if v.DatabaseSpecific != nil {
		out = append(out, v.DatabaseSpecific.CWEIDs...)
	}
	for _, a := range v.Affected {
		if a.DatabaseSpecific != nil {
			out = append(out, a.DatabaseSpecific.CWEIDs...)
		}
	}
	return out
}

// affects reports whether the installed version is in the affected entry.
func affects(a *Affected, ecosystem, version string, installed semantic.Version) bool {
	if slices.Contains(a.Versions, version) {
		return true
	}
	for _, r := range a.Ranges {
		if r.Type != "SEMVER" && r.Type != "ECOSYSTEM" {
			continue // GIT ranges name commits, not versions.
		}
		if inRange(r, ecosystem, installed) {
			return true
		}
	}
	return false
}

// inRange evaluates a range the way the OSV schema defines it: events are
// sorted by version and walked in order; "introduced" opens an affected
// span, "fixed" closes it at that version, "last_affected" just after it.
func inRange(r Range, ecosystem string, installed semantic.Version) bool {
	evs := sortedEvents(r.Events, ecosystem)
	affected := false
	for _, e := range evs {
		switch {
		case e.Introduced != "":
			if e.Introduced == "0" || cmpInstalled(installed, e.Introduced) >= 0 {
				affected = true
			}
		case e.Fixed != "":
			if cmpInstalled(installed, e.Fixed) >= 0 {
				affected = false
			}
		case e.LastAffected != "":
			if cmpInstalled(installed, e.LastAffected) > 0 {
				affected = false
			}
		case e.Limit != "":
			if e.Limit != "*" && cmpInstalled(installed, e.Limit) >= 0 {
				affected = false
			}
		}
	}
	return affected
}

// cmpInstalled compares the installed version with s; an unparsable s
// compares as greater so it never marks a version as affected or fixed.
func cmpInstalled(installed semantic.Version, s string) int {
	c, err := installed.CompareStr(s)
	if err != nil {
		return -1
	}
	return c
}

func eventVersion(e Event) string {
	return cmp.Or(e.Introduced, e.Fixed, e.LastAffected, e.Limit)
}

func sortedEvents(evs []Event, ecosystem string) []Event {
	if len(evs) <= 2 && (len(evs) < 2 || evs[0].Introduced != "") {
		return evs // the common "introduced, fixed" pair is already ordered
	}
	out := slices.Clone(evs)
	slices.SortStableFunc(out, func(a, b Event) int {
		va, vb := eventVersion(a), eventVersion(b)
		if a.Introduced == "0" {
			if b.Introduced == "0" {
				return 0
			}
			return -1
		}
		if b.Introduced == "0" {
			return 1
		}
		return compareVersions(ecosystem, va, vb)
	})
	return out
}

func compareVersions(ecosystem, a, b string) int {
	va, err := semantic.Parse(a, ecosystem)
	if err != nil {
		return strings.Compare(a, b)
	}
	c, err := va.CompareStr(b)
	if err != nil {
		return strings.Compare(a, b)
	}
	return c
}

func less(ecosystem, a, b string) bool { return compareVersions(ecosystem, a, b) < 0 }

// lowestFixedAbove returns the lowest "fixed" event version above the
// installed version in the entry's ranges.
func lowestFixedAbove(a *Affected, ecosystem string, installed semantic.Version) string {
	best := ""
	for _, r := range a.Ranges {
		if r.Type != "SEMVER" && r.Type != "ECOSYSTEM" {
			continue
		}
		for _, e := range r.Events {
			if e.Fixed == "" || cmpInstalled(installed, e.Fixed) >= 0 {
				continue
			}
			if best == "" || less(ecosystem, e.Fixed, best) {
				best = e.Fixed
			}
		}
	}
	return best
}
