// Package rule loads pattern rules written in YAML (the common subset of
// Semgrep's rule syntax plus our own keys: cwe, confidence, remediation,
// title) and evaluates them over normalised syntax trees.
//
// A Set compiles every rule's patterns once per language into one
// pattern.Index, so that a file is walked once for all rules, and keeps
// for every rule a pre-filter of the identifiers its patterns require: a
// file lacking them is never matched against the rule. Rules combine
// pattern matches by their ranges, as Semgrep does: patterns intersect,
// pattern-either unites, pattern-not and pattern-not-inside remove,
// pattern-inside restricts, metavariable-regex and metavariable-pattern
// filter on what a metavariable bound, focus-metavariable narrows the
// reported range.
//
// Loading errors are *LoadError values carrying the file, line and reason.
package rule
