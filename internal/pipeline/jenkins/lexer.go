package jenkins

import (
	"errors"
	"fmt"
)

// Why a hand-written lexer: there is no maintained Groovy parser for Go,
// and the audits only need tokens: identifiers, punctuation, and strings
// with their quoting and ${...} / $name interpolations, with comments
// skipped. This lexer handles '...', "...", '''...''', """...""", slashy
// /.../ and dollar-slashy $/.../$ strings, // and /* */ comments, and
// nested braces and strings inside ${...}.

// Limits on hostile input.
const (
	MaxFileSize    = 2 << 20
	maxTokens      = 1 << 20
	maxInterpDepth = 32
)

// Kind is a token kind.
type Kind int

// Token kinds.
const (
	Ident Kind = iota + 1
	Number
	String
	Punct
	Annotation
)

func (k Kind) String() string {
	switch k {
	case Ident:
		return "ident"
	case Number:
		return "number"
	case String:
		return "string"
	case Punct:
		return "punct"
	case Annotation:
		return "annotation"
	}
	return "invalid"
}

// Token is one lexical token. Offsets are bytes into the source.
type Token struct {
	Kind       Kind
	Start, End int
	// Text is the identifier, number, punctuation or annotation name; for
	// strings it is the raw content between the quotes (escapes kept).
	Text string
	// Quote is the opening delimiter of a string: ' " ''' """ / $/.
	Quote string
	// ContentStart is the offset of Text's first byte for strings.
	ContentStart int
	// Interps are the ${...} and $name interpolations of a GString.
	Interps []Interp
}

// GString reports whether the string interpolates (double-quoted, triple
// double-quoted, slashy or dollar-slashy).
func (t Token) GString() bool {
	return t.Kind == String && t.Quote != "'" && t.Quote != "'''"
}

// Interp is one interpolation: Start is the offset of '$', Expr the
// expression text (without ${ }).
type Interp struct {
	Start, End int
	Expr       string
}

// ErrUnterminated is returned (wrapped) for unterminated strings and
// comments; the tokens before it are still returned.
var ErrUnterminated = errors.New("unterminated")

type lexer struct {
	src  []byte
	pos  int
	toks []Token
}

// Lex splits Groovy source into tokens. On malformed input it returns the
// tokens read so far and an error.
func Lex(src []byte) ([]Token, error) {
	if len(src) > MaxFileSize {
		return nil, fmt.Errorf("%d bytes is over the %d byte limit", len(src), MaxFileSize)
	}
	l := &lexer{src: src}
	if len(src) > 1 && src[0] == '#' && src[1] == '!' {
		l.skipLine()
	}
	for {
		if len(l.toks) >= maxTokens {
			return l.toks, errors.New("too many tokens")
		}
		tok, err := l.next(0)
		if err != nil {
			return l.toks, err
		}
		if tok == nil {
			return l.toks, nil
		}
		l.toks = append(l.toks, *tok)
	}
}

func (l *lexer) peek(off int) byte {
	if l.pos+off < len(l.src) {
		return l.src[l.pos+off]
	}
	return 0
}

func (l *lexer) skipLine() {
	for l.pos < len(l.src) && l.src[l.pos] != '\n' {
		l.pos++
	}
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() error {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\\' && (l.peek(1) == '\n' || l.peek(1) == '\r'):
			l.pos++
		case c == '/' && l.peek(1) == '/':
			l.skipLine()
		case c == '/' && l.peek(1) == '*':
			start := l.pos
			l.pos += 2
			for {
				if l.pos+1 >= len(l.src) {
					l.pos = len(l.src)
					return fmt.Errorf("comment at offset %d: %w", start, ErrUnterminated)
				}
				if l.src[l.pos] == '*' && l.src[l.pos+1] == '/' {
					l.pos += 2
					break
				}
				l.pos++
			}
		default:
			return nil
		}
	}
	return nil
}

// regexAllowed reports whether a '/' here starts a slashy string rather
// than a division, from the previous token.
func (l *lexer) regexAllowed() bool {
	if len(l.toks) == 0 {
		return true
	}
	prev := l.toks[len(l.toks)-1]
	switch prev.Kind {
	case Punct:
		switch prev.Text {
		case ")", "]", "}":
			return false
		}
		return true
	case Ident:
		switch prev.Text {
		case "return", "case", "in", "assert":
			return true
		}
	}
	return false
}

// next reads one token; depth is the ${} nesting for interpolations.
func (l *lexer) next(depth int) (*Token, error) {
	if err := l.skipSpace(); err != nil {
		return nil, err
	}
	if l.pos >= len(l.src) {
		return nil, nil
	}
	start := l.pos
	c := l.src[l.pos]
	switch {
	case isIdentStart(c):
		for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
			l.pos++
		}
		return &Token{Kind: Ident, Start: start, End: l.pos, Text: string(l.src[start:l.pos])}, nil
	case c >= '0' && c <= '9':
		for l.pos < len(l.src) && (isIdentPart(l.src[l.pos]) || l.src[l.pos] == '.' && l.peek(1) >= '0' && l.peek(1) <= '9') {
			l.pos++
		}
		return &Token{Kind: Number, Start: start, End: l.pos, Text: string(l.src[start:l.pos])}, nil
	case c == '@' && isIdentStart(l.peek(1)):
		l.pos++
		for l.pos < len(l.src) && (isIdentPart(l.src[l.pos]) || l.src[l.pos] == '.') {
			l.pos++
		}
		return &Token{Kind: Annotation, Start: start, End: l.pos, Text: string(l.src[start+1 : l.pos])}, nil
	case c == '\'' || c == '"':
		return l.str(depth)
	case c == '$' && l.peek(1) == '/':
		return l.dollarSlashy(depth)
	case c == '/' && l.regexAllowed() && l.peek(1) != '=':
		return l.slashy(depth)
	}
	// Punctuation: longest of the multi-character operators first.
	for _, op := range []string{"?.", "*.", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "->", "..", "++", "--", "+=", "-=", "=~", "==~", "?:"} {
		if l.hasPrefix(op) {
			l.pos += len(op)
			return &Token{Kind: Punct, Start: start, End: l.pos, Text: op}, nil
		}
	}
	l.pos++
	return &Token{Kind: Punct, Start: start, End: l.pos, Text: string(c)}, nil
}

func (l *lexer) hasPrefix(s string) bool {
	return l.pos+len(s) <= len(l.src) && string(l.src[l.pos:l.pos+len(s)]) == s
}

// str lexes a quoted string starting at l.pos.
func (l *lexer) str(depth int) (*Token, error) {
	start := l.pos
	q := string(l.src[l.pos])
	if l.hasPrefix(q + q + q) {
		q = q + q + q
	}
	l.pos += len(q)
	tok := &Token{Kind: String, Start: start, Quote: q, ContentStart: l.pos}
	interp := q[0] == '"'
	for {
		if l.pos >= len(l.src) {
			return nil, fmt.Errorf("string at offset %d: %w", start, ErrUnterminated)
		}
		c := l.src[l.pos]
		switch {
		case c == '\\':
			l.pos += 2
			continue
		case l.hasPrefix(q):
			tok.Text = string(l.src[tok.ContentStart:l.pos])
			l.pos += len(q)
			tok.End = l.pos
			return tok, nil
		case c == '\n' && len(q) == 1:
			return nil, fmt.Errorf("string at offset %d: %w", start, ErrUnterminated)
		case c == '$' && interp:
			if err := l.interp(tok, depth); err != nil {
				return nil, err
			}
			continue
		}
		l.pos++
	}
}

// interp reads an interpolation at l.pos ('$') into tok.
func (l *lexer) interp(tok *Token, depth int) error {
	start := l.pos
	switch {
	case l.peek(1) == '{':
		if depth >= maxInterpDepth {
			return fmt.Errorf("interpolation at offset %d nested too deeply", start)
		}
		l.pos += 2
		exprStart := l.pos
		braces := 1
		for braces > 0 {
			t, err := l.next(depth + 1)
			if err != nil {
				return err
			}
			if t == nil {
				return fmt.Errorf("interpolation at offset %d: %w", start, ErrUnterminated)
			}
			if t.Kind == Punct {
				switch t.Text {
				case "{":
					braces++
				case "}":
					braces--
				}
			}
		}
		tok.Interps = append(tok.Interps, Interp{Start: start, End: l.pos, Expr: string(l.src[exprStart : l.pos-1])})
	case isIdentStart(l.peek(1)):
		l.pos++
		for {
			for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
				l.pos++
			}
			if l.peek(0) == '.' && isIdentStart(l.peek(1)) {
				l.pos++
				continue
			}
			break
		}
		tok.Interps = append(tok.Interps, Interp{Start: start, End: l.pos, Expr: string(l.src[start+1 : l.pos])})
	default:
		l.pos++
	}
	return nil
}

// slashy lexes /.../ strings (regular expressions).
func (l *lexer) slashy(_ int) (*Token, error) {
	start := l.pos
	l.pos++
	tok := &Token{Kind: String, Start: start, Quote: "/", ContentStart: l.pos}
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '\\':
			l.pos += 2
			continue
		case '/':
			tok.Text = string(l.src[tok.ContentStart:l.pos])
			l.pos++
			tok.End = l.pos
			return tok, nil
		case '\n':
			// Not a slashy string after all: treat the slash as division.
			l.pos = start + 1
			return &Token{Kind: Punct, Start: start, End: start + 1, Text: "/"}, nil
		}
		l.pos++
	}
	l.pos = start + 1
	return &Token{Kind: Punct, Start: start, End: start + 1, Text: "/"}, nil
}

// dollarSlashy lexes $/.../$ strings.
func (l *lexer) dollarSlashy(_ int) (*Token, error) {
	start := l.pos
	l.pos += 2
	tok := &Token{Kind: String, Start: start, Quote: "$/", ContentStart: l.pos}
	for l.pos < len(l.src) {
		if l.hasPrefix("$$") || l.hasPrefix("$/") && !l.hasPrefix("$/$") {
			l.pos += 2
			continue
		}
		if l.hasPrefix("/$") {
			tok.Text = string(l.src[tok.ContentStart:l.pos])
			l.pos += 2
			tok.End = l.pos
			return tok, nil
		}
		l.pos++
	}
	return nil, fmt.Errorf("string at offset %d: %w", start, ErrUnterminated)
}
