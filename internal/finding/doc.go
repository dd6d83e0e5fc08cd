// Package finding defines what every analyzer reports: a Finding with its
// Rule metadata, Severity, Confidence, one primary CWE, OWASP categories,
// Location, Snippet, Trace and a content-based Fingerprint.
//
// Analyzers fill the parts only they know (rule, location, message, trace);
// the engine completes the rest with Complete: snippet, fingerprint and the
// OWASP categories derived from the CWE, so that every analyzer's findings
// look alike in every output.
package finding
