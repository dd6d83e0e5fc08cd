// Package html writes the technical report as one self-contained HTML file:
// inline CSS, an inline script for filters (the page works fully without
// it), inline SVG charts and no remote scripts, fonts or images, so it can
// be mailed as an attachment and printed. Every text that comes from the
// scanned code is escaped by html/template.
//
// Each finding shows its title, severity, confidence, CWE with its name,
// OWASP Top 10 2021 and 2025 categories, the annotated code snippet (flagged
// lines highlighted, trace step numbers in the margin), the trace, why it
// matters (the rule description), remediation with its example, and
// references.
package html
