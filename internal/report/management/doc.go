// Package management builds the management report of a scan: a model
// (Build) written for a board, a risk committee or a regulator, and two
// renderers of it, HTML with inline SVG charts (WriteHTML) and PDF with
// vector charts generated in pure Go (WritePDF).
//
// The report has four sections: an executive summary in plain language
// (overall risk rating and why, what to fix first); aggregated risk metrics
// (density per KLOC overall and per language, severity distribution,
// findings by category, component and area); a compliance and regulatory
// overview (internal/compliance: what bears on each control and which
// rules were active for it, evidence and not certification); and a roadmap
// of remediation actions grouped into now / next / later with owners'
// areas and target dates from per-severity SLA days.
//
// The formulas (risk rating, exploitability, effort, buckets, components)
// are documented on the functions that compute them and in docs/reports.md.
package management
