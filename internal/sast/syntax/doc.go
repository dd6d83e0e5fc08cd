// Package syntax is the normalised syntax tree shared by pattern matching
// and taint analysis. Build parses a file with tree-sitter, copies the tree
// into Go memory once (so that matching needs no cgo calls) and closes the
// tree-sitter tree. On the way it normalises what should not matter to a
// rule:
//
//   - comments are dropped, and so is punctuation ("(", ",", ";" ...);
//     operators and keywords stay;
//   - parenthesised expressions are replaced by what they enclose;
//   - string literals carry their decoded value, whatever the quoting
//     (Python prefixes and triple quotes, Go raw strings, JavaScript
//     templates without substitutions, Java text blocks);
//   - concatenations of constant strings are folded ("SELECT " + "x");
//   - imports are resolved into a table of local names to qualified names
//     (Python "import hashlib as h", Go renamed imports, Java single-type
//     imports, JavaScript import and require), used by QualifiedName.
//
// Bad input is bounded: nesting deeper than MaxDepth and trees larger than
// MaxNodes are cut (Tree.Truncated), and Build honours ctx.
package syntax
