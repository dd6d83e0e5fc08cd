package gitlab

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/pipeline/credential"
	"github.com/socyber/codeaudit/internal/pipeline/textpos"
)

// Limits on hostile input.
const (
	MaxFileSize     = 2 << 20
	maxDocuments    = 8
	maxAliasDepth   = 16
	maxJobs         = 2000
	maxScriptDepth  = 8
	MaxIncludeDepth = 10  // include: local: nesting
	MaxIncludes     = 200 // files reached through includes per project
)

// Auditor audits GitLab CI files; it is safe for concurrent use.
type Auditor struct {
	rules ruleBook
}

// NewAuditor returns an Auditor.
func NewAuditor() *Auditor { return &Auditor{rules: newRuleBook()} }

// Rules lists the GitLab rules.
func (a *Auditor) Rules() []finding.Rule {
	out := []finding.Rule{}
	for _, r := range catalog() {
		out = append(out, *a.rules[r.ID])
	}
	return out
}

// IsPipelineFile reports whether a path is named like GitLab CI
// configuration: .gitlab-ci.yml, *.gitlab-ci.yml, or YAML under .gitlab/ci/.
func IsPipelineFile(p string) bool {
	name := path.Base(p)
	switch {
	case name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml":
		return true
	case strings.HasSuffix(name, ".gitlab-ci.yml") || strings.HasSuffix(name, ".gitlab-ci.yaml"):
		return true
	}
	return (strings.HasPrefix(p, ".gitlab/ci/") || strings.Contains(p, "/.gitlab/ci/")) && (strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".yaml"))
}

// reserved top-level keys that are not jobs.
var reserved = map[string]bool{
	"image": true, "services": true, "stages": true, "variables": true, "include": true,
	"workflow": true, "default": true, "before_script": true, "after_script": true,
	"cache": true, "types": true, "spec": true,
}

// Audit checks one GitLab CI file. It returns the local include paths the
// file names (relative to the repository root, possibly with wildcards)
// so that a caller can audit them too.
func (a *Auditor) Audit(ctx context.Context, p string, content []byte, out analyzer.Emitter) (includes []string, err error) {
	if len(content) > MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes is over the %d byte limit for pipeline files", p, len(content), MaxFileSize)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: audit failure: %v", p, r)
		}
	}()
	s := &scan{a: a, path: p, file: textpos.New(content), out: &cappedEmitter{out: out, path: p}}
	dec := yaml.NewDecoder(strings.NewReader(string(content)))
	for i := 0; i < maxDocuments; i++ {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return includes, fmt.Errorf("%s: invalid YAML: %w", p, err)
		}
		if len(doc.Content) == 0 {
			continue
		}
		root := resolve(doc.Content[0])
		if root == nil || root.Kind != yaml.MappingNode {
			continue
		}
		if err := ctx.Err(); err != nil {
			return includes, err
		}
		includes = append(includes, s.auditRoot(ctx, root)...)
	}
	return includes, nil
}

type scan struct {
	a    *Auditor
	path string
	file *textpos.File
	out  analyzer.Emitter
	// mrOnly is set when workflow: rules run the whole pipeline for merge
	// requests.
	mrWorkflow bool
	// tainted lists variables (global or job) whose value comes from an
	// untrusted predefined variable.
	tainted map[string]string
}

// maxFindingsPerFile bounds the findings of one file; a file with more is
// generated or hostile.
const maxFindingsPerFile = 1000

// cappedEmitter passes on at most maxFindingsPerFile findings.
type cappedEmitter struct {
	out  analyzer.Emitter
	path string
	n    int
}

func (c *cappedEmitter) Emit(f finding.Finding) {
	c.n++
	switch {
	case c.n <= maxFindingsPerFile:
		c.out.Emit(f)
	case c.n == maxFindingsPerFile+1:
		c.out.Warn(c.path, fmt.Sprintf("more than %d findings; the rest are not reported", maxFindingsPerFile))
	}
}

func (c *cappedEmitter) Warn(path, msg string) { c.out.Warn(path, msg) }

func (c *cappedEmitter) full() bool { return c.n >= maxFindingsPerFile }

func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i >= maxAliasDepth {
			return nil
		}
		n = n.Alias
	}
	return n
}

type entry struct {
	key string
	k   *yaml.Node
	val *yaml.Node
}

// entries lists a mapping's entries, with << merge keys expanded (nested
// merges are bounded by maxAliasDepth, which also stops self-merging
// anchors).
func entries(n *yaml.Node) []entry {
	budget := maxMergedEntries
	return mergedEntries(n, nil, &budget)
}

// maxMergedEntries bounds the entries one mapping expands to through
// merge keys: aliases are not expanded when decoding into yaml.Node, so
// merges of merges could otherwise grow exponentially.
const maxMergedEntries = 10000

func mergedEntries(n *yaml.Node, chain []*yaml.Node, budget *int) []entry {
	n = resolve(n)
	if len(chain) > maxAliasDepth || slices.Contains(chain, n) || *budget <= 0 {
		return nil
	}
	chain = append(chain, n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []entry
	for i := 0; i+1 < len(n.Content) && *budget > 0; i += 2 {
		*budget--
		k := resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Tag == "!!merge" {
			v := resolve(n.Content[i+1])
			if v != nil && v.Kind == yaml.SequenceNode {
				for _, c := range v.Content {
					out = append(out, mergedEntries(c, chain, budget)...)
				}
			} else {
				out = append(out, mergedEntries(v, chain, budget)...)
			}
			continue
		}
		out = append(out, entry{key: k.Value, k: k, val: resolve(n.Content[i+1])})
	}
	return out
}

func get(n *yaml.Node, key string) *yaml.Node {
	var found *yaml.Node
	for _, e := range entries(n) {
		if e.key == key {
			found = e.val // later keys override merged ones
		}
	}
	return found
}

func isScalar(n *yaml.Node) bool { return n != nil && n.Kind == yaml.ScalarNode }

func (s *scan) finding(id string, line, col, length int, msg string) finding.Finding {
	loc := finding.Location{Path: s.path, StartLine: line, StartColumn: col, EndLine: line, EndColumn: col + max(length, 1)}
	return finding.New(s.a.rules[id], loc, msg)
}

// findingOn covers a scalar node's first line.
func (s *scan) findingOn(id string, n *yaml.Node, msg string) finding.Finding {
	v := n.Value
	if i := strings.IndexByte(v, '\n'); i >= 0 {
		v = v[:i]
	}
	return s.finding(id, n.Line, n.Column, len(v), msg)
}

// findingAt locates byte offset off of a scalar's value.
func (s *scan) findingAt(id string, n *yaml.Node, off, length int, msg string) finding.Finding {
	line, col := n.Line, n.Column
	if c, ok := s.out.(*cappedEmitter); !ok || !c.full() {
		line, col = s.file.Locate(n.Line, n.Column, n.Value, off)
	}
	return s.finding(id, line, col, length, msg)
}

func setSeverity(f *finding.Finding, sev finding.Severity) {
	f.Severity = sev
	f.SecuritySeverity = sev.Score()
}

func (s *scan) auditRoot(ctx context.Context, root *yaml.Node) []string {
	s.tainted = map[string]string{}
	if wf := get(root, "workflow"); wf != nil {
		s.mrWorkflow = runsOnMergeRequests(get(wf, "rules"), nil)
	}
	globalVars := get(root, "variables")
	s.auditVariables(globalVars, s.tainted)
	includes := s.auditIncludes(get(root, "include"))
	s.auditImage(get(root, "image"))
	s.auditServices(get(root, "services"))
	if def := get(root, "default"); def != nil {
		s.auditImage(get(def, "image"))
		s.auditServices(get(def, "services"))
		for _, k := range []string{"before_script", "after_script"} {
			s.auditScript(get(def, k), s.tainted, false)
		}
	}
	for _, k := range []string{"before_script", "after_script"} {
		s.auditScript(get(root, k), s.tainted, false)
	}
	top := map[string]*yaml.Node{}
	for _, e := range entries(root) {
		top[e.key] = e.val
	}
	jobs := 0
	for _, e := range entries(root) {
		if reserved[e.key] || e.val == nil || e.val.Kind != yaml.MappingNode {
			continue
		}
		if jobs++; jobs > maxJobs || ctx.Err() != nil {
			break
		}
		s.auditJob(e, top)
		// Child pipelines: trigger: include: names more configuration.
		if trig := get(e.val, "trigger"); trig != nil && trig.Kind == yaml.MappingNode {
			includes = append(includes, s.auditIncludes(get(trig, "include"))...)
		}
	}
	return includes
}

func (s *scan) auditJob(e entry, top map[string]*yaml.Node) {
	job := e.val
	tainted := maps(s.tainted)
	s.auditVariables(get(job, "variables"), tainted)
	s.auditImage(get(job, "image"))
	s.auditServices(get(job, "services"))
	rules, only := inherited(top, job, "rules", 0, map[*yaml.Node]bool{}), inherited(top, job, "only", 0, map[*yaml.Node]bool{})
	mr := s.mrWorkflow || runsOnMergeRequests(rules, only)
	for _, k := range []string{"before_script", "script", "after_script"} {
		s.auditScript(get(job, k), tainted, mr)
	}
}

// maxExtendsDepth bounds extends: chains.
const maxExtendsDepth = 8

// inherited returns a job's key, following extends: to templates in the
// same file when the job does not set it. Each template is visited once,
// so hostile extends: graphs cannot make the search exponential.
func inherited(top map[string]*yaml.Node, job *yaml.Node, key string, depth int, seen map[*yaml.Node]bool) *yaml.Node {
	if v := get(job, key); v != nil || depth >= maxExtendsDepth || seen[job] {
		return v
	}
	seen[job] = true
	ext := get(job, "extends")
	var parents []*yaml.Node
	if isScalar(ext) {
		parents = []*yaml.Node{ext}
	} else {
		parents = items(ext)
	}
	// Later parents override earlier ones.
	for i := len(parents) - 1; i >= 0; i-- {
		if !isScalar(parents[i]) {
			continue
		}
		if tmpl := top[parents[i].Value]; tmpl != nil {
			if v := inherited(top, tmpl, key, depth+1, seen); v != nil {
				return v
			}
		}
	}
	return nil
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// mrCondition matches rules that select merge request pipelines.
var mrCondition = regexp.MustCompile(`\$CI_PIPELINE_SOURCE\s*==\s*["']merge_request_event["']|\$CI_MERGE_REQUEST_(?:ID|IID)\b`)

// sameProjectOnly matches conditions that keep merge requests from forks
// out (source project equal to this project).
var sameProjectOnly = regexp.MustCompile(`\$CI_MERGE_REQUEST_SOURCE_PROJECT_(?:ID|PATH)\s*==\s*\$CI_PROJECT_(?:ID|PATH)|\$CI_PROJECT_(?:ID|PATH)\s*==\s*\$CI_MERGE_REQUEST_SOURCE_PROJECT_(?:ID|PATH)`)

// runsOnMergeRequests reports whether rules: or only: select merge
// request pipelines that merge requests from forks can reach.
func runsOnMergeRequests(rules, only *yaml.Node) bool {
	for _, r := range items(rules) {
		if c := get(r, "if"); isScalar(c) && mrCondition.MatchString(c.Value) && !sameProjectOnly.MatchString(c.Value) {
			if w := get(r, "when"); isScalar(w) && w.Value == "never" {
				continue
			}
			return true
		}
	}
	refs := only
	if only != nil && only.Kind == yaml.MappingNode {
		refs = get(only, "refs")
	}
	for _, r := range items(refs) {
		if isScalar(r) && (r.Value == "merge_requests" || r.Value == "external_pull_requests") {
			return true
		}
	}
	return false
}

func items(n *yaml.Node) []*yaml.Node {
	n = resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		if c = resolve(c); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// untrustedVars are predefined variables whose text the author of a merge
// request, commit, branch or tag chooses. Slugs (*_SLUG) are sanitised by
// GitLab and not listed.
var untrustedVars = map[string]bool{
	"CI_MERGE_REQUEST_TITLE": true, "CI_MERGE_REQUEST_DESCRIPTION": true,
	"CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": true, "CI_MERGE_REQUEST_LABELS": true,
	"CI_COMMIT_MESSAGE": true, "CI_COMMIT_TITLE": true, "CI_COMMIT_DESCRIPTION": true,
	"CI_COMMIT_BRANCH": true, "CI_COMMIT_REF_NAME": true, "CI_COMMIT_TAG": true,
	"CI_COMMIT_TAG_MESSAGE": true, "CI_COMMIT_AUTHOR": true,
	"CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME": true,
}

// freeTextVars are the untrusted variables that can hold spaces and glob
// characters; git forbids both in branch and tag names, so only these
// are split into extra arguments when used unquoted.
var freeTextVars = map[string]bool{
	"CI_MERGE_REQUEST_TITLE": true, "CI_MERGE_REQUEST_DESCRIPTION": true, "CI_MERGE_REQUEST_LABELS": true,
	"CI_COMMIT_MESSAGE": true, "CI_COMMIT_TITLE": true, "CI_COMMIT_DESCRIPTION": true,
	"CI_COMMIT_TAG_MESSAGE": true, "CI_COMMIT_AUTHOR": true,
}

var varRef = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?|%([A-Za-z_][A-Za-z0-9_]*)%`)

// auditVariables audits a variables: block and records which variables
// carry untrusted text.
func (s *scan) auditVariables(vars *yaml.Node, tainted map[string]string) {
	for _, e := range entries(vars) {
		v := e.val
		if v != nil && v.Kind == yaml.MappingNode {
			v = get(v, "value")
		}
		if !isScalar(v) {
			continue
		}
		for _, m := range varRef.FindAllStringSubmatch(v.Value, -1) {
			name := m[1] + m[2]
			if untrustedVars[name] {
				tainted[e.key] = name
			} else if src, ok := tainted[name]; ok {
				tainted[e.key] = src
			}
		}
		if kind, ok := credential.Check(e.key, v.Value); ok {
			f := s.findingOn(RuleHardcodedCredential, v, fmt.Sprintf("variable %s holds a literal credential %s", e.key, credential.Redact(strings.TrimSpace(v.Value))))
			if kind == credential.KindKeyName {
				f.Confidence = finding.ConfidenceMedium
			}
			s.out.Emit(f)
		}
	}
}
