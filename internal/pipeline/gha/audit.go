package gha

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/pipeline/textpos"
)

// MaxFileSize is the largest workflow or action file audited; real ones
// are a few kilobytes.
const MaxFileSize = 2 << 20

// maxJobs and maxSteps bound the work on one file.
const (
	maxJobs  = 1000
	maxSteps = 1000
)

// Auditor audits GitHub Actions workflows and composite actions. It holds
// only read-only rule metadata and is safe for concurrent use.
type Auditor struct {
	rules ruleBook
}

// NewAuditor returns an Auditor.
func NewAuditor() *Auditor {
	return &Auditor{rules: newRuleBook()}
}

// Rules lists the GitHub Actions rules.
func (a *Auditor) Rules() []finding.Rule {
	out := make([]finding.Rule, 0, len(a.rules))
	for _, r := range catalog() {
		out = append(out, *a.rules[r.ID])
	}
	return out
}

// IsWorkflow reports whether a repository-relative path is a workflow file.
func IsWorkflow(p string) bool {
	dir, name := path.Split(p)
	return strings.HasSuffix(dir, ".github/workflows/") && isYAML(name)
}

// IsAction reports whether a path is an action metadata file.
func IsAction(p string) bool {
	name := path.Base(p)
	return name == "action.yml" || name == "action.yaml"
}

func isYAML(name string) bool {
	return strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".yaml")
}

// Audit checks one workflow or composite action file and emits findings.
func (a *Auditor) Audit(ctx context.Context, p string, content []byte, out analyzer.Emitter) (err error) {
	if len(content) > MaxFileSize {
		return fmt.Errorf("%s: %d bytes is over the %d byte limit for workflow files", p, len(content), MaxFileSize)
	}
	defer func() {
		// A bug in an audit must not take the scan down with it.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: parser failure: %v", p, r)
		}
	}()
	s := &scan{ctx: ctx, a: a, path: p, file: textpos.New(content), out: out, events: map[string]bool{}, emitted: map[string]bool{}}
	if IsAction(p) && !IsWorkflow(p) {
		return s.auditAction(content)
	}
	wf, err := parseWorkflow(content)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return s.auditWorkflow(wf)
}

// scan is the state of auditing one file.
type scan struct {
	ctx    context.Context
	a      *Auditor
	path   string
	file   *textpos.File
	out    analyzer.Emitter
	wf     *Workflow
	events map[string]bool
	// emitted de-duplicates findings of one rule at one position.
	emitted map[string]bool
}

// privilegedEvents run with the base repository's secrets and a write
// token although outsiders can trigger them.
var privilegedEvents = []string{"pull_request_target", "workflow_run", "issue_comment", "issues", "discussion", "discussion_comment"}

// forkEvents can be triggered by people outside the repository.
var forkEvents = []string{"pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment", "issue_comment", "workflow_run", "issues", "discussion", "discussion_comment"}

func (s *scan) privileged() bool {
	for _, e := range privilegedEvents {
		if s.events[e] {
			return true
		}
	}
	return false
}

func (s *scan) fromForks() bool {
	for _, e := range forkEvents {
		if s.events[e] {
			return true
		}
	}
	return false
}

// pullRequestOnly reports whether every trigger is pull_request.
func (s *scan) pullRequestOnly() bool {
	return len(s.events) == 1 && s.events["pull_request"]
}

func (s *scan) privilegedEvent() string {
	for _, e := range privilegedEvents {
		if s.events[e] {
			return e
		}
	}
	return ""
}

// at locates byte offset off of a string value in the file.
func (s *scan) at(str *String, off int) (int, int) {
	if str == nil || str.Pos == nil {
		return 1, 1
	}
	if len(s.emitted) >= maxFindingsPerFile {
		return str.Pos.Line, str.Pos.Col // over the cap: not reported anyway
	}
	return s.file.Locate(str.Pos.Line, str.Pos.Col, str.Value, off)
}

// finding starts a finding of rule id spanning length bytes at (line, col).
func (s *scan) finding(id string, line, col, length int, msg string) finding.Finding {
	r := s.a.rules[id]
	loc := finding.Location{Path: s.path, StartLine: line, StartColumn: col, EndLine: line, EndColumn: col + max(length, 1)}
	return finding.New(r, loc, msg)
}

// findingAt starts a finding at offset off of a string value.
func (s *scan) findingAt(id string, str *String, off, length int, msg string) finding.Finding {
	line, col := s.at(str, off)
	return s.finding(id, line, col, length, msg)
}

// findingOn starts a finding covering a whole (single-line) string node.
func (s *scan) findingOn(id string, str *String, msg string) finding.Finding {
	if str == nil || str.Pos == nil {
		return s.finding(id, 1, 1, 1, msg)
	}
	line, col := str.Pos.Line, str.Pos.Col
	n := len(str.Value)
	if i := strings.IndexByte(str.Value, '\n'); i >= 0 {
		n = i
	}
	if str.Quoted {
		n += 2
	}
	return s.finding(id, line, col, n, msg)
}

// maxFindingsPerFile bounds the findings (and position lookups) of one
// file; a file with more is generated or hostile.
const maxFindingsPerFile = 1000

func (s *scan) emit(f finding.Finding) {
	key := fmt.Sprintf("%s:%d:%d", f.RuleID, f.Location.StartLine, f.Location.StartColumn)
	if s.emitted[key] {
		return
	}
	if len(s.emitted) == maxFindingsPerFile {
		s.out.Warn(s.path, fmt.Sprintf("more than %d findings; the rest are not reported", maxFindingsPerFile))
	}
	s.emitted[key] = true
	if len(s.emitted) > maxFindingsPerFile {
		return
	}
	s.out.Emit(f)
}

// setSeverity overrides a finding's severity where the rule's default
// does not fit the case (documented per rule).
func setSeverity(f *finding.Finding, sev finding.Severity) {
	f.Severity = sev
	f.SecuritySeverity = sev.Score()
}

func (s *scan) auditWorkflow(wf *Workflow) error {
	s.wf = wf
	for _, e := range wf.Events {
		if e != nil {
			s.events[strings.ToLower(strings.TrimSpace(e.Value))] = true
		}
	}
	for _, e := range wf.Events {
		if e == nil {
			continue
		}
		switch ev := strings.ToLower(strings.TrimSpace(e.Value)); ev {
		case "pull_request_target", "workflow_run":
			s.emit(s.findingOn(RuleDangerousTrigger, e, fmt.Sprintf("%s runs this workflow with the repository's secrets and a write token on events outsiders can cause; nothing from the pull request may be executed or trusted", ev)))
		}
	}
	env := newEnvScope(nil)
	s.auditEnv(wf.Env, env, nil)
	s.auditPermissionsAll(wf.Permissions)

	jobs := sortedJobs(wf.Jobs)
	if len(jobs) > maxJobs {
		s.out.Warn(s.path, fmt.Sprintf("only the first %d of %d jobs audited", maxJobs, len(jobs)))
		jobs = jobs[:maxJobs]
	}
	// First pass: which job outputs carry untrusted data, for needs.*.
	jobOut := flows{}
	for _, j := range jobs {
		jenv := newEnvScope(env)
		s.evalEnv(j.Env, jenv, nil)
		steps := s.stepTaints(j, jenv)
		for name, o := range j.Outputs {
			if o == nil || o.Value == nil {
				continue
			}
			if t, src := s.valueTaint(o.Value, jenv, steps, nil); t > clean {
				jobOut[strings.ToLower(j.ID.Value)+"."+name] = origin{t, src}
			}
		}
	}
	for _, j := range jobs {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		s.auditJob(j, env, jobOut)
	}
	s.auditWorkflowPermissions(jobs)
	return nil
}

func sortedJobs(m map[string]*Job) []*Job {
	jobs := make([]*Job, 0, len(m))
	for _, j := range m {
		if j != nil && j.ID != nil {
			jobs = append(jobs, j)
		}
	}
	slices.SortFunc(jobs, func(a, b *Job) int {
		if a.Pos != nil && b.Pos != nil && a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return strings.Compare(a.ID.Value, b.ID.Value)
	})
	return jobs
}

func (s *scan) auditJob(j *Job, wfEnv *envScope, jobOut flows) {
	env := newEnvScope(wfEnv)
	s.auditEnv(j.Env, env, nil)
	s.auditPermissionsAll(j.Permissions)
	s.auditRunner(j)
	s.auditImages(j)
	s.auditIf(j.If)
	if j.WorkflowCall != nil {
		s.auditUses(j.WorkflowCall.Uses)
		s.auditInheritSecrets(j)
	}
	steps := j.Steps
	if len(steps) > maxSteps {
		s.out.Warn(s.path, fmt.Sprintf("job %s: only the first %d of %d steps audited", j.ID.Value, maxSteps, len(steps)))
		steps = steps[:maxSteps]
	}
	jc := &jobContext{job: j, env: env, stepOut: flows{}, needsOut: jobOut}
	jc.uploads = slices.ContainsFunc(steps, func(st *Step) bool { return isUpload(usesOf(st)) })
	jc.downloads = slices.ContainsFunc(steps, func(st *Step) bool { return isDownload(usesOf(st)) })
	jc.publishes = slices.ContainsFunc(steps, publishes)
	for i, st := range steps {
		if st == nil {
			continue
		}
		jc.index = i
		jc.rest = steps[i+1:]
		s.auditStep(st, jc)
	}
	s.auditCheckoutCredentials(jc, steps)
	s.auditCaches(jc, steps)
	s.auditUnusedWrites(j)
	s.auditMissingPermissions(j)
}

// jobContext is what the step audits know about their job.
type jobContext struct {
	job                           *Job
	env                           *envScope
	stepOut                       flows // step id -> taint of its outputs
	needsOut                      flows // "job.output" -> taint
	index                         int
	rest                          []*Step
	uploads, downloads, publishes bool
}

func usesOf(st *Step) *String {
	if st == nil {
		return nil
	}
	return st.Uses
}

func runOf(st *Step) *String {
	if st == nil {
		return nil
	}
	return st.Run
}

// actionName returns the lower-case owner/repo[/path] of a uses: value
// and its ref.
func actionName(uses *String) (name, ref string) {
	if uses == nil {
		return "", ""
	}
	name, ref, _ = strings.Cut(uses.Value, "@")
	return strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(ref)
}

// repoOf returns owner/repo of an action name such as owner/repo/sub/dir.
func repoOf(name string) string {
	parts := strings.SplitN(name, "/", 3)
	if len(parts) < 2 {
		return name
	}
	return parts[0] + "/" + parts[1]
}

func isUpload(uses *String) bool {
	n, _ := actionName(uses)
	return n == "actions/upload-artifact" || n == "actions/upload-pages-artifact"
}

func isDownload(uses *String) bool {
	n, _ := actionName(uses)
	return n == "actions/download-artifact" || n == "dawidd6/action-download-artifact"
}

func input(st *Step, name string) *Input {
	in := st.Inputs[name]
	if in == nil || in.Value == nil {
		return nil
	}
	return in
}
