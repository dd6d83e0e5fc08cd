// Package sast is the pattern-rule analyzer: it parses Go, Python,
// JavaScript/JSX, TypeScript/TSX and Java files with tree-sitter (package
// lang), normalises the trees (package syntax), and runs the built-in rule
// packs (package rules) and users' rule files (package rule, in the common
// subset of Semgrep's syntax) over them with the structural matcher of
// package pattern.
//
// Taint rules (mode: taint) run in a second phase: the analyzer is also
// a ProjectAnalyzer whose AnalyzeProject parses every file of a language
// some taint rule targets, matches the rules' sources, sinks, sanitizers
// and propagators, and lets package taint follow flows within and across
// files.
//
// The integrator constructs it with New and registers it as a
// FileAnalyzer and ProjectAnalyzer; `codeaudit rules test DIR` is
// TestRules.
package sast
