package rule

import (
	"github.com/socyber/codeaudit/internal/sast/lang"
)

// maxWords bounds the distinct words collected from one file.
const maxWords = 1 << 20

// prefilter is a boolean formula over words a file must contain.
type prefilter struct {
	words []string     // all required (And); empty means true
	any   []*prefilter // at least one must hold (Or), when non-nil
	all   []*prefilter // every one must hold (And)
}

func (p *prefilter) eval(words map[string]bool) bool {
	if p == nil {
		return true
	}
	for _, w := range p.words {
		if !words[w] {
			return false
		}
	}
	for _, c := range p.all {
		if !c.eval(words) {
			return false
		}
	}
	if p.any != nil {
		for _, c := range p.any {
			if c.eval(words) {
				return true
			}
		}
		return false
	}
	return true
}

// buildPrefilter derives the words a file must contain for f to match in
// grammar g. Negative operators and regexes require nothing.
func buildPrefilter(f *Formula, g lang.ID) *prefilter {
	switch f.Op {
	case OpPattern:
		if p := f.patterns[g]; p != nil {
			return &prefilter{words: p.Words()}
		}
	case OpInside:
		return buildPrefilter(f.Children[0], g)
	case OpAnd:
		out := &prefilter{}
		for _, c := range f.Children {
			if c.positive() {
				out.all = append(out.all, buildPrefilter(c, g))
			}
		}
		return out
	case OpOr:
		out := &prefilter{any: []*prefilter{}}
		for _, c := range f.Children {
			out.any = append(out.any, buildPrefilter(c, g))
		}
		return out
	}
	return nil
}

// Words collects the identifier-like words of a file (in code, strings and
// comments alike, so an import path such as "os/exec" yields "os" and
// "exec").
func Words(src []byte) map[string]bool {
	words := make(map[string]bool, 256)
	i := 0
	for i < len(src) {
		c := src[i]
		if !wordStart(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(src) && wordPart(src[j]) {
			j++
		}
		// Looking up first spares a string allocation per repeated word.
		if w := src[i:j]; !words[string(w)] && len(words) < maxWords {
			words[string(w)] = true
		}
		i = j
	}
	return words
}

func wordStart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func wordPart(c byte) bool { return wordStart(c) || c >= '0' && c <= '9' }
