// Package sast is the pattern-rule analyzer: it parses Go, Python,
// JavaScript/JSX, TypeScript/TSX and Java files with tree-sitter (package
// lang), normalises the trees (package syntax), and runs the built-in rule
// packs (package rules) and users' rule files (package rule, in the common
// subset of Semgrep's syntax) over them with the structural matcher of
// package pattern.
//
// The integrator constructs it with New and registers it as a
// FileAnalyzer; `codeaudit rules test DIR` is TestRules.
package sast
