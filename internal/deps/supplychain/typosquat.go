package supplychain

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/socyber/codeaudit/internal/deps/osvdb"
	"github.com/socyber/codeaudit/internal/editdistance"
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
		if editdistance.OSA(n, p, 1) == 1 && (best == "" || p < best) {
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
