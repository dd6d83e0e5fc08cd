package rule

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

// Limits of rule files.
const (
	MaxRuleFileSize = 8 << 20
	MaxRulesPerFile = 5000
	// maxFormulaDepth bounds nesting of patterns/pattern-either.
	maxFormulaDepth = 32
	// DefaultCWE is given to rules that name none: guideline rules that
	// are not about a specific weakness.
	DefaultCWE = "CWE-710"
	// AnalyzerName is the analyzer that owns pattern rules.
	AnalyzerName = "sast"
)

// Op is the kind of a formula node.
type Op int

// Formula operators, after Semgrep's keys.
const (
	OpPattern           Op = iota // pattern
	OpRegex                       // pattern-regex
	OpAnd                         // patterns
	OpOr                          // pattern-either
	OpNot                         // pattern-not
	OpInside                      // pattern-inside
	OpNotInside                   // pattern-not-inside
	OpNotRegex                    // pattern-not-regex
	OpMetavarRegex                // metavariable-regex
	OpMetavarPattern              // metavariable-pattern
	OpFocus                       // focus-metavariable
	OpMetavarComparison           // metavariable-comparison
	// OpBindMatch is "pattern: $X" next to other positive patterns: it
	// only binds $X to each result, so it is not searched (it would
	// match every node).
	OpBindMatch
	// OpNodeScan is "pattern: $X" as the only positive of a patterns
	// list that also has metavariable-regex on $X: every named node is
	// a candidate, and the regexes (Guards) are tried on it before a
	// match is made, instead of making a match of every node first.
	OpNodeScan
)

// Formula is a rule's matching logic as a tree.
type Formula struct {
	Op   Op
	Line int
	// Source is the pattern text (OpPattern).
	Source string
	// Regex is the compiled expression (OpRegex, OpNotRegex, OpMetavarRegex).
	Regex *regexp.Regexp
	// Metavar is the metavariable of OpMetavarRegex, OpMetavarPattern and
	// OpFocus.
	Metavar string
	// first is the set of bytes an OpMetavarRegex match starts with (nil
	// when unknown).
	first *byteSet
	// literals are strings one of which every match of an OpRegex,
	// OpNotRegex or OpMetavarRegex contains, ignoring case (nil when
	// unknown).
	literals []string
	// Guards are the metavariable-regex conditions of OpNodeScan.
	Guards []*Formula
	// callNames maps a metavariable of an OpPattern to the only names it
	// can take (from a metavariable-regex next to it that accepts a
	// small set of names): a call pattern whose called name is that
	// metavariable is then tried only on calls of those names.
	callNames map[string][]string
	// comparison is the expression of OpMetavarComparison.
	comparison *cmpExpr
	// Children are the operands of OpAnd and OpOr, the one operand of
	// OpNot, OpInside, OpNotInside and OpMetavarPattern.
	Children []*Formula
	// patterns holds the compiled pattern per language (OpPattern), and
	// index its position in the language's pattern.Index.
	patterns map[lang.ID]*pattern.Pattern
	index    map[lang.ID]int
	// scopes holds, per language, the patterns an OpMetavarPattern
	// searches within the bound code.
	scopes map[lang.ID]*scope
}

// Rule is one loaded rule.
type Rule struct {
	// Meta is the finding metadata reported with every match.
	Meta      finding.Rule
	Languages []lang.ID
	Message   string
	Fix       string
	Formula   *Formula
	// Taint is set for taint-mode rules (mode: taint), which have no
	// Formula.
	Taint   *Taint
	Include []string
	Exclude []string
	// File and Line say where the rule was written.
	File string
	Line int
	// pathFilter decides whether the rule applies to a path.
	paths *pathFilter
}

var topLevelKeys = map[string]bool{
	"id": true, "languages": true, "severity": true, "message": true, "metadata": true,
	"pattern": true, "patterns": true, "pattern-either": true, "pattern-regex": true,
	"paths": true, "fix": true, "fix-regex": true, "options": true, "min-version": true,
	"max-version": true, "mode": true, "cwe": true, "confidence": true, "remediation": true,
	"title": true, "references": true, "description": true,
	"pattern-sources": true, "pattern-sinks": true, "pattern-sanitizers": true, "pattern-propagators": true,
}

// parseFile reads the rules of one YAML file.
func parseFile(name string, data []byte) ([]*Rule, error) {
	if len(data) > MaxRuleFileSize {
		return nil, &LoadError{File: name, Reason: fmt.Sprintf("rule file larger than %d bytes", MaxRuleFileSize)}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, &LoadError{File: name, Line: yamlErrorLine(err), Reason: "invalid YAML: " + yamlErrorText(err)}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	root = resolve(root)
	if root.Kind != yaml.MappingNode {
		return nil, &LoadError{File: name, Line: root.Line, Reason: "a rule file is a mapping with a \"rules\" list"}
	}
	var list *yaml.Node
	for _, kv := range pairs(root) {
		if kv[0].Value == "rules" {
			list = resolve(kv[1])
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, &LoadError{File: name, Line: root.Line, Reason: "missing \"rules\" list"}
	}
	if len(list.Content) > MaxRulesPerFile {
		return nil, &LoadError{File: name, Line: list.Line, Reason: fmt.Sprintf("more than %d rules in one file", MaxRulesPerFile)}
	}
	var out []*Rule
	for _, rn := range list.Content {
		r, err := parseRule(name, resolve(rn))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func yamlErrorLine(err error) int {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n := 0
		fmt.Sscanf(m[1], "%d", &n)
		return n
	}
	return 0
}

func yamlErrorText(err error) string {
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

type ruleParser struct {
	file string
	id   string
}

func (p *ruleParser) errf(n *yaml.Node, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &LoadError{File: p.file, Line: line, RuleID: p.id, Reason: fmt.Sprintf(format, args...)}
}

func parseRule(file string, n *yaml.Node) (*Rule, error) {
	p := &ruleParser{file: file}
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, p.errf(n, "a rule is a mapping")
	}
	r := &Rule{File: file, Line: n.Line, Meta: finding.Rule{Analyzer: AnalyzerName, Confidence: finding.ConfidenceMedium}}
	fields := map[string]*yaml.Node{}
	keys := map[string]*yaml.Node{}
	for _, kv := range pairs(n) {
		fields[kv[0].Value] = resolve(kv[1])
		keys[kv[0].Value] = kv[0]
	}
	id, ok := scalar(fields["id"])
	if !ok || strings.TrimSpace(id) == "" {
		return nil, p.errf(n, "missing \"id\"")
	}
	p.id = id
	r.Meta.ID = strings.ToLower(strings.TrimSpace(id))
	for k, kn := range keys {
		if !topLevelKeys[k] {
			return nil, p.errf(kn, "unknown key %q", k)
		}
	}
	mode, _ := scalar(fields["mode"])
	switch mode {
	case "", "search", ModeTaint:
	default:
		return nil, p.errf(fields["mode"], "mode %q is not supported (only \"search\" and \"taint\")", mode)
	}
	if mode != ModeTaint {
		for _, tk := range taintKeys {
			if kn := keys[tk.key]; kn != nil {
				return nil, p.errf(kn, "%s needs mode: taint", tk.key)
			}
		}
	}
	// Languages.
	names, ok := stringList(fields["languages"])
	if !ok || len(names) == 0 {
		return nil, p.errf(orNode(fields["languages"], n), "missing \"languages\"")
	}
	for _, name := range names {
		l, ok := lang.Parse(name)
		if !ok {
			return nil, p.errf(orNode(fields["languages"], n), "unknown language %q (supported: go, python, javascript, typescript, java)", name)
		}
		r.Languages = appendUnique(r.Languages, l)
	}
	// Message and severity.
	msg, ok := scalar(fields["message"])
	if !ok || strings.TrimSpace(msg) == "" {
		return nil, p.errf(orNode(fields["message"], n), "missing \"message\"")
	}
	r.Message = strings.TrimSpace(msg)
	sev, ok := scalar(fields["severity"])
	if !ok {
		return nil, p.errf(orNode(fields["severity"], n), "missing \"severity\"")
	}
	s, err := finding.ParseSeverity(sev)
	if err != nil {
		return nil, p.errf(fields["severity"], "%v", err)
	}
	r.Meta.Severity = s
	if err := p.metadata(r, fields); err != nil {
		return nil, err
	}
	if mode == ModeTaint {
		for _, k := range []string{"pattern", "patterns", "pattern-either", "pattern-regex"} {
			if kn := keys[k]; kn != nil {
				return nil, p.errf(kn, "a taint rule has pattern-sources and pattern-sinks instead of %s", k)
			}
		}
		t, err := p.taint(fields, n)
		if err != nil {
			return nil, err
		}
		r.Taint = t
		return p.finish(r, fields, n)
	}
	// Formula: exactly one of the top-level pattern keys.
	var formula *Formula
	for _, k := range []string{"pattern", "patterns", "pattern-either", "pattern-regex"} {
		v, ok := fields[k]
		if !ok {
			continue
		}
		if formula != nil {
			return nil, p.errf(keys[k], "only one of pattern, patterns, pattern-either and pattern-regex may be given")
		}
		f, err := p.formula(k, v, 0)
		if err != nil {
			return nil, err
		}
		formula = f
	}
	if formula == nil {
		return nil, p.errf(n, "missing pattern, patterns, pattern-either or pattern-regex")
	}
	r.Formula = formula
	return p.finish(r, fields, n)
}

// finish reads the keys common to search and taint rules.
func (p *ruleParser) finish(r *Rule, fields map[string]*yaml.Node, n *yaml.Node) (*Rule, error) {
	if fix, ok := scalar(fields["fix"]); ok {
		r.Fix = fix
	}
	if pn := fields["paths"]; pn != nil {
		if pn.Kind != yaml.MappingNode {
			return nil, p.errf(pn, "\"paths\" is a mapping with include and exclude lists")
		}
		for _, kv := range pairs(pn) {
			list, ok := stringList(kv[1])
			if !ok {
				return nil, p.errf(kv[1], "paths.%s must be a list of strings", kv[0].Value)
			}
			switch kv[0].Value {
			case "include":
				r.Include = list
			case "exclude":
				r.Exclude = list
			default:
				return nil, p.errf(kv[0], "unknown key paths.%s", kv[0].Value)
			}
		}
	}
	r.paths = newPathFilter(r.Include, r.Exclude)
	if err := r.Meta.Validate(); err != nil {
		return nil, p.errf(n, "%v", err)
	}
	return r, nil
}

func orNode(a, b *yaml.Node) *yaml.Node {
	if a != nil {
		return a
	}
	return b
}

func appendUnique(list []lang.ID, id lang.ID) []lang.ID {
	for _, x := range list {
		if x == id {
			return list
		}
	}
	return append(list, id)
}

var cweID = regexp.MustCompile(`(?i)^\s*CWE-(\d+)`)

// metadata fills title, CWE, confidence, OWASP tags, references,
// description and remediation from our top-level keys first, then from
// Semgrep's metadata block.
func (p *ruleParser) metadata(r *Rule, fields map[string]*yaml.Node) error {
	meta := map[string]*yaml.Node{}
	if m := fields["metadata"]; m != nil {
		if m.Kind != yaml.MappingNode {
			return p.errf(m, "\"metadata\" must be a mapping")
		}
		for _, kv := range pairs(m) {
			meta[kv[0].Value] = resolve(kv[1])
		}
	}
	get := func(key string) *yaml.Node {
		if v, ok := fields[key]; ok {
			return v
		}
		return meta[key]
	}
	// CWE: "CWE-89" or Semgrep's "CWE-89: Improper Neutralization ...";
	// a list names the primary first.
	if n := get("cwe"); n != nil {
		list, ok := stringList(n)
		if !ok || len(list) == 0 {
			return p.errf(n, "cwe must be a string or a list of strings")
		}
		for i, c := range list {
			m := cweID.FindStringSubmatch(c)
			if m == nil {
				return p.errf(n, "cwe %q is not of the form CWE-89", c)
			}
			id := "CWE-" + m[1]
			if _, ok := taxonomy.ParseCWE(id); !ok {
				return p.errf(n, "unknown %s", id)
			}
			if i == 0 {
				r.Meta.CWE = id
			} else {
				r.Meta.RelatedCWEs = append(r.Meta.RelatedCWEs, id)
			}
		}
	} else {
		r.Meta.CWE = DefaultCWE
	}
	if n := get("confidence"); n != nil {
		s, _ := scalar(n)
		c, err := finding.ParseConfidence(s)
		if err != nil {
			return p.errf(n, "%v", err)
		}
		r.Meta.Confidence = c
	}
	if n := get("title"); n != nil {
		r.Meta.Title, _ = scalar(n)
	}
	if r.Meta.Title == "" {
		r.Meta.Title = titleFromMessage(r.Message)
	}
	if n := get("description"); n != nil {
		r.Meta.Description, _ = scalar(n)
	}
	if n := get("remediation"); n != nil {
		r.Meta.Remediation, _ = scalar(n)
		r.Meta.Remediation = strings.TrimSpace(r.Meta.Remediation)
	}
	for _, key := range []string{"references", "source-rule-url"} {
		if n := get(key); n != nil {
			list, ok := stringList(n)
			if !ok {
				return p.errf(n, "%s must be a string or a list of strings", key)
			}
			r.Meta.References = append(r.Meta.References, list...)
		}
	}
	if n := meta["owasp"]; n != nil {
		list, _ := stringList(n)
		for _, o := range list {
			r.Meta.Tags = append(r.Meta.Tags, "owasp:"+strings.TrimSpace(o))
		}
	}
	if n := meta["category"]; n != nil {
		if s, ok := scalar(n); ok && s != "" {
			r.Meta.Tags = append(r.Meta.Tags, s)
		}
	}
	return nil
}

// titleFromMessage derives a static title: the message's first sentence
// with metavariables elided.
func titleFromMessage(msg string) string {
	s := strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i]
	}
	s = metavarRef.ReplaceAllString(s, "…")
	s = strings.TrimSuffix(s, ".")
	if len(s) > 100 {
		s = s[:97] + "..."
	}
	return s
}

var metavarRef = regexp.MustCompile(`\$(\.\.\.)?[A-Z_][A-Z0-9_]*`)

// formula parses one pattern operator and its value.
func (p *ruleParser) formula(key string, v *yaml.Node, depth int) (*Formula, error) {
	if depth > maxFormulaDepth {
		return nil, p.errf(v, "patterns nested more than %d deep", maxFormulaDepth)
	}
	v = resolve(v)
	if v == nil {
		return nil, p.errf(nil, "%s has no value", key)
	}
	f := &Formula{Line: v.Line}
	switch key {
	case "pattern", "pattern-not", "pattern-inside", "pattern-not-inside":
		src, ok := scalar(v)
		if !ok || strings.TrimSpace(src) == "" {
			return nil, p.errf(v, "%s must be a non-empty string", key)
		}
		f.Op, f.Source = OpPattern, src
		switch key {
		case "pattern-not":
			return &Formula{Op: OpNot, Line: v.Line, Children: []*Formula{f}}, nil
		case "pattern-inside":
			return &Formula{Op: OpInside, Line: v.Line, Children: []*Formula{f}}, nil
		case "pattern-not-inside":
			return &Formula{Op: OpNotInside, Line: v.Line, Children: []*Formula{f}}, nil
		}
		return f, nil
	case "pattern-regex", "pattern-not-regex":
		src, ok := scalar(v)
		if !ok || src == "" {
			return nil, p.errf(v, "%s must be a non-empty string", key)
		}
		re, err := compileRegex(src)
		if err != nil {
			return nil, p.errf(v, "%s: %v", key, err)
		}
		f.Op, f.Regex, f.literals = OpRegex, re, requiredLiterals(re.String())
		if key == "pattern-not-regex" {
			f.Op = OpNotRegex
		}
		return f, nil
	case "patterns", "pattern-either":
		if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
			return nil, p.errf(v, "%s must be a non-empty list", key)
		}
		f.Op = OpAnd
		if key == "pattern-either" {
			f.Op = OpOr
		}
		positives := 0
		for _, item := range v.Content {
			item = resolve(item)
			if item.Kind != yaml.MappingNode || len(item.Content) != 2 {
				return nil, p.errf(item, "each item of %s is a mapping with one key", key)
			}
			k, val := item.Content[0].Value, item.Content[1]
			allowed := eitherKeys
			if key == "patterns" {
				allowed = patternsKeys
			}
			if !allowed[k] {
				return nil, p.errf(item.Content[0], "%q is not allowed in %s", k, key)
			}
			var c *Formula
			var err error
			switch k {
			case "metavariable-regex", "metavariable-pattern":
				c, err = p.metavarFilter(k, resolve(val), depth)
			case "focus-metavariable":
				c, err = p.focus(resolve(val))
			case "metavariable-comparison":
				c, err = p.comparison(resolve(val))
			case "metavariable-analysis":
				return nil, p.errf(item.Content[0], "%s is not supported", k)
			default:
				c, err = p.formula(k, val, depth+1)
			}
			if err != nil {
				return nil, err
			}
			if c.positive() {
				positives++
			}
			f.Children = append(f.Children, c)
		}
		if f.Op == OpAnd && positives == 0 {
			return nil, p.errf(v, "patterns needs at least one positive pattern (pattern, pattern-either, patterns, pattern-regex or pattern-inside)")
		}
		if f.Op == OpAnd {
			for _, c := range f.Children {
				name := strings.TrimSpace(c.Source)
				if c.Op == OpPattern && pattern.IsMetavariable(name) && positives > 1 {
					c.Op, c.Metavar = OpBindMatch, name
					positives--
				}
			}
			scanNodes(f)
			restrictCallNames(f)
		}
		return f, nil
	}
	return nil, p.errf(v, "unknown operator %q", key)
}

var (
	patternsKeys = map[string]bool{
		"pattern": true, "patterns": true, "pattern-either": true, "pattern-regex": true,
		"pattern-not": true, "pattern-inside": true, "pattern-not-inside": true, "pattern-not-regex": true,
		"metavariable-regex": true, "metavariable-pattern": true, "focus-metavariable": true,
		"metavariable-comparison": true, "metavariable-analysis": true,
	}
	eitherKeys = map[string]bool{"pattern": true, "patterns": true, "pattern-either": true, "pattern-regex": true, "pattern-inside": true}
)

// restrictCallNames records, on the positive patterns of f (directly or
// through a pattern-either), the names a metavariable-regex of f allows
// for each metavariable. Every result of f passes those regexes, so a
// match where the metavariable holds another name could not become a
// result.
func restrictCallNames(f *Formula) {
	names := map[string][]string{}
	for _, c := range f.Children {
		if c.Op == OpMetavarRegex && names[c.Metavar] == nil {
			if list := exactNames(c.Regex.String()); list != nil {
				names[c.Metavar] = list
			}
		}
	}
	if len(names) == 0 {
		return
	}
	for _, c := range f.Children {
		switch c.Op {
		case OpPattern:
			c.callNames = names
		case OpOr:
			for _, cc := range c.Children {
				if cc.Op == OpPattern {
					cc.callNames = names
				}
			}
		}
	}
}

// scanNodes turns "pattern: $X", when it is the only positive of f and
// metavariable-regex conditions on $X follow, into OpNodeScan.
func scanNodes(f *Formula) {
	var only *Formula
	for _, c := range f.Children {
		if c.positive() {
			if only != nil {
				return
			}
			only = c
		}
	}
	if only == nil || only.Op != OpPattern || !pattern.IsMetavariable(strings.TrimSpace(only.Source)) {
		return
	}
	name := strings.TrimSpace(only.Source)
	var guards []*Formula
	for _, c := range f.Children {
		if c.Op == OpMetavarRegex && c.Metavar == name {
			guards = append(guards, c)
		}
	}
	if len(guards) > 0 && name != "$_" {
		only.Op, only.Metavar, only.Guards = OpNodeScan, name, guards
	}
}

// insideOnly reports whether every range of a positive formula only
// encloses: a pattern-inside, or a pattern-either or patterns made only
// of them.
func (f *Formula) insideOnly() bool {
	switch f.Op {
	case OpInside:
		return true
	case OpOr, OpAnd:
		n := 0
		for _, c := range f.Children {
			if !c.positive() {
				continue
			}
			if !c.insideOnly() {
				return false
			}
			n++
		}
		return n > 0
	}
	return false
}

func (f *Formula) positive() bool {
	switch f.Op {
	case OpPattern, OpRegex, OpAnd, OpOr, OpInside, OpNodeScan:
		return true
	}
	return false
}

// compileRegex compiles a rule's regular expression. Go's RE2 syntax is
// used (linear time); Perl-only constructs such as look-around fail here
// with a clear error.
func compileRegex(src string) (*regexp.Regexp, error) {
	re, err := regexp.Compile(src)
	if err != nil {
		for _, la := range []string{"(?=", "(?!", "(?<=", "(?<!"} {
			if strings.Contains(src, la) {
				return nil, fmt.Errorf("look-around %q is not supported (regexes use Go's RE2 syntax): %w", la+"...)", err)
			}
		}
		if strings.Contains(err.Error(), "backreference") || strings.Contains(src, `\1`) {
			return nil, fmt.Errorf("back-references are not supported (regexes use Go's RE2 syntax): %w", err)
		}
	}
	return re, err
}

func (p *ruleParser) metavarFilter(key string, v *yaml.Node, depth int) (*Formula, error) {
	if v == nil || v.Kind != yaml.MappingNode {
		return nil, p.errf(v, "%s must be a mapping", key)
	}
	f := &Formula{Line: v.Line}
	fields := map[string]*yaml.Node{}
	for _, kv := range pairs(v) {
		fields[kv[0].Value] = resolve(kv[1])
	}
	mv, ok := scalar(fields["metavariable"])
	if !ok || !(pattern.IsMetavariable(mv) || strings.HasPrefix(mv, "$...") && pattern.IsMetavariable("$"+mv[4:])) {
		return nil, p.errf(v, "%s needs a metavariable such as $X", key)
	}
	f.Metavar = mv
	if key == "metavariable-regex" {
		src, ok := scalar(fields["regex"])
		if !ok {
			return nil, p.errf(v, "metavariable-regex needs a regex")
		}
		if _, err := compileRegex(src); err != nil {
			return nil, p.errf(fields["regex"], "metavariable-regex: %v", err)
		}
		// Semgrep anchors metavariable-regex at the start (Python's re.match).
		re, err := compileRegex(`^(?:` + src + `)`)
		if err != nil {
			return nil, p.errf(fields["regex"], "metavariable-regex: %v", err)
		}
		f.Op, f.Regex, f.first, f.literals = OpMetavarRegex, re, firstBytes(re.String()), requiredLiterals(re.String())
		return f, nil
	}
	f.Op = OpMetavarPattern
	if l, ok := fields["language"]; ok {
		return nil, p.errf(l, "metavariable-pattern with another language is not supported")
	}
	for _, k := range []string{"pattern", "patterns", "pattern-either", "pattern-regex"} {
		if val, ok := fields[k]; ok {
			c, err := p.formula(k, val, depth+1)
			if err != nil {
				return nil, err
			}
			f.Children = append(f.Children, c)
		}
	}
	if len(f.Children) != 1 {
		return nil, p.errf(v, "metavariable-pattern needs exactly one of pattern, patterns, pattern-either or pattern-regex")
	}
	return f, nil
}

func (p *ruleParser) comparison(v *yaml.Node) (*Formula, error) {
	if v == nil || v.Kind != yaml.MappingNode {
		return nil, p.errf(v, "metavariable-comparison must be a mapping with a comparison")
	}
	f := &Formula{Op: OpMetavarComparison, Line: v.Line}
	for _, kv := range pairs(v) {
		switch kv[0].Value {
		case "comparison":
			src, _ := scalar(kv[1])
			e, err := parseComparison(src)
			if err != nil {
				return nil, p.errf(kv[1], "metavariable-comparison: %v", err)
			}
			f.comparison = e
		case "metavariable", "strip", "base":
			// metavariable only names the main operand; strip and base
			// are not needed: strings compare by value already.
		default:
			return nil, p.errf(kv[0], "unknown key metavariable-comparison.%s", kv[0].Value)
		}
	}
	if f.comparison == nil {
		return nil, p.errf(v, "metavariable-comparison needs a comparison")
	}
	return f, nil
}

func (p *ruleParser) focus(v *yaml.Node) (*Formula, error) {
	list, ok := stringList(v)
	if !ok || len(list) != 1 || !pattern.IsMetavariable(list[0]) {
		return nil, p.errf(v, "focus-metavariable takes one metavariable such as $X")
	}
	return &Formula{Op: OpFocus, Line: v.Line, Metavar: list[0]}, nil
}
