package rule

import (
	"regexp/syntax"
	"slices"
	"strings"
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

// Limits of required-literal extraction.
const (
	// minRequiredLiteral is the shortest literal worth checking for.
	minRequiredLiteral = 2
	// maxRequiredLiterals bounds the alternatives checked.
	maxRequiredLiterals = 64
)

// requiredLiterals returns lower-case ASCII strings of which every match
// of the expression src contains at least one (ignoring case), or nil
// when there is no such set worth checking. A regex such as
// "(?i).*(?:password|secret|token)" then skips bound code that contains
// none of the words, which is much cheaper than running it.
func requiredLiterals(src string) []string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	return minimal(required(re.Simplify(), 0))
}

// minimal drops the literals that contain another one: "_pan" is found
// whenever "pan" is.
func minimal(lits []string) []string {
	if lits == nil {
		return nil
	}
	var out []string
	for i, s := range lits {
		redundant := false
		for j, t := range lits {
			if i != j && len(t) < len(s) && strings.Contains(s, t) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}

func required(re *syntax.Regexp, depth int) []string {
	if depth > maxFirstDepth {
		return nil
	}
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpQuest:
		if set, ok := exact(re, depth); ok && shortestLen(set) >= minRequiredLiteral {
			return set
		}
		return nil
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0], depth+1)
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil
		}
		return required(re.Sub[0], depth+1)
	case syntax.OpConcat:
		// Any operand's set will do, and so will the product of a run of
		// operands whose matches are a few known strings ("c" then
		// "(?:ard|vv)" gives "card" and "cvv"); take the best set.
		var best []string
		consider := func(set []string) {
			if set != nil && shortestLen(set) >= minRequiredLiteral && better(set, best) {
				best = set
			}
		}
		var run []string // product of the current run of exact operands
		inRun := false
		for _, sub := range re.Sub {
			consider(required(sub, depth+1))
			set, ok := exact(sub, depth+1)
			if !ok {
				inRun = false
				continue
			}
			consider(set)
			if !inRun {
				run, inRun = set, true
			} else if run = product(run, set); run == nil {
				run = set // too many strings: restart the run here
			}
			consider(run)
		}
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set := required(sub, depth+1)
			if set == nil {
				return nil
			}
			out = append(out, set...)
			if len(out) > maxRequiredLiterals {
				return nil
			}
		}
		return dedupe(out)
	}
	return nil
}

// goodLiteral is the length from which a literal is selective enough
// that fewer literals matter more than longer ones.
const goodLiteral = 4

// better reports whether literal set a is a better pre-check than b (nil
// is worst): few literals of at least goodLiteral bytes are best, since
// each literal costs a scan of the text; otherwise longer is better.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	la, lb := shortestLen(a), shortestLen(b)
	ga, gb := la >= goodLiteral, lb >= goodLiteral
	switch {
	case ga != gb:
		return ga
	case ga && len(a) != len(b):
		return len(a) < len(b)
	case la != lb:
		return la > lb
	}
	return len(a) < len(b)
}

// maxExactClass bounds the characters of a class exact enumerates.
const maxExactClass = 8

// exact returns, lower-cased, every string re can match, when that is a
// small set of ASCII strings (zero-width assertions match ""), and
// reports whether it could.
func exact(re *syntax.Regexp, depth int) ([]string, bool) {
	if depth > maxFirstDepth {
		return nil, false
	}
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		b := make([]byte, 0, len(re.Rune))
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf {
				return nil, false
			}
			b = append(b, lowerASCII(byte(r)))
		}
		return []string{string(b)}, true
	case syntax.OpCharClass:
		var out []string
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= utf8.RuneSelf {
				return nil, false
			}
			if n += int(hi-lo) + 1; n > maxExactClass {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				out = append(out, string(rune(lowerASCII(byte(r)))))
			}
		}
		if len(out) == 0 {
			return nil, false
		}
		return dedupe(out), true
	case syntax.OpCapture:
		return exact(re.Sub[0], depth+1)
	case syntax.OpQuest:
		set, ok := exact(re.Sub[0], depth+1)
		if !ok || len(set) >= maxRequiredLiterals {
			return nil, false
		}
		return dedupe(append(set, "")), true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			set, ok := exact(sub, depth+1)
			if !ok {
				return nil, false
			}
			if out = product(out, set); out == nil {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set, ok := exact(sub, depth+1)
			if !ok {
				return nil, false
			}
			if out = append(out, set...); len(out) > maxRequiredLiterals {
				return nil, false
			}
		}
		return dedupe(out), true
	}
	return nil, false
}

// product concatenates every string of a with every string of b, or
// returns nil when there would be more than maxRequiredLiterals.
func product(a, b []string) []string {
	if len(a)*len(b) > maxRequiredLiterals {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return dedupe(out)
}

func dedupe(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

func shortestLen(set []string) int {
	if len(set) == 0 {
		return 0
	}
	n := len(set[0])
	for _, s := range set {
		n = min(n, len(s))
	}
	return n
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// containsAnyFold reports whether s contains one of the lower-case ASCII
// literals, ignoring ASCII case. An empty list holds for any s, and so
// does text that is not all ASCII (where "k" and "s" also match the
// Kelvin sign and the long s under (?i)).
func containsAnyFold[T string | []byte](s T, lits []string) bool {
	if len(lits) == 0 {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	for _, lit := range lits {
		if indexFold(s, lit) {
			return true
		}
	}
	return false
}

// indexFold reports whether s contains lit (lower-case) ignoring ASCII
// case.
func indexFold[T string | []byte](s T, lit string) bool {
	n := len(lit)
	first := lit[0]
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) != first {
			continue
		}
		j := 1
		for j < n && lowerASCII(s[i+j]) == lit[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

// maxExactNames bounds the strings exactNames enumerates.
const maxExactNames = 512

// exactNames returns every string the anchored expression src can match
// in full, when it matches only a small finite set of identifier-like
// names and is anchored at the end ("^(?:Print|Info)(?:f|ln)?$"); nil
// otherwise. Case-insensitive parts give up.
func exactNames(src string) []string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	var items []*syntax.Regexp
	var flatten func(*syntax.Regexp, int) bool
	flatten = func(x *syntax.Regexp, depth int) bool {
		if depth > maxFirstDepth {
			return false
		}
		switch x.Op {
		case syntax.OpConcat:
			for _, sub := range x.Sub {
				if !flatten(sub, depth+1) {
					return false
				}
			}
			return true
		case syntax.OpCapture:
			return flatten(x.Sub[0], depth+1)
		}
		items = append(items, x)
		return true
	}
	if !flatten(re.Simplify(), 0) {
		return nil
	}
	for len(items) > 0 && items[0].Op == syntax.OpBeginText {
		items = items[1:]
	}
	anchored := false
	for len(items) > 0 && items[len(items)-1].Op == syntax.OpEndText {
		items, anchored = items[:len(items)-1], true
	}
	if !anchored || len(items) == 0 {
		return nil
	}
	set := []string{""}
	for _, it := range items {
		next := finite(it, 0)
		if next == nil || len(set)*len(next) > maxExactNames {
			return nil
		}
		var prod []string
		for _, a := range set {
			for _, b := range next {
				prod = append(prod, a+b)
			}
		}
		set = prod
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range set {
		if !identifier(s) {
			// Not a plain name: a metavariable standing for a whole
			// callee (foo.bar) may bind more than the called name.
			return nil
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// finite enumerates the strings re matches when they are few and re is
// built of case-sensitive literals, alternations, concatenations,
// optional parts and small character classes; nil otherwise.
func finite(re *syntax.Regexp, depth int) []string {
	if depth > maxFirstDepth {
		return nil
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) >= 16 {
					return nil
				}
				out = append(out, string(r))
			}
		}
		return out
	case syntax.OpCapture:
		return finite(re.Sub[0], depth+1)
	case syntax.OpQuest:
		sub := finite(re.Sub[0], depth+1)
		if sub == nil {
			return nil
		}
		return append([]string{""}, sub...)
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			s := finite(sub, depth+1)
			if s == nil || len(out)+len(s) > maxExactNames {
				return nil
			}
			out = append(out, s...)
		}
		return out
	case syntax.OpConcat:
		set := []string{""}
		for _, sub := range re.Sub {
			next := finite(sub, depth+1)
			if next == nil || len(set)*len(next) > maxExactNames {
				return nil
			}
			var prod []string
			for _, a := range set {
				for _, b := range next {
					prod = append(prod, a+b)
				}
			}
			set = prod
		}
		return set
	}
	return nil
}

// identifier reports whether s is a plain name: letters, digits, _ and $,
// not starting with a digit.
func identifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
