package view

import "strings"

// Block is one part of a rule's remediation: a paragraph of prose or a
// code example.
type Block struct {
	// Code is set for a code example.
	Code bool
	// Lang is the info string of a fenced code block ("go"), else "".
	Lang string
	// Lines are a paragraph's lines as written, or a code example's lines
	// with their common indentation removed (inner blank lines kept).
	Lines []string
}

// Remediation splits a rule's remediation into prose paragraphs and code
// examples. Rule authors write code three ways and all are recognised:
// a Markdown fence (```), a Markdown indented block after a blank line,
// and, in YAML rule files, lines indented under the sentence that
// introduces them with no blank line between. A paragraph ends at a blank
// line or where code starts; a code example ends at the closing fence or
// at the first line that is not indented.
func Remediation(s string) []Block {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	lines = trimBlank(lines)

	var out []Block
	var cur *Block
	flush := func() {
		if cur == nil {
			return
		}
		if cur.Code {
			cur.Lines = dedent(trimBlank(cur.Lines))
		}
		if len(cur.Lines) > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if fence, info, ok := openFence(l); ok {
			flush()
			b := Block{Code: true, Lang: info}
			for i++; i < len(lines) && !closesFence(lines[i], fence); i++ {
				b.Lines = append(b.Lines, lines[i])
			}
			cur = &b
			flush()
			continue
		}
		switch {
		case l == "":
			if cur != nil && cur.Code {
				cur.Lines = append(cur.Lines, "") // a code example may hold blank lines
				continue
			}
			flush()
		case indented(l):
			if cur == nil || !cur.Code {
				flush()
				cur = &Block{Code: true}
			}
			cur.Lines = append(cur.Lines, l)
		default:
			if cur != nil && cur.Code {
				flush()
			}
			if cur == nil {
				cur = &Block{}
			}
			cur.Lines = append(cur.Lines, l)
		}
	}
	flush()
	return out
}

// RemediationMarkdown rewrites a remediation as Markdown that renders its
// code examples as code: each example becomes a fenced block and
// paragraphs are separated by blank lines. Prose is kept as written (rule
// metadata is Markdown by its authors, not text from scanned files).
func RemediationMarkdown(s string) string {
	var b strings.Builder
	for i, blk := range Remediation(s) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if !blk.Code {
			b.WriteString(strings.Join(blk.Lines, "\n"))
			continue
		}
		fence := fenceFor(blk.Lines)
		b.WriteString(fence + blk.Lang + "\n")
		b.WriteString(strings.Join(blk.Lines, "\n"))
		b.WriteString("\n" + fence)
	}
	return b.String()
}

// openFence recognises a Markdown fence opening: three or more backticks
// or tildes, optionally indented, then an info string.
func openFence(l string) (fence, info string, ok bool) {
	t := strings.TrimLeft(l, " \t")
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return "", "", false
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return "", "", false
	}
	info = strings.TrimSpace(t[n:])
	if t[0] == '`' && strings.Contains(info, "`") {
		return "", "", false // inline code such as ```x```, not a fence
	}
	if i := strings.IndexAny(info, " \t"); i >= 0 {
		info = info[:i]
	}
	return t[:n], info, true
}

func closesFence(l, fence string) bool {
	t := strings.TrimSpace(l)
	return strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == ""
}

// fenceFor returns a backtick fence longer than any run of backticks in
// the code, so the code cannot close it.
func fenceFor(lines []string) string {
	longest := 0
	for _, l := range lines {
		run := 0
		for _, r := range l {
			if r == '`' {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

func indented(l string) bool {
	return l != "" && (l[0] == ' ' || l[0] == '\t')
}

// dedent removes the indentation common to every non-blank line.
func dedent(lines []string) []string {
	common := -1
	for _, l := range lines {
		if l == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return lines
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			out[i] = l[common:]
		}
	}
	return out
}

// trimBlank drops leading and trailing blank lines.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
