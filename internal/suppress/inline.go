package suppress

import (
	"bytes"
	"path"
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
// scan. A marker counts only when it opens its comment (nothing but white
// space between the opener and the marker), so prose that mentions the
// marker and the marker inside a string literal suppress nothing.
var commentOpeners = []string{"//", "#", "/*", "/**", "<!--", "--", ";", "'", "{{/*", "{{-/*", "%", "*", "REM"}

// commentClosers may end the line after the reason.
var commentClosers = []string{"*/", "-->", "}}", "-}}"}

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
		before := strings.TrimRight(line[:idx], " \t")
		opener := ""
		for _, o := range commentOpeners {
			if strings.HasSuffix(before, o) && len(o) > len(opener) {
				opener = o
			}
		}
		if opener == "" {
			continue // not at the start of a comment
		}
		rest := line[idx+len(Marker):]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue // e.g. "codeaudit:ignored": not ours
		}
		d := Directive{
			Line:     i + 1,
			Column:   idx + 1,
			Trailing: strings.TrimSpace(strings.TrimSuffix(before, opener)) != "",
		}
		d.Rules, d.Reason = parseBody(rest)
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

// parseBody splits what follows the marker into rule ids (separated by
// commas or spaces) and the reason after " -- ". Rule ids may themselves
// contain dashes, so only a free-standing "--" starts the reason.
func parseBody(rest string) (rules []string, reason string) {
	rest = strings.TrimSpace(rest)
	for _, c := range commentClosers {
		rest = strings.TrimSpace(strings.TrimSuffix(rest, c))
	}
	ids := rest
	if strings.HasPrefix(rest, "--") {
		ids, reason = "", rest[2:]
	} else if i := strings.Index(rest, " --"); i >= 0 {
		ids, reason = rest[:i], rest[i+3:]
	}
	rules = strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	return rules, strings.TrimSpace(reason)
}
