// Package sarif writes a scan result as SARIF 2.1.0 that GitHub code
// scanning (and other SARIF viewers) ingest: rules with help, tags, CWE and
// OWASP ids, precision and a numeric security-severity; results with
// levels, regions, snippets, fingerprints, code flows for traces and
// suppressions; and an invocation carrying the scan's warnings.
//
// The SARIF object model comes from github.com/owenrumney/go-sarif/v3;
// this package only maps a result.Result onto it.
package sarif
