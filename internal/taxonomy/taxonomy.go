// Package taxonomy holds the security classifications a finding is mapped
// to: CWE names, descriptions and hierarchy, OWASP Top 10 (2021 and 2025) categories and
// the CWE Top 25 lists. The data is embedded (see data/README.md for its
// sources and licences) so that every lookup works offline.
package taxonomy

//go:generate sh -c "go run ./internal/gencwe ../../../shared/data/cwe/cwe-research-view-1000-v4.14.csv > data/cwe-names.tsv"

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

var (
	//go:embed data/cwe-names.tsv
	cweTSV []byte
	//go:embed data/top10-cwe-2021-2025.json
	owaspJSON []byte
	//go:embed data/top25-2024-2025.json
	top25JSON []byte
)

// Category is one OWASP Top 10 category, e.g. {ID: "A03", Year: 2021, Title: "Injection"}.
type Category struct {
	ID    string `json:"id"`
	Year  int    `json:"year"`
	Title string `json:"title"`
}

// String renders the category the way OWASP writes it: "A03:2021-Injection".
func (c Category) String() string {
	if c.ID == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d-%s", c.ID, c.Year, c.Title)
}

type weakness struct {
	name        string
	parents     []int
	description string
}

type tables struct {
	cwes      map[int]weakness
	owasp     map[int]map[int]Category // year -> cwe -> category
	top25     map[int][]int            // year -> ranked cwe ids
	top25Rank map[int]map[int]int      // year -> cwe -> 1-based rank
}

var load = sync.OnceValue(func() *tables {
	t := &tables{
		cwes:      map[int]weakness{},
		owasp:     map[int]map[int]Category{},
		top25:     map[int][]int{},
		top25Rank: map[int]map[int]int{},
	}
	sc := bufio.NewScanner(bytes.NewReader(cweTSV))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.Split(line, "\t")
		id, err := strconv.Atoi(parts[0])
		if err != nil || len(parts) < 2 {
			panic("taxonomy: corrupt embedded cwe-names.tsv line: " + line)
		}
		w := weakness{name: parts[1]}
		if len(parts) > 3 {
			w.description = parts[3]
		}
		if len(parts) > 2 && parts[2] != "" {
			for _, p := range strings.Split(parts[2], ",") {
				n, _ := strconv.Atoi(p)
				w.parents = append(w.parents, n)
			}
		}
		t.cwes[id] = w
	}

	var owasp map[string]json.RawMessage
	if err := json.Unmarshal(owaspJSON, &owasp); err != nil {
		panic("taxonomy: corrupt embedded OWASP data: " + err.Error())
	}
	for key, year := range map[string]int{"owasp_top10_2021": 2021, "owasp_top10_2025": 2025} {
		var cats map[string]struct {
			Title string `json:"title"`
			CWEs  []struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"cwes"`
		}
		if err := json.Unmarshal(owasp[key], &cats); err != nil {
			panic("taxonomy: corrupt embedded OWASP data: " + err.Error())
		}
		m := map[int]Category{}
		for id, c := range cats {
			for _, cw := range c.CWEs {
				n, ok := ParseCWE(cw.ID)
				if !ok {
					continue
				}
				m[n] = Category{ID: id, Year: year, Title: c.Title}
			}
		}
		t.owasp[year] = m
	}

	var top map[string]struct {
		Ranked []string `json:"ranked"`
	}
	if err := json.Unmarshal(top25JSON, &top); err != nil {
		panic("taxonomy: corrupt embedded Top 25 data: " + err.Error())
	}
	for key, year := range map[string]int{"cwe_top25_2024": 2024, "cwe_top25_2025": 2025} {
		ranks := map[int]int{}
		for i, s := range top[key].Ranked {
			n, ok := ParseCWE(s)
			if ok {
				t.top25[year] = append(t.top25[year], n)
				ranks[n] = i + 1
			}
		}
		t.top25Rank[year] = ranks
	}
	return t
})

// ParseCWE accepts "CWE-89", "cwe-89", "CWE89" or "89" and returns 89.
func ParseCWE(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 3 && strings.EqualFold(s[:3], "cwe") {
		s = strings.TrimPrefix(s[3:], "-")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// FormatCWE renders 89 as "CWE-89".
func FormatCWE(n int) string { return "CWE-" + strconv.Itoa(n) }

// CWEName returns the official name of a CWE weakness, or "" if unknown.
func CWEName(cwe string) string {
	n, ok := ParseCWE(cwe)
	if !ok {
		return ""
	}
	return load().cwes[n].name
}

// CWEDescription returns MITRE's short description of a weakness, or "" if
// unknown.
func CWEDescription(cwe string) string {
	n, ok := ParseCWE(cwe)
	if !ok {
		return ""
	}
	return load().cwes[n].description
}

// KnownCWE reports whether the id names a weakness in the CWE research view.
func KnownCWE(cwe string) bool {
	n, ok := ParseCWE(cwe)
	if !ok {
		return false
	}
	_, known := load().cwes[n]
	return known
}

// maxAncestorDepth bounds the walk up the CWE hierarchy; the research view
// is at most a dozen levels deep, so this only guards against bad data.
const maxAncestorDepth = 16

// OWASP returns the OWASP Top 10 category of the given year (2021 or 2025)
// for a CWE. A CWE that OWASP does not list directly inherits the category
// of its nearest listed ancestor in the research view; the boolean is false
// when no category applies.
func OWASP(cwe string, year int) (Category, bool) {
	n, ok := ParseCWE(cwe)
	if !ok {
		return Category{}, false
	}
	t := load()
	m := t.owasp[year]
	if m == nil {
		return Category{}, false
	}
	// Breadth-first so the closest ancestor wins; ties go to the primary
	// (first listed) parent.
	frontier := []int{n}
	seen := map[int]bool{n: true}
	for depth := 0; depth < maxAncestorDepth && len(frontier) > 0; depth++ {
		var next []int
		for _, id := range frontier {
			if c, ok := m[id]; ok {
				return c, true
			}
			for _, p := range t.cwes[id].parents {
				if !seen[p] {
					seen[p] = true
					next = append(next, p)
				}
			}
		}
		frontier = next
	}
	return Category{}, false
}

// Top25Rank returns the 1-based rank of a CWE in the CWE Top 25 of the given
// year (2024 or 2025), or 0 when it is not ranked.
func Top25Rank(cwe string, year int) int {
	n, ok := ParseCWE(cwe)
	if !ok {
		return 0
	}
	return load().top25Rank[year][n]
}

// Top25 returns the ranked CWE ids ("CWE-79", ...) of the given year.
func Top25(year int) []string {
	var out []string
	for _, n := range load().top25[year] {
		out = append(out, FormatCWE(n))
	}
	return out
}

// OWASPCategories lists the ten categories of a year in order.
func OWASPCategories(year int) []Category {
	seen := map[string]Category{}
	for _, c := range load().owasp[year] {
		seen[c.ID] = c
	}
	var out []Category
	for _, c := range seen {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Category) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Ancestors returns the CWE ids ("CWE-707", ...) that a weakness descends
// from in the research view (ChildOf, transitively), nearest first, without
// the weakness itself. It returns nil for an unknown or malformed id.
func Ancestors(cwe string) []string {
	n, ok := ParseCWE(cwe)
	if !ok {
		return nil
	}
	t := load()
	var out []string
	frontier := []int{n}
	seen := map[int]bool{n: true}
	for depth := 0; depth < maxAncestorDepth && len(frontier) > 0; depth++ {
		var next []int
		for _, id := range frontier {
			for _, p := range t.cwes[id].parents {
				if !seen[p] {
					seen[p] = true
					out = append(out, FormatCWE(p))
					next = append(next, p)
				}
			}
		}
		frontier = next
	}
	return out
}
