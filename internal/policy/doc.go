// Package policy is the required-call policy analyzer: rules of the form
// "every handler that matches X must call Y (before Z)", written in YAML
// policy files (see docs/policy.md). A typical policy says that every
// payment endpoint calls the fraud-scoring function before it commits the
// payment.
//
// Policies reuse the SAST front end read-only: files are parsed with the
// pooled tree-sitter parsers of package lang, normalised by package
// syntax, and the must-call, before and contains clauses are code patterns
// compiled and matched by package pattern, so their syntax is that of
// pattern rules.
//
// "Before" is source order inside the handler's body: a call to Y that
// starts before Z in the text counts, whichever branch or nested block it
// sits in. There is no control-flow graph, so a check made in only one
// branch of an if still satisfies the policy. Calls to a function of the
// same file that itself (directly or through up to maxHelperDepth levels
// of local helpers) calls Y count as calls to Y.
package policy
