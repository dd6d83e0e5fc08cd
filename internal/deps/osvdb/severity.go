package osvdb

import (
	"strings"

	gocvss30 "github.com/pandatix/go-cvss/30"
	gocvss31 "github.com/pandatix/go-cvss/31"
	gocvss40 "github.com/pandatix/go-cvss/40"
)

// CVSSScore computes the base score of a CVSS v3.0, v3.1 or v4.0 vector.
// ok is false for other or malformed vectors.
func CVSSScore(vector string) (score float64, ok bool) {
	switch {
	case strings.HasPrefix(vector, "CVSS:4.0/"):
		c, err := gocvss40.ParseVector(vector)
		if err != nil {
			return 0, false
		}
		return c.Score(), true
	case strings.HasPrefix(vector, "CVSS:3.1/"):
		c, err := gocvss31.ParseVector(vector)
		if err != nil {
			return 0, false
		}
		return c.BaseScore(), true
	case strings.HasPrefix(vector, "CVSS:3.0/"):
		c, err := gocvss30.ParseVector(vector)
		if err != nil {
			return 0, false
		}
		return c.BaseScore(), true
	}
	return 0, false
}

// severityOf returns the highest CVSS score among the advisory's vectors
// (top-level and those of the affected entries naming the package: an
// advisory covering several packages may rate them differently), and its
// stated severity word as a fallback.
func severityOf(v *Vulnerability, ecosystem, name string) (score float64, vector, label string) {
	consider := func(ss []SeverityScore) {
		for _, s := range ss {
			if s.Type != "CVSS_V3" && s.Type != "CVSS_V4" {
				continue
			}
			if sc, ok := CVSSScore(s.Score); ok && sc > score {
				score, vector = sc, s.Score
			}
		}
	}
	consider(v.Severity)
	if v.DatabaseSpecific != nil {
		label = v.DatabaseSpecific.Severity
	}
	for _, a := range v.Affected {
		if BaseEcosystem(a.Package.Ecosystem) != ecosystem || NormalizeName(ecosystem, a.Package.Name) != name {
			continue
		}
		consider(a.Severity)
		if label == "" && a.DatabaseSpecific != nil {
			label = a.DatabaseSpecific.Severity
		}
	}
	return score, vector, strings.ToUpper(strings.TrimSpace(label))
}

func labelRank(l string) int {
	switch strings.ToUpper(l) {
	case "CRITICAL":
		return 4
	case "HIGH":
		return 3
	case "MODERATE", "MEDIUM":
		return 2
	case "LOW":
		return 1
	}
	return 0
}
