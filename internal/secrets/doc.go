// Package secrets finds credentials in files, in staged changes and in the
// whole git history: cloud keys, source-hosting, payment, messaging, AI and
// package-registry tokens, private keys, JWTs, database URLs with passwords
// and generic password/secret/token assignments.
//
// The engine is ours: one Aho-Corasick pass over each file finds the
// keywords of every detector (package keyword); regular expressions run only
// on small windows around those hits; checksums (GitHub, npm) and per-detector
// entropy thresholds confirm candidates; placeholders, templates, hashes,
// UUIDs and public keys are dropped; files under test, fixture, example and
// documentation paths lower a finding's confidence instead of hiding it.
//
// No finding field ever carries a full secret: messages, snippets and
// properties show Redact(secret), a short prefix and a hash, and the
// fingerprint is derived from the hash.
//
// Analyzer implements analyzer.FileAnalyzer for the working tree and
// analyzer.ProjectAnalyzer for --git-history (every commit reachable from
// every ref, streamed from one `git log -p` process) and --staged (the added
// lines of `git diff --cached`).
package secrets
