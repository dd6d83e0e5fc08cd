package supplychain

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/socyber/codeaudit/internal/deps/osvdb"
)

var (
	//go:embed data/npm.txt
	popularNPM string
	//go:embed data/pypi.txt
	popularPyPI string
	//go:embed data/crates.txt
	popularCrates string
	//go:embed data/rubygems.txt
	popularGems string
	//go:embed data/packagist.txt
	popularPackagist string
)

// MinTyposquatLength is the shortest name checked: shorter names are one
// edit away from too many legitimate ones.
const MinTyposquatLength = 5

// popular maps ecosystem -> normalised name set. Built once, read-only.
var popular = sync.OnceValue(func() map[string]map[string]bool {
	sets := map[string]map[string]bool{}
	for eco, data := range map[string]string{
		"npm": popularNPM, "PyPI": popularPyPI, "crates.io": popularCrates,
		"RubyGems": popularGems, "Packagist": popularPackagist,
	} {
		s := map[string]bool{}
		for _, l := range strings.Split(data, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				s[normalize(eco, l)] = true
			}
		}
		sets[eco] = s
	}
	return sets
})

func normalize(eco, name string) string {
	if eco == "crates.io" {
		return strings.ReplaceAll(strings.ToLower(name), "-", "_")
	}
	return strings.ToLower(osvdb.NormalizeName(eco, name))
}

// Resembles returns the popular package name is one edit away from, or
// "" when there is none (or name is itself popular).
func Resembles(ecosystem, name string) string {
	set := popular()[ecosystem]
	if set == nil || strings.HasPrefix(name, "@") {
		return ""
	}
	n := normalize(ecosystem, name)
	if len(n) < MinTyposquatLength || set[n] {
		return ""
	}
	best := ""
	for p := range set {
		if len(p) < MinTyposquatLength || abs(len(p)-len(n)) > 1 {
			continue
		}
		if osaDistance(n, p) == 1 && (best == "" || p < best) {
			best = p
		}
	}
	return best
}

func (c *checker) typosquat(p string, line int, eco, name string) {
	if sim := Resembles(eco, name); sim != "" {
		c.add(Issue{Kind: KindTyposquat, Path: p, Line: line, Package: name, Ecosystem: eco, Similar: sim,
			Message: `"` + name + `" is one character away from the popular package "` + sim + `"; check that it is the package you meant`})
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// osaDistance is the optimal-string-alignment edit distance (insertions,
// deletions, substitutions and swaps of adjacent bytes). Names are short
// (bounded by the callers' length check), so the quadratic table is cheap.
func osaDistance(a, b string) int {
	const maxName = 214 // npm's own name length limit
	if len(a) > maxName || len(b) > maxName {
		return maxName
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
