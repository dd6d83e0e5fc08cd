// Package source discovers the files a scan covers. The engine walks the
// target once with Walk; analyzers never touch the file system themselves.
//
// Discovery honours .gitignore files at every level and .codeauditignore
// files (same syntax), skips .git, vendored and generated code, minified
// bundles, binary files and oversized files by default, detects each file's
// language, and never follows symbolic links (content inside the root is
// reached by its real path; content outside it must not be scanned).
//
// Walk returns the Inventory of files to scan and of what it skipped and
// why; CountLines classifies a file's lines as code, comment or blank for
// the per-language statistics. See docs/discovery.md.
package source
