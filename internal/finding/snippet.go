package finding

import "strings"

// SnippetContext is how many lines before and after a finding its snippet shows.
const SnippetContext = 2

// maxSnippetLine caps one snippet line so a minified file cannot blow up
// a report; longer lines are cut and marked.
const maxSnippetLine = 300

// maxSnippetLines caps the flagged span a snippet shows.
const maxSnippetLines = 20

// MakeSnippet cuts the lines startLine..endLine plus SnippetContext lines
// around them out of a file's lines. It returns nil when the span is
// outside the file.
func MakeSnippet(lines []string, startLine, endLine int) *Snippet {
	if startLine < 1 || startLine > len(lines) {
		return nil
	}
	if endLine < startLine {
		endLine = startLine
	}
	endLine = min(endLine, startLine+maxSnippetLines-1)
	from := max(startLine-SnippetContext, 1)
	to := min(endLine+SnippetContext, len(lines))
	s := &Snippet{StartLine: from}
	for i := from; i <= to; i++ {
		l := strings.TrimRight(lines[i-1], "\r")
		if len(l) > maxSnippetLine {
			l = truncateUTF8(l, maxSnippetLine) + " …"
		}
		s.Lines = append(s.Lines, l)
	}
	return s
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// SplitLines splits file content into lines without their terminators.
func SplitLines(content []byte) []string {
	s := string(content)
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}
