package markdown

import (
	"strings"
	"unicode/utf8"
)

// mdSpecial are the ASCII characters that can start Markdown or HTML
// syntax, a GitHub mention (@) or an issue link (#). CommonMark lets any
// ASCII punctuation be backslash-escaped, so escaping these is always safe.
const mdSpecial = "\\`*_{}[]()<>#+-.!|~&@:"

// esc makes user-controlled text (messages, paths, notes) render as the
// literal text it is: Markdown and HTML syntax is escaped and line breaks
// become spaces, so the text cannot start a new block.
func esc(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			// Other control characters have no business in a comment.
			b.WriteRune(utf8.RuneError)
		case r < utf8.RuneSelf && strings.IndexByte(mdSpecial, byte(r)) >= 0:
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// code writes s as an inline code span whose backtick fence is longer than
// any backtick run inside it, so s cannot close the span early.
func code(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// cellCode is code for a table cell: GitHub splits cells on | even inside
// code spans unless it is escaped.
func cellCode(s string) string {
	return code(strings.ReplaceAll(s, "|", `\|`))
}

// fence returns a code fence longer than any backtick run in lines (and at
// least three backticks), so code containing ``` cannot break out.
func fence(lines []string) string {
	n := 2
	for _, l := range lines {
		n = max(n, longestRun(l, '`'))
	}
	return strings.Repeat("`", n+1)
}

func longestRun(s string, c byte) int {
	best, cur := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			cur++
			best = max(best, cur)
		} else {
			cur = 0
		}
	}
	return best
}

// cut shortens s to at most n runes, marking the cut with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
