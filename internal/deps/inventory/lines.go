package inventory

import (
	"bytes"
	"strings"
)

// maxLineSearches bounds the per-file work of finding package lines the
// extractor did not report (name search over every line).
const maxLineSearches = 20_000

// lineFinder locates a package's line in a file when the extractor gives
// none: the first line naming the package and its version, else the first
// naming the package.
type lineFinder struct {
	lines    []string
	searches int
}

func newLineFinder(content []byte) *lineFinder {
	return &lineFinder{lines: strings.Split(string(bytes.ReplaceAll(content, []byte("\r\n"), []byte("\n"))), "\n")}
}

func (lf *lineFinder) find(name, version string) int {
	if lf.searches >= maxLineSearches || name == "" {
		return 0
	}
	lf.searches++
	first := 0
	for i, l := range lf.lines {
		if !containsWord(l, name) {
			continue
		}
		if version == "" || strings.Contains(l, version) {
			return i + 1
		}
		if first == 0 {
			first = i + 1
		}
	}
	return first
}

// containsWord reports whether s contains name not glued to other name
// characters (so "requests" does not match "requests-oauthlib").
func containsWord(s, name string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], name)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(name)
		if (start == 0 || !nameByte(s[start-1])) && (end == len(s) || !nameByte(s[end])) {
			return true
		}
		off = start + 1
	}
}

func nameByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || c == '/' || c == '@' ||
		('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}
