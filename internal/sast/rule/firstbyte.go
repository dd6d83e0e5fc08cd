package rule

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// byteSet is a set of bytes.
type byteSet [256]bool

// firstBytes returns the bytes a match of the anchored expression src
// can start with, or nil when that is not known or the expression can
// match the empty string. A metavariable-regex is then rejected for
// bound code starting with any other byte without running it (most
// bound code fails at its first byte, and the regex engine's set-up is
// the cost).
func firstBytes(src string) *byteSet {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	var set byteSet
	if nullable := addFirst(&set, re.Simplify(), 0); nullable {
		return nil
	}
	return &set
}

// maxFirstDepth bounds the recursion over a regex's syntax tree.
const maxFirstDepth = 100

// addFirst adds the bytes re's matches can start with and reports
// whether re can match the empty string (then what follows it counts
// too). When unsure it adds every byte.
func addFirst(set *byteSet, re *syntax.Regexp, depth int) (nullable bool) {
	if depth > maxFirstDepth {
		addAll(set)
		return true
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[0]
		addRune(set, r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				addRune(set, f)
			}
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
				set[r] = true
			}
			if hi >= utf8.RuneSelf {
				addNonASCII(set)
			}
		}
		return false
	case syntax.OpAnyCharNotNL:
		addAll(set)
		set['\n'] = false
		return false
	case syntax.OpAnyChar:
		addAll(set)
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return addFirst(set, re.Sub[0], depth+1)
	case syntax.OpStar, syntax.OpQuest:
		addFirst(set, re.Sub[0], depth+1)
		return true
	case syntax.OpRepeat:
		n := addFirst(set, re.Sub[0], depth+1)
		return n || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !addFirst(set, sub, depth+1) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			if addFirst(set, sub, depth+1) {
				nullable = true
			}
		}
		return nullable
	}
	addAll(set)
	return true
}

func addRune(set *byteSet, r rune) {
	if r < utf8.RuneSelf {
		set[r] = true
		return
	}
	addNonASCII(set)
}

func addNonASCII(set *byteSet) {
	for b := utf8.RuneSelf; b < 256; b++ {
		set[b] = true
	}
}

func addAll(set *byteSet) {
	for b := range set {
		set[b] = true
	}
}

// mayMatch reports whether an anchored regex with first-byte set fb may
// match s.
func (fb *byteSet) mayMatch(s []byte) bool {
	return fb == nil || len(s) > 0 && fb[s[0]]
}

// mayMatchString is mayMatch for a string.
func (fb *byteSet) mayMatchString(s string) bool {
	return fb == nil || len(s) > 0 && fb[s[0]]
}
