// Package lang is the tree-sitter front end of the SAST analyzer: the five
// supported languages (Go, Python, JavaScript with JSX, TypeScript with TSX,
// Java), their grammars, pools of parsers (tree-sitter parsers are not safe
// for concurrent use), parsing with a time budget, and the grammar node
// kinds the rest of internal/sast refers to, as named constants that a test
// checks against each grammar's node-kind table.
package lang
