// Package markdown writes a scan result as GitHub-flavoured Markdown for
// pull-request comments and wikis: a summary table, the most severe
// findings in full, the rest as a compact table, all kept under GitHub's
// comment size limit. Text that comes from scanned code is escaped, and
// code is fenced so it cannot break out of its block.
package markdown
