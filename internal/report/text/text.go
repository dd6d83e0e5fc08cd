// Package text writes a scan result for people at a terminal: a header,
// the findings grouped by severity with their annotated snippet, trace and
// remediation, and a summary. Colour is used only when asked for, and
// control characters from scanned files are neutralised so a finding
// cannot rewrite the terminal.
package text

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
	"github.com/socyber/codeaudit/internal/result"
)

// Options are the text format's presentation choices.
type Options struct {
	// Color enables ANSI colours. The caller decides (a TTY, no NO_COLOR).
	Color bool
	// ShowSuppressed lists suppressed findings after the open ones.
	ShowSuppressed bool
}

// Writer writes the text format.
type Writer struct {
	opts Options
}

// New returns a text writer.
func New(opts Options) *Writer { return &Writer{opts: opts} }

// ANSI SGR sequences.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiDim     = "\x1b[2m"
	ansiRed     = "\x1b[31m"
	ansiYellow  = "\x1b[33m"
	ansiBlue    = "\x1b[34m"
	ansiMagenta = "\x1b[35m"
	ansiCyan    = "\x1b[36m"
	ansiBoldRed = "\x1b[1;97;41m"
)

// printer carries the output and colour choice through one Write.
type printer struct {
	w     *bufio.Writer
	color bool
}

func (p *printer) paint(style, s string) string {
	if !p.color || style == "" || s == "" {
		return s
	}
	return style + s + ansiReset
}

func (p *printer) line(parts ...string) {
	for _, s := range parts {
		p.w.WriteString(s)
	}
	p.w.WriteByte('\n')
}

func severityStyle(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return ansiBoldRed
	case finding.High:
		return ansiRed
	case finding.Medium:
		return ansiYellow
	case finding.Low:
		return ansiBlue
	}
	return ansiCyan
}

// Write writes r.
func (t *Writer) Write(w io.Writer, r *result.Result) error {
	if r == nil {
		return errors.New("text: nil result")
	}
	p := &printer{w: bufio.NewWriter(w), color: t.opts.Color}
	p.header(r)
	open := view.Sorted(r.Findings)
	if len(open) == 0 {
		p.line()
		p.line(p.paint(ansiBold, "No findings."))
	}
	p.groups(open)
	if t.opts.ShowSuppressed && len(r.Suppressed) > 0 {
		p.line()
		p.line(p.paint(ansiBold, fmt.Sprintf("SUPPRESSED (%d)", len(r.Suppressed))))
		for _, f := range view.Sorted(r.Suppressed) {
			p.line()
			p.finding(&f)
		}
	}
	p.summary(r)
	if err := p.w.Flush(); err != nil {
		return fmt.Errorf("text: %w", err)
	}
	return nil
}

func (p *printer) header(r *result.Result) {
	name := r.Tool.Name
	if name == "" {
		name = "codeaudit"
	}
	tool := clean(strings.TrimSpace(name + " " + r.Tool.Version))
	p.line(p.paint(ansiBold, tool), " · ", clean(r.Target), " · ",
		view.Plural(r.Stats.FilesScanned, "file"), " · ",
		view.Count(r.Stats.LinesOfCode), " lines of code · ",
		view.Duration(r.Stats.DurationMS))
	if len(r.DataSources) > 0 {
		var parts []string
		for _, ds := range r.DataSources {
			parts = append(parts, fmt.Sprintf("%s of %s (%s old)", clean(ds.Name), ds.FetchedAt.Format("2006-01-02"), view.Plural(ds.AgeDays, "day")))
		}
		p.line("data: ", strings.Join(parts, ", "))
	}
}

func (p *printer) groups(fs []finding.Finding) {
	for i := 0; i < len(fs); {
		sev := fs[i].Severity
		j := i
		for j < len(fs) && fs[j].Severity == sev {
			j++
		}
		p.line()
		p.line(p.paint(ansiBold+severityStyle(sev), fmt.Sprintf("%s (%d)", strings.ToUpper(sev.String()), j-i)))
		for k := i; k < j; k++ {
			p.line()
			p.finding(&fs[k])
		}
		i = j
	}
}

// indent is the left margin of a finding's details.
const indent = "  "

func (p *printer) finding(f *finding.Finding) {
	badge := p.paint(severityStyle(f.Severity), "["+strings.ToUpper(f.Severity.String())+"]")
	head := []string{badge, " ", p.paint(ansiBold, clean(f.RuleID))}
	if f.Title != "" {
		head = append(head, "  ", clean(f.Title))
	}
	p.line(head...)
	p.line(indent, p.paint(ansiCyan, clean(f.Location.String())))
	if f.Suppression != nil {
		s := "suppressed (" + clean(f.Suppression.Kind)
		if f.Suppression.Reason != "" {
			s += ": " + clean(f.Suppression.Reason)
		}
		if f.Suppression.Source != "" {
			s += ", at " + clean(f.Suppression.Source)
		}
		p.line(indent, p.paint(ansiMagenta, s+")"))
	}
	if f.Message != "" {
		p.line(indent, clean(f.Message))
	}
	facts := []string{}
	if f.CWE != "" {
		facts = append(facts, clean(f.CWE))
	}
	for _, id := range view.OWASPIDs(f) {
		facts = append(facts, "OWASP "+id)
	}
	facts = append(facts, "confidence "+f.Confidence.String())
	p.line(indent, p.paint(ansiDim, strings.Join(facts, " · ")))
	if len(f.Properties) > 0 {
		p.line(indent, p.paint(ansiDim, properties(f.Properties)))
	}
	p.snippet(f)
	if len(f.Trace) > 0 {
		p.line(indent, "Trace:")
		for i, s := range f.Trace {
			step := fmt.Sprintf("%s%s%d. %s  %s", indent, indent, i+1, p.paint(ansiCyan, clean(s.Location.String())), clean(s.Note))
			if s.Kind != "" {
				step += p.paint(ansiDim, " ("+clean(s.Kind)+")")
			}
			p.line(step)
		}
	}
	p.remediation(f.Remediation)
}

// fixLabel introduces the remediation; later paragraphs line up with the
// text after it and code examples are indented further, as a block.
const (
	fixLabel  = "Fix: "
	fixMargin = indent + "     " // len(fixLabel) spaces after the finding's margin
	fixCode   = fixMargin + "  "
)

// remediation prints the rule's fix: paragraphs reflowed onto one line
// each, code examples line by line as an indented block.
func (p *printer) remediation(rem string) {
	blocks := view.Remediation(rem)
	if len(blocks) == 0 {
		return
	}
	label := p.paint(ansiBold, fixLabel)
	if blocks[0].Code {
		p.line(indent, p.paint(ansiBold, strings.TrimSpace(fixLabel)))
	}
	for i, b := range blocks {
		if b.Code {
			for _, l := range b.Lines {
				if l == "" {
					p.line()
					continue
				}
				p.line(fixCode, clean(expandTabs(l)))
			}
			continue
		}
		words := strings.Join(strings.Fields(strings.Join(b.Lines, " ")), " ")
		if i == 0 {
			p.line(indent, label, clean(words))
		} else {
			p.line(fixMargin, clean(words))
		}
	}
}

func properties(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = clean(k) + "=" + clean(m[k])
	}
	return strings.Join(parts, " ")
}

// snippet prints the code with line numbers, marking flagged lines with >.
func (p *printer) snippet(f *finding.Finding) {
	s := f.Snippet
	if s == nil || len(s.Lines) == 0 {
		return
	}
	width := len(strconv.Itoa(s.StartLine + len(s.Lines) - 1))
	for i, l := range s.Lines {
		n := s.StartLine + i
		mark, style := " ", ansiDim
		if view.Flagged(f.Location, n) {
			mark, style = ">", severityStyle(f.Severity)
		}
		gutter := fmt.Sprintf("%s%s %*d |", indent, mark, width, n)
		if l == "" {
			p.line(p.paint(style, gutter))
			continue
		}
		p.line(p.paint(style, gutter), " ", clean(expandTabs(l)))
	}
}

// tabWidth is how many spaces a tab in a snippet becomes, so the gutter
// stays aligned whatever the terminal's tab stops.
const tabWidth = 4

func expandTabs(s string) string {
	return strings.ReplaceAll(s, "\t", strings.Repeat(" ", tabWidth))
}

// clean makes text from scanned files safe to print on a terminal: control
// characters (escape sequences, carriage returns, bidi overrides) are
// shown as \x.. or \u.... escapes instead of being interpreted.
func clean(s string) string {
	safe := true
	for _, r := range s {
		if unsafeRune(r) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isInvalidAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

func unsafeRune(r rune) bool {
	if r == '\t' || (r >= 0x20 && r < 0x7f) {
		return false // printable ASCII, the common case
	}
	// Cc covers C0, DEL and C1; bidi controls can reorder what is shown
	// (CVE-2021-42574), so they are made visible too.
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Bidi_Control, r) || r == utf8.RuneError
}

func (p *printer) summary(r *result.Result) {
	counts := r.Counts()
	parts := make([]string, 0, len(finding.Severities))
	for _, s := range finding.Severities {
		parts = append(parts, p.paint(severityStyle(s), fmt.Sprintf("%d %s", counts[s], s)))
	}
	p.line()
	total := len(r.Findings)
	p.line(p.paint(ansiBold, view.Plural(total, "finding")), ": ", strings.Join(parts, ", "),
		" · ", view.Count(len(r.Suppressed)), " suppressed",
		" · ", view.Plural(len(r.Warnings), "warning"))
	for _, w := range r.Warnings {
		where := clean(w.Path)
		if where == "" {
			where = "(scan)"
		}
		if w.Analyzer != "" {
			where += " [" + clean(w.Analyzer) + "]"
		}
		p.line(indent, p.paint(ansiYellow, "warning: "), where, ": ", clean(w.Message))
	}
}
