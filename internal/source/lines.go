package source

import (
	"bytes"
	"strings"
)

// hashRule says where '#' starts a comment.
type hashRule uint8

const (
	hashNone      hashRule = iota
	hashAnywhere           // Python, Ruby, TOML, PHP, HCL, PowerShell
	hashAfterWord          // shell, YAML: at line start or after a blank ("a#b" is a word)
	hashNotAttr            // PHP: anywhere, except "#[" which opens an attribute
	hashLineStart          // Dockerfile: only as the first non-blank character
)

// syntax describes the comment and string syntax of a language family, as
// far as line counting needs it.
type syntax struct {
	slashSlash bool     // "//" line comments
	dashDash   bool     // "--" line comments (SQL)
	hash       hashRule // '#' line comments
	block      [2]string
	nested     bool   // block comments nest (Rust, Swift, Kotlin, Scala)
	quotes     string // single-line string delimiters; unterminated ones end at the line
	backtick   byte   // 'r' Go raw strings, 'e' JS template literals (both span lines)
	triple     bool   // """ and ''' strings span lines
	docstring  bool   // a triple-quoted string opening a line is a comment (Python)
	rubyBlocks bool   // =begin ... =end
	special    [256]bool
}

// syntaxes maps languages to their syntax (read-only after initialisation).
var syntaxes = func() map[Language]*syntax {
	cLike := newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"'`})
	return map[Language]*syntax{
		Go:         newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"'`, backtick: 'r'}),
		JavaScript: newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"'`, backtick: 'e'}),
		TypeScript: newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"'`, backtick: 'e'}),
		Java:       newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"'`, triple: true}),
		Kotlin:     newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"'`, triple: true, nested: true}),
		Scala:      newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"'`, triple: true, nested: true}),
		Swift:      newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"`, triple: true, nested: true}),
		Groovy:     newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"'`, triple: true}),
		Rust:       newSyntax(syntax{slashSlash: true, block: [2]string{"/*", "*/"}, quotes: `"`, nested: true}),
		C:          cLike,
		CPP:        cLike,
		CSharp:     cLike,
		PHP:        newSyntax(syntax{slashSlash: true, hash: hashNotAttr, block: [2]string{"/*", "*/"}, quotes: `"'`}),
		CSS:        newSyntax(syntax{block: [2]string{"/*", "*/"}, quotes: `"'`}),
		HCL:        newSyntax(syntax{slashSlash: true, hash: hashAnywhere, block: [2]string{"/*", "*/"}, quotes: `"`}),
		Python:     newSyntax(syntax{hash: hashAnywhere, quotes: `"'`, triple: true, docstring: true}),
		Ruby:       newSyntax(syntax{hash: hashAnywhere, quotes: `"'`, rubyBlocks: true}),
		Shell:      newSyntax(syntax{hash: hashAfterWord, quotes: `"'`}),
		YAML:       newSyntax(syntax{hash: hashAfterWord, quotes: `"'`}),
		TOML:       newSyntax(syntax{hash: hashAnywhere, quotes: `"'`, triple: true}),
		Dockerfile: newSyntax(syntax{hash: hashLineStart}),
		PowerShell: newSyntax(syntax{hash: hashAnywhere, block: [2]string{"<#", "#>"}, quotes: `"'`}),
		SQL:        newSyntax(syntax{dashDash: true, block: [2]string{"/*", "*/"}, quotes: `"'`}),
		HTML:       newSyntax(syntax{block: [2]string{"<!--", "-->"}}),
		XML:        newSyntax(syntax{block: [2]string{"<!--", "-->"}}),
		Markdown:   newSyntax(syntax{block: [2]string{"<!--", "-->"}}),
	}
}()

// plainSyntax counts languages without comments.
var plainSyntax = newSyntax(syntax{})

// newSyntax fills in the table of bytes that may start something other than
// plain code.
func newSyntax(s syntax) *syntax {
	for _, b := range []byte(" \t\r\f\v") {
		s.special[b] = true
	}
	for _, b := range []byte(s.quotes) {
		s.special[b] = true
	}
	if s.block[0] != "" {
		s.special[s.block[0][0]] = true
	}
	s.special['/'] = s.special['/'] || s.slashSlash
	s.special['-'] = s.special['-'] || s.dashDash
	s.special['#'] = s.special['#'] || s.hash != hashNone
	s.special['`'] = s.backtick != 0
	if s.triple {
		s.special['"'], s.special['\''] = true, true
	}
	return &s
}

// CountLines classifies each line of content as code, comment or blank.
// A line with any code on it is code; a line holding only comment text
// (line or block comments, Python docstrings) is a comment; a line of
// white space is blank (also inside a block comment; inside a multi-line
// string it is code). Languages without a known syntax (JSON, Unknown)
// count every non-blank line as code.
//
// It is a single pass over the bytes without regular expressions; the
// approximations are documented in docs/discovery.md (no regular-expression
// literals in JavaScript, no heredocs, single-line strings end at the end of
// the line).
func CountLines(lang Language, content []byte) (code, comment, blank int) {
	if lang == COBOL {
		return countCOBOL(content)
	}
	sx := syntaxes[lang]
	if sx == nil {
		sx = plainSyntax
	}
	c := counter{sx: sx}
	for len(content) > 0 {
		line := content
		if i := bytes.IndexByte(content, '\n'); i >= 0 {
			line, content = content[:i], content[i+1:]
		} else {
			content = nil
		}
		switch c.line(line) {
		case lineCode:
			code++
		case lineComment:
			comment++
		default:
			blank++
		}
	}
	return code, comment, blank
}

type lineKind uint8

const (
	lineBlank lineKind = iota
	lineCode
	lineComment
)

// counter carries the state that spans lines.
type counter struct {
	sx      *syntax
	depth   int    // block comment nesting depth
	closer  string // closing delimiter of the open multi-line string
	escapes bool   // backslash escapes apply in the open string
	doc     bool   // the open multi-line string is a docstring
	ruby    bool   // inside =begin ... =end
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

// line classifies one line (without its newline) and updates the state.
func (c *counter) line(l []byte) lineKind {
	sx := c.sx
	var hasCode, hasComment bool
	inString := c.closer != "" && !c.doc

	if sx.rubyBlocks && c.depth == 0 && c.closer == "" {
		if c.ruby {
			if bytes.HasPrefix(l, []byte("=end")) {
				c.ruby = false
			}
			return nonBlank(l, lineComment)
		}
		if bytes.HasPrefix(l, []byte("=begin")) {
			c.ruby = true
			return lineComment
		}
	}

	i := 0
	for i < len(l) {
		b := l[i]
		if c.depth == 0 && c.closer == "" && !sx.special[b] {
			// Plain code: run to the next byte that may matter.
			hasCode = true
			for i++; i < len(l) && !sx.special[l[i]]; i++ {
			}
			continue
		}
		switch {
		case c.depth > 0:
			// Inside a block comment: find its end (or a nested opening).
			rest := l[i:]
			end := bytes.Index(rest, []byte(sx.block[1]))
			if sx.nested {
				if open := bytes.Index(rest, []byte(sx.block[0])); open >= 0 && (end < 0 || open < end) {
					hasComment = hasComment || hasText(rest[:open])
					c.depth++
					i += open + len(sx.block[0])
					hasComment = true
					continue
				}
			}
			if end < 0 {
				hasComment = hasComment || hasText(rest)
				return kind(hasCode, hasComment, false)
			}
			hasComment = true
			c.depth--
			i += end + len(sx.block[1])
		case c.closer != "":
			// Inside a string that spans lines.
			j := i
			for j < len(l) && !bytes.HasPrefix(l[j:], []byte(c.closer)) {
				if c.escapes && l[j] == '\\' {
					j++
				}
				j++
			}
			text := hasText(l[i:min(j, len(l))])
			if c.doc {
				hasComment = hasComment || text
			} else {
				hasCode = hasCode || text
			}
			if j >= len(l) {
				return kind(hasCode, hasComment, inString)
			}
			if c.doc {
				hasComment = true
			} else {
				hasCode = true
			}
			i = j + len(c.closer)
			c.closer, c.doc = "", false
		case isSpace(b):
			i++
		case sx.block[0] != "" && bytes.HasPrefix(l[i:], []byte(sx.block[0])):
			c.depth = 1
			hasComment = true
			i += len(sx.block[0])
		case b == '/' && sx.slashSlash && i+1 < len(l) && l[i+1] == '/',
			b == '-' && sx.dashDash && i+1 < len(l) && l[i+1] == '-',
			b == '#' && c.hashComment(l, i, hasCode || hasComment):
			return kind(hasCode, true, false)
		case sx.triple && (b == '"' || b == '\'') && i+2 < len(l) && l[i+1] == b && l[i+2] == b:
			c.closer = string(l[i : i+3])
			c.escapes = true
			c.doc = sx.docstring && !hasCode
			if c.doc {
				hasComment = true
			} else {
				hasCode = true
			}
			i += 3
		case b == '`' && sx.backtick != 0:
			c.closer = "`"
			c.escapes = sx.backtick == 'e'
			hasCode = true
			i++
		case strings.IndexByte(sx.quotes, b) >= 0:
			// A single-line string: skip to its end or the line's.
			hasCode = true
			i++
			for i < len(l) && l[i] != b {
				if l[i] == '\\' {
					i++
				}
				i++
			}
			i++
		default:
			hasCode = true
			i++
		}
	}
	return kind(hasCode, hasComment, inString)
}

// hashComment reports whether the '#' at l[i] starts a comment.
func (c *counter) hashComment(l []byte, i int, seen bool) bool {
	switch c.sx.hash {
	case hashAnywhere:
		return true
	case hashNotAttr:
		return i+1 >= len(l) || l[i+1] != '['
	case hashAfterWord:
		return i == 0 || isSpace(l[i-1]) || l[i-1] == ';'
	case hashLineStart:
		return !seen
	}
	return false
}

func kind(hasCode, hasComment, inString bool) lineKind {
	switch {
	case hasCode || inString:
		return lineCode
	case hasComment:
		return lineComment
	}
	return lineBlank
}

// hasText reports whether b holds anything but white space.
func hasText(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return true
		}
	}
	return false
}

// nonBlank returns k for a line with text and lineBlank otherwise.
func nonBlank(l []byte, k lineKind) lineKind {
	if hasText(l) {
		return k
	}
	return lineBlank
}

// countCOBOL counts fixed-format COBOL (a '*' or '/' in column 7 marks a
// comment line) and free-format "*>" comments.
func countCOBOL(content []byte) (code, comment, blank int) {
	for len(content) > 0 {
		line := content
		if i := bytes.IndexByte(content, '\n'); i >= 0 {
			line, content = content[:i], content[i+1:]
		} else {
			content = nil
		}
		t := bytes.TrimLeft(line, " \t\r")
		switch {
		case !hasText(line):
			blank++
		case len(line) >= 7 && (line[6] == '*' || line[6] == '/'), bytes.HasPrefix(t, []byte("*>")):
			comment++
		default:
			code++
		}
	}
	return code, comment, blank
}
