package policy

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/rule"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

// Limits of policy files.
const (
	// MaxPolicyFileSize bounds one policy file.
	MaxPolicyFileSize = 1 << 20
	// MaxPoliciesPerFile bounds the policies of one file.
	MaxPoliciesPerFile = 500
	// maxPatternsPerClause bounds the patterns of one must-call, before
	// or contains clause, and the handler matchers of one policy.
	maxPatternsPerClause = 50
	// maxRegexLen bounds a name-regex or route-regex.
	maxRegexLen = 1000
)

// orderCWE is the weakness of a check made after the action it guards.
const orderCWE = "CWE-696"

// orderSuffix is appended to a policy id for its wrong-order rule.
const orderSuffix = ".order"

var policyID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$`)

// Policy is one loaded policy.
type Policy struct {
	// Missing is the rule reported where the required call is absent;
	// Order the rule reported where it comes only after Z (nil when the
	// policy has no before clause).
	Missing, Order *finding.Rule
	// Message is the policy's own explanation, appended to findings.
	Message string
	// MustCall, Before are the pattern sources as written.
	MustCall, Before []string
	// Handlers select the functions the policy applies to; empty means
	// every function.
	Handlers []Handler

	// langs maps a grammar to the compiled patterns of this policy.
	langs map[lang.ID]*compiled
	file  string
	line  int
	// lines of the must-call and before clauses, and of each handler
	// matcher, for pattern errors.
	mustLine, beforeLine int
	handlerLines         []int
}

// Handler selects functions: every non-empty condition must hold.
type Handler struct {
	NameRegex  *regexp.Regexp
	RouteRegex *regexp.Regexp
	// Contains are patterns of which one must match inside the body.
	Contains []string
}

// compiled holds one policy's patterns for one grammar, as indexes into
// the language's shared pattern list.
type compiled struct {
	mustCall, before []int
	contains         [][]int // per Handler
}

var policyKeys = []string{"id", "title", "description", "languages", "cwe", "severity", "confidence",
	"message", "remediation", "references", "tags", "handlers", "must-call", "before"}

var handlerKeys = []string{"name-regex", "route-regex", "contains"}

// parseFile reads one policy file's policies (patterns not yet compiled).
func parseFile(name string, data []byte) ([]*Policy, error) {
	if len(data) > MaxPolicyFileSize {
		return nil, &rule.LoadError{File: name, Reason: fmt.Sprintf("policy file larger than %d bytes", MaxPolicyFileSize)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &rule.LoadError{File: name, Reason: "invalid YAML: " + err.Error()}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &rule.LoadError{File: name, Reason: `a policy file is a mapping with a "policies" list`}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &rule.LoadError{File: name, Line: root.Line, Reason: `a policy file is a mapping with a "policies" list`}
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "policies" {
			list = root.Content[i+1]
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, &rule.LoadError{File: name, Line: root.Line, Reason: `missing "policies" list`}
	}
	if len(list.Content) > MaxPoliciesPerFile {
		return nil, &rule.LoadError{File: name, Line: list.Line, Reason: fmt.Sprintf("more than %d policies in one file", MaxPoliciesPerFile)}
	}
	var out []*Policy
	for _, n := range list.Content {
		p, err := parsePolicy(name, n)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func parsePolicy(file string, n *yaml.Node) (*Policy, error) {
	fail := func(at *yaml.Node, id, format string, args ...any) error {
		return &rule.LoadError{File: file, Line: at.Line, RuleID: id, Reason: fmt.Sprintf(format, args...)}
	}
	if n.Kind != yaml.MappingNode {
		return nil, fail(n, "", "a policy is a mapping")
	}
	fields := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(policyKeys, k.Value) {
			return nil, fail(k, "", "unknown key %q (known: %s)", k.Value, strings.Join(policyKeys, ", "))
		}
		if _, dup := fields[k.Value]; dup {
			return nil, fail(k, "", "key %q given twice", k.Value)
		}
		fields[k.Value] = n.Content[i+1]
	}
	str := func(key string) (string, error) {
		v := fields[key]
		if v == nil {
			return "", nil
		}
		if v.Kind != yaml.ScalarNode {
			return "", fail(v, "", "%s must be a string", key)
		}
		return strings.TrimSpace(v.Value), nil
	}
	id, err := str("id")
	if err != nil {
		return nil, err
	}
	if id == "" {
		return nil, fail(n, "", "missing id")
	}
	if !policyID.MatchString(id) {
		return nil, fail(fields["id"], id, "id must be lower-case and dotted, like bank.fraud-check-before-payment")
	}
	if strings.HasSuffix(id, orderSuffix) {
		return nil, fail(fields["id"], id, "id must not end in %q (reserved for the wrong-order rule)", orderSuffix)
	}
	failID := func(at *yaml.Node, format string, args ...any) error {
		if at == nil {
			at = n
		}
		return fail(at, id, format, args...)
	}
	get := func(key string) (string, error) {
		s, err := str(key)
		if err != nil {
			return "", failID(fields[key], "%s must be a string", key)
		}
		return s, nil
	}
	list := func(key string) ([]string, error) {
		v := fields[key]
		if v == nil {
			return nil, nil
		}
		ss, ok := strings1(v)
		if !ok {
			return nil, failID(v, "%s must be a string or a list of strings", key)
		}
		if len(ss) > maxPatternsPerClause {
			return nil, failID(v, "%s has more than %d entries", key, maxPatternsPerClause)
		}
		return ss, nil
	}
	p := &Policy{file: file, line: n.Line}
	m := &finding.Rule{ID: id, Analyzer: analyzerName}
	if m.Title, err = get("title"); err != nil {
		return nil, err
	}
	if m.Description, err = get("description"); err != nil {
		return nil, err
	}
	if p.Message, err = get("message"); err != nil {
		return nil, err
	}
	if m.Remediation, err = get("remediation"); err != nil {
		return nil, err
	}
	if m.References, err = list("references"); err != nil {
		return nil, err
	}
	if m.Tags, err = list("tags"); err != nil {
		return nil, err
	}
	if m.Title == "" {
		return nil, failID(nil, "missing title")
	}
	if m.Remediation == "" {
		m.Remediation = "Call the required function before the guarded action, on every path through the handler."
	}
	cwe, err := get("cwe")
	if err != nil {
		return nil, err
	}
	if cwe == "" {
		return nil, failID(nil, "missing cwe (for example CWE-862 for a missing authorization-like check)")
	}
	if num, ok := taxonomy.ParseCWE(cwe); ok {
		cwe = taxonomy.FormatCWE(num)
	}
	if !taxonomy.KnownCWE(cwe) {
		return nil, failID(fields["cwe"], "unknown CWE %q", cwe)
	}
	m.CWE = cwe
	sev, err := get("severity")
	if err != nil {
		return nil, err
	}
	if sev == "" {
		m.Severity = finding.High
	} else if m.Severity, err = finding.ParseSeverity(sev); err != nil {
		return nil, failID(fields["severity"], "%v", err)
	}
	conf, err := get("confidence")
	if err != nil {
		return nil, err
	}
	if conf == "" {
		m.Confidence = finding.ConfidenceMedium
	} else if m.Confidence, err = finding.ParseConfidence(conf); err != nil {
		return nil, failID(fields["confidence"], "%v", err)
	}
	langs, err := list("languages")
	if err != nil {
		return nil, err
	}
	if len(langs) == 0 {
		return nil, failID(nil, "missing languages")
	}
	p.langs = map[lang.ID]*compiled{}
	for _, l := range langs {
		lid, ok := lang.Parse(l)
		if !ok {
			return nil, failID(fields["languages"], "unknown language %q (known: go, python, javascript, typescript, java)", l)
		}
		p.langs[lid] = nil
		if lid == lang.TypeScript {
			p.langs[lang.TSX] = nil
		}
		m.Languages = append(m.Languages, string(lid))
	}
	if p.MustCall, err = list("must-call"); err != nil {
		return nil, err
	}
	if len(p.MustCall) == 0 {
		return nil, failID(nil, "missing must-call: the pattern(s) of the required call")
	}
	if p.Before, err = list("before"); err != nil {
		return nil, err
	}
	p.mustLine = fields["must-call"].Line
	if b := fields["before"]; b != nil {
		p.beforeLine = b.Line
	}
	if h := fields["handlers"]; h != nil {
		if p.Handlers, p.handlerLines, err = parseHandlers(h, failID); err != nil {
			return nil, err
		}
	}
	if len(p.Handlers) == 0 && len(p.Before) == 0 {
		return nil, failID(nil, "a policy needs handlers, before, or both: otherwise every function of the code base would have to make the call")
	}
	if err := m.Validate(); err != nil {
		return nil, failID(nil, "%v", err)
	}
	p.Missing = m
	if len(p.Before) > 0 {
		o := *m
		o.ID = id + orderSuffix
		o.Title = m.Title + " (check made too late)"
		o.CWE = orderCWE
		o.RelatedCWEs = []string{m.CWE}
		o.Remediation = "Move the required call so that it runs, and its result is acted on, before the guarded action.\n" + m.Remediation
		p.Order = &o
	}
	return p, nil
}

func parseHandlers(h *yaml.Node, failID func(*yaml.Node, string, ...any) error) ([]Handler, []int, error) {
	if h.Kind == yaml.MappingNode {
		h = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{h}, Line: h.Line}
	}
	if h.Kind != yaml.SequenceNode {
		return nil, nil, failID(h, "handlers must be a list of matchers (name-regex, route-regex, contains)")
	}
	if len(h.Content) > maxPatternsPerClause {
		return nil, nil, failID(h, "more than %d handler matchers", maxPatternsPerClause)
	}
	var out []Handler
	var lines []int
	for _, e := range h.Content {
		if e.Kind != yaml.MappingNode || len(e.Content) == 0 {
			return nil, nil, failID(e, "a handler matcher is a mapping with name-regex, route-regex or contains")
		}
		var hd Handler
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, v := e.Content[i], e.Content[i+1]
			switch k.Value {
			case "name-regex", "route-regex":
				if v.Kind != yaml.ScalarNode || v.Value == "" || len(v.Value) > maxRegexLen {
					return nil, nil, failID(v, "%s must be a non-empty regular expression of at most %d bytes", k.Value, maxRegexLen)
				}
				re, err := regexp.Compile(v.Value)
				if err != nil {
					return nil, nil, failID(v, "%s: %v", k.Value, err)
				}
				if k.Value == "name-regex" {
					hd.NameRegex = re
				} else {
					hd.RouteRegex = re
				}
			case "contains":
				ss, ok := strings1(v)
				if !ok || len(ss) == 0 || len(ss) > maxPatternsPerClause {
					return nil, nil, failID(v, "contains must be a pattern or a list of at most %d patterns", maxPatternsPerClause)
				}
				hd.Contains = ss
			default:
				return nil, nil, failID(k, "unknown handler key %q (known: %s)", k.Value, strings.Join(handlerKeys, ", "))
			}
		}
		out = append(out, hd)
		lines = append(lines, e.Line)
	}
	return out, lines, nil
}

// strings1 reads a scalar or a sequence of non-empty scalars.
func strings1(n *yaml.Node) ([]string, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.TrimSpace(n.Value) == "" {
			return nil, false
		}
		return []string{n.Value}, true
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode || strings.TrimSpace(c.Value) == "" {
				return nil, false
			}
			out = append(out, c.Value)
		}
		return out, true
	}
	return nil, false
}

// langPatterns is every pattern of every policy for one grammar, in one
// index so that a file is walked once.
type langPatterns struct {
	pats  []*pattern.Pattern
	index *pattern.Index
}

// compile compiles every policy's patterns for each of its grammars.
func compile(ctx context.Context, ps *lang.Parsers, pols []*Policy) (map[lang.ID]*langPatterns, error) {
	out := map[lang.ID]*langPatterns{}
	for _, p := range pols {
		for lid := range p.langs {
			lp := out[lid]
			if lp == nil {
				lp = &langPatterns{}
				out[lid] = lp
			}
			add := func(srcs []string, line int) ([]int, error) {
				var idx []int
				for _, s := range srcs {
					pat, err := pattern.Compile(ctx, ps, lid, s)
					if err != nil {
						var pe *pattern.Error
						reason := err.Error()
						if errors.As(err, &pe) {
							reason = pe.Reason
						}
						return nil, &rule.LoadError{File: p.file, Line: line, RuleID: p.Missing.ID,
							Reason: fmt.Sprintf("pattern %q for %s: %s", strings.TrimSpace(s), lid, reason)}
					}
					idx = append(idx, len(lp.pats))
					lp.pats = append(lp.pats, pat)
				}
				return idx, nil
			}
			c := &compiled{}
			var err error
			if c.mustCall, err = add(p.MustCall, p.mustLine); err != nil {
				return nil, err
			}
			if c.before, err = add(p.Before, p.beforeLine); err != nil {
				return nil, err
			}
			for i, h := range p.Handlers {
				ci, err := add(h.Contains, p.handlerLines[i])
				if err != nil {
					return nil, err
				}
				c.contains = append(c.contains, ci)
			}
			p.langs[lid] = c
		}
	}
	for _, lp := range out {
		lp.index = pattern.NewIndex(lp.pats)
	}
	return out, nil
}
