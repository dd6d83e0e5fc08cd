package sarif

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	gs "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

// collectRules returns the result's rules plus a rule made from the first
// finding of every rule id that findings use but Rules lacks (custom
// rules, analyzers that do not list theirs), sorted by id.
func collectRules(rules []finding.Rule, fs []finding.Finding) []finding.Rule {
	out := make([]finding.Rule, 0, len(rules))
	seen := make(map[string]int, len(rules))
	for _, r := range rules {
		if _, dup := seen[r.ID]; dup {
			continue
		}
		seen[r.ID] = len(out)
		out = append(out, r)
	}
	derived := map[string]bool{}
	for i := range fs {
		f := &fs[i]
		j, ok := seen[f.RuleID]
		if !ok {
			seen[f.RuleID] = len(out)
			derived[f.RuleID] = true
			out = append(out, finding.Rule{
				ID:               f.RuleID,
				Title:            f.Title,
				Severity:         f.Severity,
				Confidence:       f.Confidence,
				SecuritySeverity: f.SecuritySeverity,
				CWE:              f.CWE,
				RelatedCWEs:      f.RelatedCWEs,
				Remediation:      f.Remediation,
				References:       f.References,
				Tags:             f.Tags,
				Analyzer:         f.Analyzer,
			})
			continue
		}
		// A derived rule is as severe as its most severe finding.
		if derived[f.RuleID] && f.Severity > out[j].Severity {
			out[j].Severity = f.Severity
			out[j].SecuritySeverity = max(out[j].SecuritySeverity, f.SecuritySeverity)
		}
	}
	slices.SortFunc(out, func(a, b finding.Rule) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// descriptor maps a rule to a SARIF reportingDescriptor.
func descriptor(r *finding.Rule) *gs.ReportingDescriptor {
	d := gs.NewRule(r.ID).WithName(ruleName(r.ID))
	title := r.Title
	if title == "" {
		title = r.ID
	}
	d.WithShortDescription(gs.NewMultiformatMessageString().WithText(title))
	full := r.Description
	if full == "" {
		full = title
	}
	d.WithFullDescription(gs.NewMultiformatMessageString().WithText(full))
	d.WithHelp(gs.NewMultiformatMessageString().WithText(helpText(r)).WithMarkdown(helpMarkdown(r)))
	if len(r.References) > 0 {
		d.WithHelpURI(r.References[0])
	} else if u := cweURL(r.CWE); u != "" {
		d.WithHelpURI(u)
	}
	d.WithDefaultConfiguration(gs.NewReportingConfiguration().WithLevel(level(r.Severity)))
	props := gs.NewPropertyBag()
	props.WithTags(ruleTags(r))
	props.Add("precision", precision(r.Confidence))
	props.Add("security-severity", score(r.Score()))
	if r.CWE != "" {
		props.Add("cwe", r.CWE)
	}
	if r.Analyzer != "" {
		props.Add("analyzer", r.Analyzer)
	}
	d.WithProperties(props)
	return d
}

// ruleName turns "go.sql.injection" into "GoSqlInjection": SARIF wants a
// name readable as one identifier.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, c := range id {
		switch {
		case c == '.' || c == '-' || c == '_' || c == '/':
			up = true
		case up:
			b.WriteString(strings.ToUpper(string(c)))
			up = false
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// ruleTags returns "security", the CWE tags GitHub recognises
// ("external/cwe/cwe-89"), the OWASP Top 10 ids, the analyzer and the
// rule's own tags, without duplicates, at most MaxTags.
func ruleTags(r *finding.Rule) []string {
	tags := []string{"security"}
	for _, c := range append([]string{r.CWE}, r.RelatedCWEs...) {
		if n, ok := taxonomy.ParseCWE(c); ok {
			tags = append(tags, "external/cwe/cwe-"+strconv.Itoa(n))
		}
	}
	for _, year := range []int{2021, 2025} {
		if c, ok := taxonomy.OWASP(r.CWE, year); ok {
			tags = append(tags, fmt.Sprintf("owasp/%s:%d", c.ID, c.Year))
		}
	}
	if r.Analyzer != "" {
		tags = append(tags, r.Analyzer)
	}
	tags = append(tags, r.Tags...)
	out := tags[:0]
	seen := map[string]bool{}
	for _, t := range tags {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	if len(out) > MaxTags {
		out = out[:MaxTags]
	}
	return out
}

func cweURL(cwe string) string {
	n, ok := taxonomy.ParseCWE(cwe)
	if !ok {
		return ""
	}
	return "https://cwe.mitre.org/data/definitions/" + strconv.Itoa(n) + ".html"
}

func cweLabel(cwe string) string {
	if name := taxonomy.CWEName(cwe); name != "" {
		return cwe + ": " + name
	}
	return cwe
}

// helpText is the plain-text help: what the rule detects, how to fix it,
// and where to read more.
func helpText(r *finding.Rule) string {
	var b strings.Builder
	b.WriteString(firstNonEmpty(r.Description, r.Title, r.ID))
	if r.Remediation != "" {
		b.WriteString("\n\nRemediation:\n")
		b.WriteString(strings.TrimSpace(r.Remediation))
	}
	refs := references(r)
	if len(refs) > 0 {
		b.WriteString("\n\nReferences:")
		for _, ref := range refs {
			b.WriteString("\n- ")
			if ref.label != ref.url {
				b.WriteString(ref.label + " ")
			}
			b.WriteString(ref.url)
		}
	}
	return b.String()
}

// helpMarkdown is the same help for viewers that render Markdown. Rule
// metadata is written by rule authors, so remediation Markdown is kept;
// code examples written as indented lines (YAML rule files) are fenced so
// that viewers show them as code rather than run them into the sentence.
func helpMarkdown(r *finding.Rule) string {
	var b strings.Builder
	b.WriteString(firstNonEmpty(r.Description, r.Title, r.ID))
	if r.Remediation != "" {
		b.WriteString("\n\n## Remediation\n\n")
		b.WriteString(view.RemediationMarkdown(r.Remediation))
	}
	refs := references(r)
	if len(refs) > 0 {
		b.WriteString("\n\n## References\n")
		for _, ref := range refs {
			fmt.Fprintf(&b, "\n- [%s](%s)", ref.label, ref.url)
		}
	}
	return b.String()
}

type reference struct{ label, url string }

func references(r *finding.Rule) []reference {
	var refs []reference
	if u := cweURL(r.CWE); u != "" {
		refs = append(refs, reference{cweLabel(r.CWE), u})
	}
	for _, u := range r.References {
		refs = append(refs, reference{u, u})
	}
	return refs
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
