package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
)

// textIndex maps byte offsets of a text to 1-based lines and columns.
type textIndex struct {
	text   []byte
	starts []int // byte offset of each line start
}

func newTextIndex(text []byte) *textIndex {
	starts := []int{0}
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &textIndex{text: text, starts: starts}
}

// pos returns the 1-based line and column (in bytes) of offset off.
func (x *textIndex) pos(off int) (line, col int) {
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	return i + 1, off - x.starts[i] + 1
}

// line returns line n (1-based) without its terminator.
func (x *textIndex) line(n int) string {
	if n < 1 || n > len(x.starts) {
		return ""
	}
	s := x.starts[n-1]
	e := len(x.text)
	if n < len(x.starts) {
		e = x.starts[n] - 1
	}
	return strings.TrimSuffix(string(x.text[s:e]), "\r")
}

// lines counts the lines; a final newline does not start another one.
func (x *textIndex) lines() int {
	if n := len(x.starts); n > 1 && x.starts[n-1] == len(x.text) {
		return n - 1
	}
	return len(x.starts)
}

// location returns the span of a match.
func (x *textIndex) location(path string, m *Match) finding.Location {
	sl, sc := x.pos(m.Start)
	el, ec := x.pos(max(m.End-1, m.Start))
	return finding.Location{Path: path, StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec + 1}
}

// maxSnippetLine caps a snippet line; long lines are cut around the secret.
const maxSnippetLine = 240

// snippet returns the lines around a match with every secret found in the
// text replaced by its redacted form, so the engine never has to build a
// snippet from the raw file.
func (x *textIndex) snippet(m *Match, all []Match) *finding.Snippet {
	sl, _ := x.pos(m.Start)
	el, _ := x.pos(max(m.End-1, m.Start))
	from := max(sl-finding.SnippetContext, 1)
	to := min(el+finding.SnippetContext, x.lines())
	if to-from > 2*finding.SnippetContext+8 {
		to = from + 2*finding.SnippetContext + 8
	}
	s := &finding.Snippet{StartLine: from}
	for n := from; n <= to; n++ {
		s.Lines = append(s.Lines, x.redactedLine(n, m, all))
	}
	return s
}

// redactedLine returns line n with each secret span on it replaced.
func (x *textIndex) redactedLine(n int, focus *Match, all []Match) string {
	ls := x.starts[n-1]
	le := len(x.text)
	if n < len(x.starts) {
		le = x.starts[n] - 1
	}
	// On a very long line only the part around the secret is shown.
	if le-ls > 2*maxSnippetLine {
		c := ls
		if focus.Start >= ls && focus.Start < le {
			c = focus.Start
		}
		nls := max(ls, c-maxSnippetLine/3)
		nle := min(le, nls+2*maxSnippetLine)
		ls, le = nls, nle
	}
	var b strings.Builder
	cur := ls
	focusCol := -1
	for i := range all {
		m := &all[i]
		if m.End <= ls || m.Start > le {
			continue
		}
		if m.Start < ls && m.End > le {
			// A line inside a multi-line secret (private key body).
			return "[redacted]"
		}
		s := max(m.Start, ls)
		if s < cur {
			continue
		}
		b.Write(x.text[cur:s])
		if m.Start == focus.Start {
			focusCol = b.Len()
		}
		if m.Start >= ls {
			b.WriteString(redactShowing(m.Secret, m.Show))
		} else {
			b.WriteString("[redacted]")
		}
		cur = min(m.End, le)
		if m.End > le {
			cur = le
		}
	}
	if cur < le {
		b.Write(x.text[cur:le])
	}
	out := strings.TrimSuffix(b.String(), "\r")
	if len(out) > maxSnippetLine {
		c := max(focusCol, 0)
		lo := max(0, c-maxSnippetLine/3)
		hi := min(len(out), lo+maxSnippetLine)
		out = safeCut(out, lo, hi)
		if lo > 0 {
			out = "… " + out
		}
		if hi < len(out) {
			out += " …"
		}
	}
	return out
}

// safeCut slices s[lo:hi] without splitting a UTF-8 sequence.
func safeCut(s string, lo, hi int) string {
	for lo > 0 && lo < len(s) && s[lo]&0xC0 == 0x80 {
		lo--
	}
	for hi < len(s) && hi > lo && s[hi]&0xC0 == 0x80 {
		hi--
	}
	return s[lo:hi]
}

// Fingerprint is the base fingerprint of a secrets finding: derived from
// the rule, the path and the secret's Hash, so it survives edits around the
// secret and never holds the secret. A second occurrence of the same secret
// in one file gets finding.Disambiguate's suffix.
func Fingerprint(ruleID, path, hash string) string { return secretFingerprint(ruleID, path, hash) }

func secretFingerprint(ruleID, path, hash string) string {
	h := sha256.New()
	h.Write([]byte(ruleID))
	h.Write([]byte{0})
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write([]byte(hash))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// newFinding turns a match into a finding with every field redacted.
func newFinding(path string, x *textIndex, m *Match, all []Match) finding.Finding {
	hash := Hash(m.Secret)
	shown := redactShowing(m.Secret, m.Show)
	title := m.Rule.Title
	if p := m.Props["provider"]; p != "" {
		title += " (" + p + ")"
	}
	msg := title + " " + shown + " is hard-coded here"
	if m.Detail != "" {
		msg += "; " + m.Detail
	}
	msg += ". Anyone who can read this file or its git history can use it."
	f := finding.New(m.Rule, x.location(path, m), msg)
	f.Severity = m.Severity
	if m.Severity != m.Rule.Severity {
		f.SecuritySeverity = m.Severity.Score()
	}
	f.Confidence = m.Confidence
	f.Snippet = x.snippet(m, all)
	f.Properties = map[string]string{
		"secret_hash":   hash,
		"secret_prefix": prefixOf(m.Secret, m.Show),
	}
	for k, v := range m.Props {
		f.Properties[k] = v
	}
	f.Fingerprint = secretFingerprint(m.Rule.ID, path, hash)
	return f
}

// findingsFor builds the findings of one text, numbering repeated
// fingerprints in file order.
func findingsFor(path string, text []byte, ms []Match) []finding.Finding {
	if len(ms) == 0 {
		return nil
	}
	x := newTextIndex(text)
	seen := map[string]int{}
	out := make([]finding.Finding, 0, len(ms))
	for i := range ms {
		f := newFinding(path, x, &ms[i], ms)
		seen[f.Fingerprint]++
		f.Fingerprint = finding.Disambiguate(f.Fingerprint, seen[f.Fingerprint])
		out = append(out, f)
	}
	return out
}
