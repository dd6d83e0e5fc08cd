// Package inventory lists the third-party packages a project depends on,
// from the lockfiles and manifests the engine discovered.
//
// Parsing is done by osv-scalibr's per-ecosystem extractors, called one
// file at a time (the engine owns traversal). This package chooses the
// extractor for each file, skips a manifest when a lockfile of the same
// ecosystem sits beside it (the lockfile has the exact versions), fills in
// line numbers the extractors do not give, and says whether each package is
// a direct dependency (named in the manifest next to the lockfile) or a
// transitive one.
package inventory
