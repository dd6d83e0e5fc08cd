package suppress

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Baseline is the set of fingerprints of a previous JSON report. Findings
// whose fingerprint is in it are not new and are reported as suppressed.
type Baseline struct {
	Source       string
	fingerprints map[string]bool
}

// baselineDoc is the part of the JSON report (docs/json-output.md) a
// baseline needs. Reading only these fields keeps old reports usable as
// baselines across additive schema changes.
type baselineDoc struct {
	SchemaVersion string `json:"schema_version"`
	Findings      []struct {
		Fingerprint string `json:"fingerprint"`
	} `json:"findings"`
	Suppressed []struct {
		Fingerprint string `json:"fingerprint"`
	} `json:"suppressed"`
}

// supportedBaselineMajor is the JSON schema major version baselines are read from.
const supportedBaselineMajor = "1"

// ReadBaseline reads a JSON report written by `codeaudit scan --format json`.
// Both open and suppressed findings of the old report count as known.
func ReadBaseline(name string, r io.Reader) (*Baseline, error) {
	var doc baselineDoc
	dec := json.NewDecoder(io.LimitReader(r, maxBaselineBytes))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("baseline %s: not a codeaudit JSON report: %w", name, err)
	}
	if doc.SchemaVersion == "" {
		// A SARIF file or some other JSON: say what is expected.
		return nil, fmt.Errorf("baseline %s: not a codeaudit JSON report (no schema_version); write one with `codeaudit scan --format json`", name)
	}
	major, _, _ := strings.Cut(doc.SchemaVersion, ".")
	if major != supportedBaselineMajor {
		return nil, fmt.Errorf("baseline %s: schema_version %q is not supported (want %s.x); regenerate it with `codeaudit scan --format json`", name, doc.SchemaVersion, supportedBaselineMajor)
	}
	b := &Baseline{Source: name, fingerprints: map[string]bool{}}
	for _, f := range doc.Findings {
		b.fingerprints[f.Fingerprint] = true
	}
	for _, f := range doc.Suppressed {
		b.fingerprints[f.Fingerprint] = true
	}
	delete(b.fingerprints, "")
	return b, nil
}

// maxBaselineBytes bounds how much of a baseline file is read.
const maxBaselineBytes = 512 << 20

// Has reports whether the fingerprint is in the baseline.
func (b *Baseline) Has(fp string) bool {
	return b != nil && fp != "" && b.fingerprints[fp]
}

// Len is the number of known fingerprints.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	return len(b.fingerprints)
}
