// Package textpos maps byte offsets inside a YAML scalar's decoded value back
// to 1-based lines and columns of the file it came from.
//
// YAML parsers report where a scalar node starts, but not where a given
// character of its value sits: literal (|) and folded (>) blocks start on
// the line after their indicator, are indented, and folded blocks join
// lines. Neither actionlint nor go.yaml.in/yaml keeps that mapping, so this
// package recovers it by searching the source text after the node for the
// text around the offset. It never fails: when the text cannot be found the
// node's own position is returned.
package textpos

import (
	"bytes"
	"strings"
)

// maxNeedle bounds the text used to locate an offset, and maxScan how far
// after a node's start the source is searched, so that a pathological file
// cannot make a lookup quadratic.
const (
	maxNeedle = 48
	maxScan   = 1 << 20
)

// File is the source text of one file with a line index.
type File struct {
	src        []byte
	lineStarts []int
}

// New indexes src. It keeps a reference to src and never modifies it.
func New(src []byte) *File {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &File{src: src, lineStarts: starts}
}

// Offset converts a 1-based line and column (bytes) to a byte offset,
// clamped into the file.
func (f *File) Offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(f.lineStarts) {
		return len(f.src)
	}
	off := f.lineStarts[line-1] + max(col-1, 0)
	return min(off, len(f.src))
}

// Pos converts a byte offset to a 1-based line and column.
func (f *File) Pos(off int) (line, col int) {
	off = min(max(off, 0), len(f.src))
	lo, hi := 0, len(f.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if f.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - f.lineStarts[lo] + 1
}

// Line returns the text of a 1-based line without its line break.
func (f *File) Line(line int) string {
	if line < 1 || line > len(f.lineStarts) {
		return ""
	}
	start := f.lineStarts[line-1]
	end := len(f.src)
	if line < len(f.lineStarts) {
		end = f.lineStarts[line]
	}
	return strings.TrimRight(string(f.src[start:end]), "\r\n")
}

// Locate finds where byte offset off of value sits in the file, given the
// position of the scalar node that holds value (line and column of its
// first character or block indicator). It returns the 1-based line and
// column of that character.
func (f *File) Locate(nodeLine, nodeCol int, value string, off int) (line, col int) {
	if off < 0 || off > len(value) {
		return nodeLine, nodeCol
	}
	needle := value[off:]
	if i := strings.IndexAny(needle, "\r\n"); i >= 0 {
		needle = needle[:i]
	}
	// Escapes in quoted scalars (\" \\ \t) make the source differ from
	// the value after them: retry with the text before the first
	// character that may have been escaped.
	candidates := []string{needle}
	if i := strings.IndexAny(needle, "\"\\'\t"); i > 0 {
		candidates = append(candidates, needle[:i])
	}
	for _, n := range candidates {
		if len(n) > maxNeedle {
			n = n[:maxNeedle]
		}
		if strings.TrimSpace(n) == "" {
			continue
		}
		if l, c, ok := f.find(nodeLine, nodeCol, value, off, n); ok {
			return l, c
		}
	}
	return nodeLine, nodeCol
}

// find maps the occurrence of needle at value[off:] to the same-numbered
// occurrence in the source after the node start.
func (f *File) find(nodeLine, nodeCol int, value string, off int, needle string) (int, int, bool) {
	// strings.Count is fast and counts non-overlapping occurrences, as
	// does the search below.
	k := strings.Count(value[:off], needle)
	start := f.Offset(nodeLine, nodeCol)
	end := min(len(f.src), start+maxScan)
	window := f.src[start:end]
	nb := []byte(needle)
	pos := 0
	for i := 0; ; i++ {
		j := bytes.Index(window[pos:], nb)
		if j < 0 {
			return 0, 0, false
		}
		if i == k {
			l, c := f.Pos(start + pos + j)
			return l, c, true
		}
		pos += j + len(nb)
	}
}
