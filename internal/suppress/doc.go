// Package suppress decides which findings are not reported as open:
//
//   - inline comments `codeaudit:ignore RULE-ID[,RULE-ID] -- reason` on the
//     flagged line or the line above it (Inline, ParseInline);
//   - ignore entries in .codeaudit.yaml matched by rule, path and
//     fingerprint, with a reason and an optional expiry date (Config);
//   - a baseline: a previous JSON report whose fingerprints are known
//     (Baseline).
//
// Suppressed findings are kept in the result with the reason, so audits
// can review them; they never count towards --fail-on.
package suppress
