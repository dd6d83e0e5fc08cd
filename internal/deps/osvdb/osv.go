package osvdb

import (
	"encoding/json"
	"time"
)

// The OSV schema has official protobuf bindings; decoding with them needs
// protojson, which is several times slower than encoding/json on the
// ~4,000-entry zips read on every scan. These structs decode only the
// fields matching and reporting use (see https://ossf.github.io/osv-schema/).

// Vulnerability is one OSV advisory.
type Vulnerability struct {
	ID               string          `json:"id"`
	Modified         time.Time       `json:"modified"`
	Published        time.Time       `json:"published"`
	Withdrawn        *time.Time      `json:"withdrawn,omitempty"`
	Aliases          []string        `json:"aliases,omitempty"`
	Summary          string          `json:"summary,omitempty"`
	Details          string          `json:"details,omitempty"`
	Severity         []SeverityScore `json:"severity,omitempty"`
	Affected         []Affected      `json:"affected,omitempty"`
	References       []Reference     `json:"references,omitempty"`
	DatabaseSpecific *DatabaseFields `json:"database_specific,omitempty"`
}

// SeverityScore is a severity entry: Type is CVSS_V2, CVSS_V3, CVSS_V4 or
// Ubuntu; Score is the vector (or the Ubuntu priority word).
type SeverityScore struct {
	Type  string `json:"type"`
	Score string `json:"score"`
}

// Affected lists the affected versions of one package.
type Affected struct {
	Package           Package         `json:"package"`
	Severity          []SeverityScore `json:"severity,omitempty"`
	Ranges            []Range         `json:"ranges,omitempty"`
	Versions          []string        `json:"versions,omitempty"`
	EcosystemSpecific json.RawMessage `json:"ecosystem_specific,omitempty"`
	DatabaseSpecific  *DatabaseFields `json:"database_specific,omitempty"`
}

// Package names a package in an ecosystem.
type Package struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	PURL      string `json:"purl,omitempty"`
}

// Range is a list of version events of one type (SEMVER, ECOSYSTEM, GIT).
type Range struct {
	Type   string  `json:"type"`
	Repo   string  `json:"repo,omitempty"`
	Events []Event `json:"events"`
}

// Event is one range event; exactly one field is set.
type Event struct {
	Introduced   string `json:"introduced,omitempty"`
	Fixed        string `json:"fixed,omitempty"`
	LastAffected string `json:"last_affected,omitempty"`
	Limit        string `json:"limit,omitempty"`
}

// Reference is a link about the advisory.
type Reference struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

// DatabaseFields holds the database_specific fields reporting uses. GitHub
// advisories put CWE ids and a severity word here.
type DatabaseFields struct {
	CWEIDs   []string `json:"cwe_ids,omitempty"`
	Severity string   `json:"severity,omitempty"`
}

// UnmarshalJSON tolerates database_specific objects of any shape: only the
// fields above are read, and a value that is not an object is ignored.
func (d *DatabaseFields) UnmarshalJSON(b []byte) error {
	var raw struct {
		CWEIDs   json.RawMessage `json:"cwe_ids"`
		Severity json.RawMessage `json:"severity"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil //nolint:nilerr // a non-object database_specific is legal and unused.
	}
	_ = json.Unmarshal(raw.CWEIDs, &d.CWEIDs)
	_ = json.Unmarshal(raw.Severity, &d.Severity)
	return nil
}

// IDs returns the advisory id followed by its aliases.
func (v *Vulnerability) IDs() []string {
	return append([]string{v.ID}, v.Aliases...)
}
