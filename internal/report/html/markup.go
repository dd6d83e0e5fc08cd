package html

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
)

// Limits that keep a report of a huge scan readable and bounded.
const (
	maxMessage  = 2000 // runes of a message
	maxLineLen  = 400  // runes of one snippet line
	maxTrace    = 50   // trace steps listed per finding
	maxMarkText = 8000 // bytes of a remediation or description rendered
)

// Markdown renders the small subset of Markdown that rule metadata uses:
// paragraphs, fenced code blocks and inline `code`. Everything is escaped
// first; no raw HTML or links from the text survive. A full Markdown
// library would be overkill for rule text we write ourselves and would
// widen what untrusted custom rules could inject.
func Markdown(s string) template.HTML {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	if len(s) > maxMarkText {
		s = s[:maxMarkText] + "…"
	}
	var b strings.Builder
	lines := strings.Split(s, "\n")
	var para []string
	flush := func() {
		if len(para) > 0 {
			b.WriteString("<p>" + inline(strings.Join(para, " ")) + "</p>\n")
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if fence, ok := strings.CutPrefix(strings.TrimSpace(l), "```"); ok {
			flush()
			lang := strings.Trim(fence, "` ")
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				code = append(code, lines[i])
			}
			b.WriteString(`<pre class="example"`)
			if lang != "" {
				b.WriteString(` data-lang="` + template.HTMLEscapeString(lang) + `"`)
			}
			b.WriteString("><code>" + template.HTMLEscapeString(strings.Join(code, "\n")) + "</code></pre>\n")
			continue
		}
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		para = append(para, strings.TrimSpace(l))
	}
	flush()
	return template.HTML(b.String()) //nolint:gosec // built from escaped parts only
}

// inline escapes text and turns `code` spans into <code>.
func inline(s string) string {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // unbalanced: keep the backticks as text
		return template.HTMLEscapeString(s)
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("<code>" + template.HTMLEscapeString(p) + "</code>")
		} else {
			b.WriteString(template.HTMLEscapeString(p))
		}
	}
	return b.String()
}

// SafeURL returns the reference as a link target when it is an absolute
// http(s) URL, and "" otherwise (javascript:, data: and relative links are
// shown as text only).
func SafeURL(ref string) string {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	return u.String()
}

// CodeLine is one line of an annotated snippet.
type CodeLine struct {
	Number  int
	Text    string
	Flagged bool
	// Steps are the trace step numbers (1-based) at this line.
	Steps []int
	// StepNote joins the notes of those steps, for a tooltip.
	StepNote string
}

// annotate builds the snippet lines with their flags and trace steps; the
// steps are those in the finding's own file.
func annotate(f *finding.Finding) []CodeLine {
	s := f.Snippet
	if s == nil || len(s.Lines) == 0 {
		return nil
	}
	out := make([]CodeLine, len(s.Lines))
	for i, text := range s.Lines {
		n := s.StartLine + i
		out[i] = CodeLine{Number: n, Text: cut(strings.TrimRight(text, "\r"), maxLineLen), Flagged: view.Flagged(f.Location, n)}
	}
	for i, st := range f.Trace {
		if i == maxTrace {
			break
		}
		if st.Location.Path != f.Location.Path {
			continue
		}
		idx := st.Location.StartLine - s.StartLine
		if idx < 0 || idx >= len(out) {
			continue
		}
		out[idx].Steps = append(out[idx].Steps, i+1)
		note := strconv.Itoa(i+1) + ". " + st.Note
		if out[idx].StepNote != "" {
			note = out[idx].StepNote + "\n" + note
		}
		out[idx].StepNote = note
	}
	return out
}

// cut shortens s to n runes with an ellipsis.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
