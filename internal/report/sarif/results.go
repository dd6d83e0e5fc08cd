package sarif

import (
	"net/url"
	"strings"
	"unicode/utf8"

	gs "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/result"
)

// sarifResult maps one finding to a SARIF result.
func sarifResult(f *finding.Finding, ruleIndex int) *gs.Result {
	res := gs.NewRuleResult(f.RuleID).WithRuleIndex(ruleIndex).WithLevel(level(f.Severity))
	msg := f.Message
	if msg == "" {
		msg = f.Title
	}
	if msg == "" {
		msg = f.RuleID
	}
	res.WithMessage(gs.NewTextMessage(msg))
	res.AddLocation(location(f.Location, f.Snippet, true))
	if f.Fingerprint != "" {
		res.WithPartialFingerprints(map[string]string{FingerprintKey: f.Fingerprint})
	}
	if len(f.Trace) > 0 {
		res.AddCodeFlow(codeFlow(f))
	}
	if s := f.Suppression; s != nil {
		sup := gs.NewSuppression().WithKind(suppressionKind(s.Kind)).WithStatus("accepted")
		if just := justification(s); just != "" {
			sup.WithJustification(just)
		}
		res.AddSuppression(sup)
	} else {
		res.Suppressions = nil // omitted rather than [] for open results
	}
	props := gs.NewPropertyBag()
	for k, v := range f.Properties {
		props.Add(k, v)
	}
	props.Add("confidence", f.Confidence.String())
	props.Add("security-severity", score(f.SecuritySeverity))
	res.WithProperties(props)
	return res
}

// suppressionKind maps ours to SARIF's: inline comments live in the
// source, config and baseline suppressions outside it.
func suppressionKind(kind string) string {
	if kind == "inline" {
		return "inSource"
	}
	return "external"
}

func justification(s *finding.Suppression) string {
	j := s.Reason
	if s.Source != "" {
		if j != "" {
			j += " "
		}
		j += "(" + s.Kind + " suppression at " + s.Source + ")"
	} else if j == "" {
		j = s.Kind + " suppression"
	}
	return j
}

// location maps a finding location to a SARIF location. With the snippet
// it also fills region.snippet (the flagged lines), a context region
// (the whole snippet), and converts byte columns to code points.
func location(l finding.Location, snip *finding.Snippet, withContext bool) *gs.Location {
	art := gs.NewArtifactLocation().WithURI(uri(l.Path)).WithURIBaseID(SrcRoot)
	phys := gs.NewPhysicalLocation().WithArtifactLocation(art)
	if l.StartLine >= 1 {
		end := max(l.EndLine, l.StartLine)
		reg := gs.NewRegion().WithStartLine(l.StartLine).WithEndLine(end)
		if l.StartColumn > 0 {
			reg.WithStartColumn(codePointColumn(snip, l.StartLine, l.StartColumn))
		}
		if l.EndColumn > 0 {
			reg.WithEndColumn(codePointColumn(snip, end, l.EndColumn))
		}
		if text, ok := snippetText(snip, l.StartLine, end); ok {
			reg.WithSnippet(gs.NewArtifactContent().WithText(text))
		}
		phys.WithRegion(reg)
		if withContext && snip != nil && len(snip.Lines) > 0 {
			last := snip.StartLine + len(snip.Lines) - 1
			ctx := gs.NewRegion().WithStartLine(snip.StartLine).WithEndLine(last)
			if text, ok := snippetText(snip, snip.StartLine, last); ok {
				ctx.WithSnippet(gs.NewArtifactContent().WithText(text))
			}
			phys.WithContextRegion(ctx)
		}
	}
	return gs.NewLocationWithPhysicalLocation(phys)
}

// uri writes a relative path as a URI reference: spaces, unicode and
// reserved characters are percent-encoded, and a colon in the first
// segment cannot be mistaken for a scheme.
func uri(path string) string {
	return (&url.URL{Path: strings.TrimPrefix(path, "/")}).String()
}

// snippetText returns lines from..to of the snippet joined by newlines.
func snippetText(s *finding.Snippet, from, to int) (string, bool) {
	if s == nil || from < s.StartLine || to >= s.StartLine+len(s.Lines) {
		return "", false
	}
	return strings.Join(s.Lines[from-s.StartLine:to-s.StartLine+1], "\n"), true
}

// codePointColumn converts a 1-based byte column on line to a 1-based
// Unicode code point column (the run's columnKind), using the snippet. A
// column beyond what the snippet holds (cut long lines) stays as it is.
func codePointColumn(s *finding.Snippet, line, byteCol int) int {
	text, ok := snippetText(s, line, line)
	if !ok || byteCol-1 > len(text) {
		return byteCol
	}
	prefix := text[:byteCol-1]
	if strings.HasSuffix(text, " …") && byteCol-1 > len(text)-len(" …") {
		return byteCol // the line was cut where the column points
	}
	return utf8.RuneCountInString(prefix) + 1
}

// codeFlow turns a trace into one code flow with one thread flow.
func codeFlow(f *finding.Finding) *gs.CodeFlow {
	tf := gs.NewThreadFlow()
	steps := f.Trace
	if len(steps) > MaxThreadFlowLocations {
		steps = steps[:MaxThreadFlowLocations]
	}
	for i, st := range steps {
		var snip *finding.Snippet
		if st.Location.Path == f.Location.Path {
			snip = f.Snippet
		}
		loc := location(st.Location, snip, false)
		if st.Note != "" {
			loc.WithMessage(gs.NewTextMessage(st.Note))
		}
		tfl := gs.NewThreadFlowLocation().WithLocation(loc).WithExecutionOrder(i + 1)
		if st.Kind == "source" || st.Kind == "sink" {
			tfl.WithImportance("essential")
		}
		if st.Kind != "" {
			tfl.WithKinds([]string{"taint", st.Kind})
		}
		tf.AddLocation(tfl)
	}
	cf := gs.NewCodeFlow().WithThreadFlows([]*gs.ThreadFlow{tf})
	cf.WithMessage(gs.NewTextMessage(f.Message))
	return cf
}

// notification maps a scan warning to a tool execution notification.
func notification(w result.Warning) *gs.Notification {
	msg := w.Message
	if w.Analyzer != "" {
		msg = w.Analyzer + ": " + msg
	}
	n := gs.NewNotification().WithLevel(gs.LevelWarning).WithMessage(gs.NewTextMessage(msg))
	if w.Path != "" {
		art := gs.NewArtifactLocation().WithURI(uri(w.Path)).WithURIBaseID(SrcRoot)
		n.AddLocation(gs.NewLocationWithPhysicalLocation(gs.NewPhysicalLocation().WithArtifactLocation(art)))
	}
	if w.Analyzer != "" {
		n.WithProperties(gs.NewPropertyBag().Add("analyzer", w.Analyzer))
	}
	return n
}
