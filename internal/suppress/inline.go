package suppress

import (
	"bytes"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
)

// Marker is the word that starts an inline suppression.
const Marker = "codeaudit:ignore"

// InvalidRule is reported for a suppression comment that names no rule or
// gives no reason: an unexplained suppression hides risk from reviewers.
var InvalidRule = finding.Rule{
	ID:          "codeaudit.invalid-suppression",
	Title:       "Suppression comment without rule id or reason",
	Description: "A codeaudit:ignore comment must name the rule it silences and say why, so that reviewers can judge the accepted risk. Such a comment silences nothing.",
	Severity:    finding.Low,
	Confidence:  finding.ConfidenceHigh,
	CWE:         "CWE-710",
	Remediation: "Write the suppression as `codeaudit:ignore RULE-ID -- reason`, e.g.\n\n    // codeaudit:ignore go.sql.injection -- the id is an integer parsed above\n\nor fix the finding instead.",
	References:  []string{"https://cwe.mitre.org/data/definitions/710.html"},
	Tags:        []string{"suppression"},
	Analyzer:    "engine",
}

// commentOpeners are the tokens that start a comment in the languages we
// scan; a marker counts only when one of them precedes it on its line, so
// the marker inside a string literal does not suppress anything.
var commentOpeners = []string{"//", "#", "/*", "<!--", "--", ";", "'", "{{/*", "%", "REM ", "*"}

// An inline suppression after the marker: rule ids (comma or space
// separated) then `--` and the reason.
var inlineBody = regexp.MustCompile(`^\s*([^\s-][^-]*?)?\s*(?:--\s*(.*?))?\s*(?:\*/|-->|\}\})?\s*$`)

// Directive is one parsed inline suppression.
type Directive struct {
	// Line is where the comment is; it covers Line and, when the comment
	// stands alone on its line, the next line.
	Line     int
	Trailing bool // the comment follows code on the same line
	Rules    []string
	Reason   string
	// Problem is set when the directive is invalid (no rule, no reason).
	Problem string
	// Column of the marker, 1-based.
	Column int
}

// Inline holds the directives of one file.
type Inline struct {
	Path       string
	Directives []Directive
	byLine     map[int][]int // covered line -> directive indexes
}

// ParseInline finds the suppression comments of a file. It returns nil
// when the file has none (the common case, decided with one byte search).
func ParseInline(path string, content []byte) *Inline {
	if !bytes.Contains(content, []byte(Marker)) {
		return nil
	}
	in := &Inline{Path: path, byLine: map[int][]int{}}
	for i, line := range finding.SplitLines(content) {
		idx := strings.Index(line, Marker)
		if idx < 0 {
			continue
		}
		before := line[:idx]
		opener := -1
		for _, o := range commentOpeners {
			if j := strings.Index(before, o); j >= 0 && (opener < 0 || j < opener) {
				opener = j
			}
		}
		if opener < 0 {
			continue // not in a comment
		}
		d := Directive{Line: i + 1, Column: idx + 1, Trailing: strings.TrimSpace(before[:opener]) != ""}
		rest := line[idx+len(Marker):]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue // e.g. "codeaudit:ignored" or "codeaudit:ignore-next": not ours
		}
		m := inlineBody.FindStringSubmatch(rest)
		if m != nil {
			for _, r := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
				d.Rules = append(d.Rules, r)
			}
			d.Reason = strings.TrimSpace(m[2])
		}
		switch {
		case len(d.Rules) == 0:
			d.Problem = "names no rule id"
		case d.Reason == "":
			d.Problem = "gives no reason after `--`"
		}
		n := len(in.Directives)
		in.Directives = append(in.Directives, d)
		in.byLine[d.Line] = append(in.byLine[d.Line], n)
		if !d.Trailing {
			in.byLine[d.Line+1] = append(in.byLine[d.Line+1], n)
		}
	}
	if len(in.Directives) == 0 {
		return nil
	}
	return in
}

// Match returns the suppression covering a finding, or nil. Rule ids in a
// directive may use `*` wildcards (`secrets.*`). Invalid directives never
// suppress.
func (in *Inline) Match(f *finding.Finding) *finding.Suppression {
	if in == nil {
		return nil
	}
	for _, i := range in.byLine[f.Location.StartLine] {
		d := in.Directives[i]
		if d.Problem != "" {
			continue
		}
		for _, r := range d.Rules {
			if ok, _ := path.Match(r, f.RuleID); ok || r == f.RuleID {
				return &finding.Suppression{Kind: "inline", Reason: d.Reason, Source: in.Path + ":" + strconv.Itoa(d.Line)}
			}
		}
	}
	return nil
}

// Problems returns a finding for every invalid directive.
func (in *Inline) Problems() []finding.Finding {
	if in == nil {
		return nil
	}
	var out []finding.Finding
	for _, d := range in.Directives {
		if d.Problem == "" {
			continue
		}
		loc := finding.Location{Path: in.Path, StartLine: d.Line, StartColumn: d.Column, EndLine: d.Line, EndColumn: d.Column + len(Marker)}
		out = append(out, finding.New(&InvalidRule, loc, "This suppression comment "+d.Problem+", so it silences nothing. Write `codeaudit:ignore RULE-ID -- reason`."))
	}
	return out
}
