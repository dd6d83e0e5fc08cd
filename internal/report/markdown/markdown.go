package markdown

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/source"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

// MaxSize is GitHub's limit on a comment body (65,536 characters). The
// writer counts bytes, which are never fewer than characters, so the
// output always fits.
const MaxSize = 65536

// TopFindings is how many findings are shown in full; the rest go to a
// compact table.
const TopFindings = 20

// Limits on single fields so one huge message cannot crowd out the rest.
const (
	maxMessage = 1000 // runes of a message in a full finding
	maxCell    = 160  // runes of a message in a table cell
	maxTrace   = 30   // trace steps listed per finding
	// noteReserve keeps room for the truncation note at the end.
	noteReserve = 512
)

// Options are the Markdown format's presentation choices.
type Options struct {
	// ShowSuppressed lists suppressed findings in a table at the end.
	ShowSuppressed bool
}

// Writer writes the Markdown format.
type Writer struct {
	opts Options
}

// New returns a Markdown writer.
func New(opts Options) *Writer { return &Writer{opts: opts} }

// doc accumulates blocks while they fit the size budget. Once one block
// does not fit, later ones are refused too, so the output never has a
// section heading without its content after a gap.
type doc struct {
	b      strings.Builder
	budget int
	full   bool
}

// add appends block if it fits and reports whether it did.
func (d *doc) add(block string) bool {
	if d.full || d.b.Len()+len(block) > d.budget {
		d.full = true
		return false
	}
	d.b.WriteString(block)
	return true
}

// Write writes r.
func (m *Writer) Write(w io.Writer, r *result.Result) error {
	if r == nil {
		return errors.New("markdown: nil result")
	}
	d := &doc{budget: MaxSize - noteReserve}
	d.add(header(r))
	open := view.Sorted(r.Findings)
	var omitted []string
	if len(open) == 0 {
		d.add("No findings.\n")
	} else if n := m.findings(d, open, descriptions(r.Rules)); n > 0 {
		omitted = append(omitted, view.Plural(n, "finding"))
	}
	if len(r.Warnings) > 0 {
		if n := warnings(d, r.Warnings); n > 0 {
			omitted = append(omitted, view.Plural(n, "warning"))
		}
	}
	if m.opts.ShowSuppressed && len(r.Suppressed) > 0 {
		if n := suppressedTable(d, view.Sorted(r.Suppressed)); n > 0 {
			omitted = append(omitted, view.Plural(n, "suppressed finding"))
		}
	}
	if len(omitted) > 0 {
		d.full, d.budget = false, MaxSize
		d.add(fmt.Sprintf("\n> [!NOTE]\n> Not shown: %s, to keep this comment under GitHub's %s-character limit. "+
			"The JSON and SARIF reports have everything.\n", strings.Join(omitted, ", "), view.Count(MaxSize)))
	}
	if _, err := io.WriteString(w, d.b.String()); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return nil
}

var severityIcon = map[finding.Severity]string{
	finding.Critical: "🟥",
	finding.High:     "🟧",
	finding.Medium:   "🟨",
	finding.Low:      "🟦",
	finding.Info:     "⬜",
}

func severityLabel(s finding.Severity) string {
	name := s.String()
	return strings.TrimSpace(severityIcon[s] + " " + strings.ToUpper(name[:1]) + name[1:])
}

func header(r *result.Result) string {
	var b strings.Builder
	name := r.Tool.Name
	if name == "" {
		name = "codeaudit"
	}
	fmt.Fprintf(&b, "## %s: %s\n\n", esc(name), view.Plural(len(r.Findings), "finding"))
	fmt.Fprintf(&b, "Target %s · %s · %s lines of code · %s · %s %s\n\n",
		code(r.Target), view.Plural(r.Stats.FilesScanned, "file"), view.Count(r.Stats.LinesOfCode),
		view.Duration(r.Stats.DurationMS), esc(name), esc(r.Tool.Version))
	counts := r.Counts()
	b.WriteString("| Severity | Findings |\n|:--|--:|\n")
	for _, s := range finding.Severities {
		fmt.Fprintf(&b, "| %s | %d |\n", severityLabel(s), counts[s])
	}
	fmt.Fprintf(&b, "| **Total** | **%d** |\n\n", len(r.Findings))
	fmt.Fprintf(&b, "%s suppressed · %s\n\n", view.Count(len(r.Suppressed)), view.Plural(len(r.Warnings), "warning"))
	return b.String()
}

// findings writes the top findings in full and the rest as a table, and
// returns how many did not fit.
func (m *Writer) findings(d *doc, fs []finding.Finding, why map[string]string) int {
	top := min(len(fs), TopFindings)
	shown := 0
	if d.add("### Findings\n\n") {
		for i := 0; i < top; i++ {
			w := why[fs[i].RuleID]
			if w == "" {
				// MITRE's description of the weakness, in general terms.
				w = cut(taxonomy.CWEDescription(fs[i].CWE), maxMessage)
			}
			if !d.add(full(i+1, &fs[i], w)) {
				break
			}
			shown++
		}
	}
	rest := fs[shown:]
	if len(rest) == 0 {
		return 0
	}
	title := "### Other findings\n\n"
	if shown == 0 {
		title = ""
	}
	if !d.add(title + "| # | Severity | Rule | Location | Message |\n|--:|:--|:--|:--|:--|\n") {
		return len(rest)
	}
	for i := range rest {
		f := &rest[i]
		row := fmt.Sprintf("| %d | %s | %s | %s | %s |\n", shown+i+1, severityLabel(f.Severity),
			cellCode(f.RuleID), cellCode(f.Location.String()), esc(cut(f.Message, maxCell)))
		if !d.add(row) {
			return len(rest) - i
		}
	}
	d.add("\n")
	return 0
}

// descriptions maps rule ids to their descriptions, the "why it matters"
// of each finding.
func descriptions(rules []finding.Rule) map[string]string {
	m := make(map[string]string, len(rules))
	for _, r := range rules {
		if d := strings.TrimSpace(r.Description); d != "" {
			m[r.ID] = d
		}
	}
	return m
}

// full renders one finding with everything a reviewer needs; why is the
// rule's description ("" when the rule has none).
func full(n int, f *finding.Finding, why string) string {
	var b strings.Builder
	title := f.Title
	if title == "" {
		title = f.RuleID
	}
	fmt.Fprintf(&b, "#### %d. %s: %s\n\n", n, severityLabel(f.Severity), esc(title))
	fmt.Fprintf(&b, "- **Rule:** %s\n", code(f.RuleID))
	fmt.Fprintf(&b, "- **Location:** %s\n", code(f.Location.String()))
	if f.CWE != "" {
		fmt.Fprintf(&b, "- **CWE:** %s\n", cwe(f.CWE))
	}
	var owasp []string
	for _, c := range []*finding.OWASPRef{f.OWASP2021, f.OWASP2025} {
		if c != nil && c.ID != "" {
			owasp = append(owasp, c.String()) // taxonomy data, not user text
		}
	}
	if len(owasp) > 0 {
		fmt.Fprintf(&b, "- **OWASP:** %s\n", strings.Join(owasp, ", "))
	}
	fmt.Fprintf(&b, "- **Confidence:** %s\n", f.Confidence)
	if len(f.Properties) > 0 {
		keys := make([]string, 0, len(f.Properties))
		for k := range f.Properties {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = esc(k) + " " + code(f.Properties[k])
		}
		fmt.Fprintf(&b, "- **Details:** %s\n", strings.Join(parts, ", "))
	}
	b.WriteString("\n")
	if f.Message != "" {
		b.WriteString(esc(cut(f.Message, maxMessage)) + "\n\n")
	}
	b.WriteString(snippet(f))
	if len(f.Trace) > 0 {
		b.WriteString("**Trace**\n\n")
		for i, st := range f.Trace {
			if i == maxTrace {
				fmt.Fprintf(&b, "%d. … %d more steps\n", i+1, len(f.Trace)-i)
				break
			}
			fmt.Fprintf(&b, "%d. %s %s", i+1, code(st.Location.String()), esc(cut(st.Note, maxCell)))
			if st.Kind != "" {
				fmt.Fprintf(&b, " _(%s)_", esc(st.Kind))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if why != "" {
		b.WriteString("**Why it matters**\n\n" + esc(why) + "\n\n")
	}
	if rem := view.RemediationMarkdown(f.Remediation); rem != "" {
		// Remediation is rule metadata written in Markdown (with code
		// examples), not text from the scanned code, so it is kept; code
		// indented under a sentence is fenced so it renders as code.
		b.WriteString("**Remediation**\n\n" + rem + "\n\n")
	}
	return b.String()
}

// cwe links a CWE id to its definition and adds its name from the
// embedded catalogue.
func cwe(id string) string {
	n, ok := taxonomy.ParseCWE(id)
	if !ok {
		return esc(id)
	}
	label := fmt.Sprintf("[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)", n, n)
	if name := taxonomy.CWEName(id); name != "" {
		label += " " + name
	}
	return label
}

// snippet renders the code in a fence with a language tag, line numbers
// and > on the flagged lines.
func snippet(f *finding.Finding) string {
	s := f.Snippet
	if s == nil || len(s.Lines) == 0 {
		return ""
	}
	width := len(strconv.Itoa(s.StartLine + len(s.Lines) - 1))
	lines := make([]string, len(s.Lines))
	for i, l := range s.Lines {
		n := s.StartLine + i
		mark := " "
		if view.Flagged(f.Location, n) {
			mark = ">"
		}
		lines[i] = strings.TrimRight(fmt.Sprintf("%s %*d | %s", mark, width, n, l), " ")
	}
	fc := fence(lines)
	lang := string(source.DetectLanguage(f.Location.Path, nil))
	return fc + lang + "\n" + strings.Join(lines, "\n") + "\n" + fc + "\n\n"
}

// warnings writes the scan warnings as a table and returns how many did
// not fit.
func warnings(d *doc, ws []result.Warning) int {
	if !d.add("### Warnings\n\n| Path | Analyzer | Message |\n|:--|:--|:--|\n") {
		return len(ws)
	}
	for i, w := range ws {
		path := ""
		if w.Path != "" {
			path = cellCode(w.Path)
		}
		if !d.add(fmt.Sprintf("| %s | %s | %s |\n", path, esc(w.Analyzer), esc(cut(w.Message, maxCell)))) {
			return len(ws) - i
		}
	}
	d.add("\n")
	return 0
}

// suppressedTable lists suppressed findings and returns how many did not
// fit.
func suppressedTable(d *doc, fs []finding.Finding) int {
	if !d.add("### Suppressed findings\n\n| Severity | Rule | Location | Suppression | Reason |\n|:--|:--|:--|:--|:--|\n") {
		return len(fs)
	}
	for i := range fs {
		f := &fs[i]
		kind, reason := "", ""
		if f.Suppression != nil {
			kind, reason = f.Suppression.Kind, f.Suppression.Reason
		}
		row := fmt.Sprintf("| %s | %s | %s | %s | %s |\n", severityLabel(f.Severity), cellCode(f.RuleID),
			cellCode(f.Location.String()), esc(kind), esc(cut(reason, maxCell)))
		if !d.add(row) {
			return len(fs) - i
		}
	}
	d.add("\n")
	return 0
}
