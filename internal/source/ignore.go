package source

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// Bounds on ignore files, which come from the scanned (untrusted) tree.
const (
	// maxIgnoreFileSize is how much of one ignore file is read.
	maxIgnoreFileSize = 1 << 20
	// maxIgnorePatterns is how many patterns one ignore file contributes.
	maxIgnorePatterns = 10_000
	// maxPatternLength drops absurd lines (filepath.Match is linear in
	// pattern times name, but there is no reason to pay for megabyte lines).
	maxPatternLength = 4096
)

// ignoreLayer orders the sources of ignore patterns by priority: a match in
// a higher layer wins over any match in a lower one, and within a layer the
// pattern deepest in the tree, then latest in its file, wins.
type ignoreLayer int

const (
	layerGit       ignoreLayer = iota // .git/info/exclude, then .gitignore files
	layerCodeaudit                    // .codeauditignore files
	layerOption                       // Options.Exclude
	layerCount
)

// ignoreRule is one pattern with where it came from.
type ignoreRule struct {
	pattern gitignore.Pattern
	// depth is the number of path components of the directory holding
	// the ignore file (0 for the root).
	depth int
	// anchored patterns (a slash at the start or in the middle) match the
	// path relative to the ignore file's directory; the others match the
	// base name at any level below it.
	anchored bool
	// minLen is the fewest path components (below the ignore file's
	// directory) the pattern may match: "a/**" matches everything inside a
	// but, unlike go-git's matcher, not a itself.
	minLen int
	source string // "sub/.gitignore:3" or "--exclude"
	text   string
	// layer is where the rule is in force (set when it is added).
	layer ignoreLayer
	// For the two commonest forms of unanchored pattern, a literal name
	// ("node_modules") and "*" before a literal ("*.log"), match compares
	// strings instead of calling go-git's matcher: the same answer (checked
	// by FuzzIgnore) several times faster, which matters with template
	// .gitignore files of hundreds of lines.
	fast    fastKind
	literal string // the name, or the suffix after "*"
	dirOnly bool
	negate  bool
}

type fastKind uint8

const (
	fastNone fastKind = iota
	fastName
	fastSuffix
)

// result decides the rule for a path (below its ignore file's directory)
// or, for unanchored rules, a base name alone.
func (r *ignoreRule) result(p []string, isDir bool) gitignore.MatchResult {
	if r.fast == fastNone {
		return r.pattern.Match(p, isDir)
	}
	base := p[len(p)-1]
	if r.dirOnly && !isDir {
		return gitignore.NoMatch
	}
	if r.fast == fastName && base != r.literal || r.fast == fastSuffix && !strings.HasSuffix(base, r.literal) {
		return gitignore.NoMatch
	}
	if r.negate {
		return gitignore.Include
	}
	return gitignore.Exclude
}

// parseIgnore turns ignore-file content into rules scoped to the directory
// at depth. Scoping is structural (the walker only consults rules of the
// directories above an entry), so patterns are parsed with an empty domain
// and matched against the path below the ignore file's directory. It
// returns whether the content was truncated.
func parseIgnore(content []byte, depth int, source string) ([]ignoreRule, bool) {
	truncated := false
	if len(content) > maxIgnoreFileSize {
		content, truncated = content[:maxIgnoreFileSize], true
	}
	var rules []ignoreRule
	for n := 1; len(content) > 0; n++ {
		line := content
		if i := bytes.IndexByte(content, '\n'); i >= 0 {
			line, content = content[:i], content[i+1:]
		} else {
			content = nil
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(rules) >= maxIgnorePatterns {
			return rules, true
		}
		if r, ok := newIgnoreRule(string(line), depth, fmt.Sprintf("%s:%d", source, n)); ok {
			rules = append(rules, r)
		}
	}
	return rules, truncated
}

// newIgnoreRule parses one line of gitignore syntax. Blank lines and
// comments give no rule.
func newIgnoreRule(line string, depth int, source string) (ignoreRule, bool) {
	line = strings.TrimSuffix(line, "\r")
	if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || len(line) > maxPatternLength {
		return ignoreRule{}, false
	}
	// Whether the pattern is anchored, by git's rule: a separator at the
	// start or in the middle (a trailing one only means "directory").
	body := strings.TrimPrefix(line, "!")
	if !strings.HasSuffix(body, `\ `) {
		body = strings.TrimRight(body, " ")
	}
	body, dirOnly := strings.CutSuffix(body, "/")
	if body == "" {
		return ignoreRule{}, false
	}
	anchored := strings.Contains(body, "/")
	fast, literal := fastNone, ""
	switch {
	case anchored:
	case !strings.ContainsAny(body, `*?[\`):
		fast, literal = fastName, body
	case body[0] == '*' && !strings.ContainsAny(body[1:], `*?[\`):
		fast, literal = fastSuffix, body[1:]
	}
	minLen := 0
	if prefix, ok := strings.CutSuffix(strings.TrimPrefix(body, "/"), "/**"); ok && !strings.Contains(prefix, "**") {
		minLen = strings.Count(prefix, "/") + 2
	}
	return ignoreRule{
		pattern:  gitignore.ParsePattern(line, nil),
		depth:    depth,
		anchored: anchored,
		minLen:   minLen,
		fast:     fast,
		literal:  literal,
		dirOnly:  dirOnly,
		negate:   strings.HasPrefix(line, "!"),
		source:   source,
		text:     line,
	}, true
}

// ignoreSet holds the rules in force for the directory being walked: one
// stack per layer, pushed on entering a directory and popped on leaving it.
type ignoreSet struct {
	layers [layerCount][]ignoreRule
	base   [1]string // scratch for base-name matches
}

// match decides whether the entry with path components comps is ignored,
// and by which rule.
func (s *ignoreSet) match(comps []string, isDir bool) (*ignoreRule, bool) {
	s.base[0] = comps[len(comps)-1]
	for l := layerCount - 1; l >= 0; l-- {
		rules := s.layers[l]
		for i := len(rules) - 1; i >= 0; i-- {
			r := &rules[i]
			if r.depth >= len(comps) {
				continue // an ignore file never matches its own directory
			}
			p := s.base[:]
			if r.anchored {
				p = comps[r.depth:]
				if len(p) < r.minLen {
					continue
				}
			}
			switch r.result(p, isDir) {
			case gitignore.Exclude:
				return r, true
			case gitignore.Include:
				return r, false
			}
		}
	}
	return nil, false
}
