// Package pattern compiles code-like patterns (the common subset of
// Semgrep's pattern syntax) and matches them structurally against
// normalised syntax trees.
//
// A pattern is written in the target language with these additions:
//
//	$X          a metavariable: any expression, statement or name, bound
//	            once (the same name must match the same code again)
//	$_          an anonymous metavariable that binds nothing
//	$...ARGS    any sequence of arguments, parameters or statements, bound
//	...         any sequence of arguments, parameters or statements; as an
//	            expression, any expression
//	"..."       any constant string; "abc..." and "...abc" match prefixes
//	            and suffixes
//	<... P ...> any expression that contains a match of P
//
// Patterns are parsed with the same tree-sitter grammar as the code, after
// replacing these with identifiers the grammar accepts, and are matched on
// the normalised trees of package syntax, so parentheses, comments,
// quoting and import aliases do not matter.
package pattern
