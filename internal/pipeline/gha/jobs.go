package gha

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/pipeline/shellscript"
)

var fullSHA = regexp.MustCompile(`^[0-9a-f]{40}$`)

// firstPartyOwners publish actions maintained by GitHub itself.
var firstPartyOwners = map[string]bool{"actions": true, "github": true}

// auditUses reports an action or reusable workflow not pinned to a SHA.
func (s *scan) auditUses(uses *String) {
	if uses == nil || containsExpression(uses) {
		return
	}
	v := strings.TrimSpace(uses.Value)
	switch {
	case strings.HasPrefix(v, "./"):
		return // local action or workflow: versioned with this repository
	case strings.HasPrefix(v, "docker://"):
		s.auditImage(uses, strings.TrimPrefix(v, "docker://"), "docker:// action")
		return
	}
	name, ref := actionName(uses)
	if fullSHA.MatchString(ref) {
		return
	}
	msg := fmt.Sprintf("%s is referenced by %q, which its owner can move to other code; pin a full commit SHA", name, ref)
	if ref == "" {
		msg = fmt.Sprintf("%s has no version at all", name)
	}
	f := s.findingOn(RuleUnpinnedAction, uses, msg)
	if firstPartyOwners[strings.SplitN(name, "/", 2)[0]] {
		setSeverity(&f, finding.Low)
	}
	f.Properties = map[string]string{"action": name, "ref": ref}
	s.emit(f)
}

// auditImage reports a container image not pinned to a digest.
func (s *scan) auditImage(node *String, image, what string) {
	image = strings.TrimSpace(image)
	if image == "" || strings.Contains(image, "${{") || strings.Contains(image, "@sha256:") {
		return
	}
	f := s.findingOn(RuleUnpinnedImage, node, fmt.Sprintf("%s image %s is referenced by tag; the tag can be re-pushed with other content", what, image))
	last := image[strings.LastIndex(image, "/")+1:]
	if !strings.Contains(last, ":") || strings.HasSuffix(last, ":latest") {
		setSeverity(&f, finding.Medium)
		f.Message = fmt.Sprintf("%s image %s uses the moving latest tag", what, image)
	}
	s.emit(f)
}

func (s *scan) auditImages(j *Job) {
	if c := j.Container; c != nil {
		if c.Image != nil {
			s.auditImage(c.Image, c.Image.Value, "job container")
		}
		s.auditContainer(c)
	}
	for _, svc := range j.Services {
		if svc.Image != nil {
			s.auditImage(svc.Image, svc.Image.Value, "service container")
		}
		s.auditContainer(svc)
	}
}

func (s *scan) auditContainer(c *Container) {
	if c.Env != nil {
		for _, v := range c.Env.Vars {
			if v != nil && v.Name != nil && v.Value != nil {
				s.auditLiteralCredential(v.Name.Value, v.Value, "container env")
			}
		}
	}
	if c.Password != nil {
		s.auditLiteralCredential("password", c.Password, "container credentials")
	}
}

// vulnerableAction is an advisory against an action's releases.
type vulnerableAction struct {
	repo     string
	fixed    [3]int // first fixed version
	from     [3]int // first affected version (zero: all before fixed)
	advisory string
}

// knownVulnerable is a small offline list of advisories for popular
// actions (facts from the GitHub Advisory Database).
var knownVulnerable = []vulnerableAction{
	{repo: "tj-actions/changed-files", fixed: [3]int{46, 0, 1}, advisory: "CVE-2025-30066 (release tags pointed at a commit that dumped secrets to the log), CVE-2023-51664 (command injection in file names)"},
	{repo: "tj-actions/branch-names", fixed: [3]int{7, 0, 7}, advisory: "CVE-2023-49291 (command injection in branch names)"},
	{repo: "tj-actions/verify-changed-files", fixed: [3]int{17, 0, 0}, advisory: "CVE-2023-52137 (command injection in file names)"},
	{repo: "rlespinasse/github-slug-action", fixed: [3]int{4, 4, 1}, advisory: "CVE-2023-27581 (command injection in branch names)"},
	{repo: "gradle/gradle-build-action", fixed: [3]int{2, 4, 2}, advisory: "CVE-2023-30853 (secrets saved into the Gradle cache)"},
	{repo: "actions/download-artifact", from: [3]int{4, 0, 0}, fixed: [3]int{4, 1, 3}, advisory: "CVE-2024-42471 (artifact extraction outside the target directory)"},
	{repo: "check-spelling/check-spelling", fixed: [3]int{0, 0, 22}, advisory: "CVE-2021-32724 (token exposed to pull requests from forks)"},
	{repo: "hashicorp/vault-action", fixed: [3]int{2, 2, 0}, advisory: "CVE-2021-32074 (multi-line secrets not masked in logs)"},
}

var semverRef = regexp.MustCompile(`^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$`)

func (s *scan) auditKnownVulnerable(uses *String) {
	name, ref := actionName(uses)
	m := semverRef.FindStringSubmatch(ref)
	if m == nil {
		return
	}
	var v [3]int
	parts := 1
	for i := 1; i <= 3; i++ {
		if m[i] != "" {
			fmt.Sscan(m[i], &v[i-1])
			parts = i
		}
	}
	for _, va := range knownVulnerable {
		if repoOf(name) != va.repo {
			continue
		}
		affected := less(v, va.fixed) && !less(v, va.from)
		if parts < 3 && v[0] == va.fixed[0] {
			// A moving major or minor tag follows the fixed release.
			affected = false
		}
		if !affected {
			continue
		}
		f := s.findingOn(RuleKnownVulnerable, uses, fmt.Sprintf("%s@%s is affected by %s; fixed in %d.%d.%d", name, ref, va.advisory, va.fixed[0], va.fixed[1], va.fixed[2]))
		f.Properties = map[string]string{"advisory": va.advisory}
		s.emit(f)
	}
}

func less(a, b [3]int) bool {
	for i := range 3 {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// headRefs are contexts naming the pull request head in privileged events.
var headRefs = []string{
	"github.event.pull_request.head.sha", "github.event.pull_request.head.ref",
	"github.event.pull_request.head.repo.full_name", "github.head_ref",
	"github.event.workflow_run.head_sha", "github.event.workflow_run.head_branch",
	"github.event.workflow_run.head_commit.id", "github.event.workflow_run.head_repository.full_name",
	"github.event.issue.pull_request",
}

var headFetch = regexp.MustCompile(`\b(?:gh|hub)\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*\bpull/|refs/pull/`)

// auditCheckoutRef reports a privileged workflow checking out pull request
// code.
func (s *scan) auditCheckoutRef(st *Step, jc *jobContext) {
	if !s.privileged() {
		return
	}
	name, _ := actionName(usesOf(st))
	if repoOf(name) != "actions/checkout" {
		return
	}
	for _, key := range []string{"ref", "repository"} {
		in := input(st, key)
		if in == nil {
			continue
		}
		what := ""
		if headFetch.MatchString(in.Value.Value) {
			what = "refs/pull/*"
		}
		for _, e := range parseExprs(in.Value.Value) {
			for _, a := range e.accesses() {
				for _, h := range headRefs {
					if pathMatch(h, a.Path) {
						what = a.Path
					}
				}
				if strings.HasPrefix(a.Path, "steps.") || strings.HasPrefix(a.Path, "needs.") {
					if what == "" && s.events["issue_comment"] {
						what = a.Path + " (a pull request ref looked up for the comment)"
					}
				}
			}
		}
		if what == "" {
			continue
		}
		s.reportUntrustedCheckout(s.findingOn(RuleUntrustedCheckout, in.Value, ""), what, jc, false)
		return
	}
}

func (s *scan) reportUntrustedCheckout(f finding.Finding, what string, jc *jobContext, moreInScript bool) {
	ev := s.privilegedEvent()
	f.Message = fmt.Sprintf("this %s workflow checks out pull request code (%s) while it holds the repository's secrets and write token", ev, what)
	if moreInScript || runsCodeLater(jc.rest) {
		f.Message += "; later steps build or run that code"
	} else {
		setSeverity(&f, finding.High)
	}
	f.Properties = map[string]string{"trigger": ev}
	s.emit(f)
}

// auditTriggeringArtifacts reports a workflow_run workflow that downloads
// the triggering run's artifacts (which a fork's pull request can fill)
// and then runs code.
func (s *scan) auditTriggeringArtifacts(st *Step, jc *jobContext) {
	if !s.events["workflow_run"] || !isDownload(usesOf(st)) || !runsCodeLater(jc.rest) {
		return
	}
	name, _ := actionName(st.Uses)
	fromTrigger := repoOf(name) == "dawidd6/action-download-artifact" // defaults to the triggering run
	if in := input(st, "run-id"); in != nil && strings.Contains(in.Value.Value, "workflow_run") {
		fromTrigger = true
	}
	if !fromTrigger {
		return
	}
	f := s.findingOn(RuleUntrustedCheckout, st.Uses, "this workflow_run workflow downloads artifacts of the triggering run, which a fork's pull request can fill, and later steps run code; anything executed or trusted from the artifact is under the fork's control in this privileged job")
	setSeverity(&f, finding.Medium)
	f.Confidence = finding.ConfidenceLow
	f.Properties = map[string]string{"trigger": "workflow_run"}
	s.emit(f)
}

// runsCodeLater reports whether any of the steps runs a script or a local
// action (which comes from the checked-out code).
func runsCodeLater(steps []*Step) bool {
	for _, st := range steps {
		if runOf(st) != nil {
			return true
		}
		if u := usesOf(st); u != nil && strings.HasPrefix(strings.TrimSpace(u.Value), "./") {
			return true
		}
	}
	return false
}

// gitHeadCommand matches git commands that move the work tree to a ref.
var gitHeadCommand = regexp.MustCompile(`\bgit\s+(?:checkout|switch|reset|merge|pull|fetch|worktree\s+add)\b`)

// auditUntrustedFetch reports run: scripts of privileged workflows that
// fetch pull request code: gh pr checkout, git fetch … pull/…, or a git
// command given the pull request head.
func (s *scan) auditUntrustedFetch(run *String, jc *jobContext) {
	if !s.privileged() {
		return
	}
	report := func(start, end int, what string) {
		rest := run.Value[end:]
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[i+1:]
		} else {
			rest = ""
		}
		s.reportUntrustedCheckout(s.findingAt(RuleUntrustedCheckout, run, start, end-start, ""), what, jc, strings.TrimSpace(rest) != "")
	}
	for _, ln := range shellscript.Lines(run.Value) {
		if m := headFetch.FindStringIndex(ln.Code); m != nil {
			report(ln.Start+m[0], ln.Start+m[1], clip(ln.Code[m[0]:m[1]]))
			return
		}
		m := gitHeadCommand.FindStringIndex(ln.Code)
		if m == nil || !strings.Contains(ln.Code, "${{") {
			continue
		}
		for _, e := range parseExprs(ln.Code) {
			for _, a := range e.accesses() {
				for _, h := range headRefs {
					if pathMatch(h, a.Path) {
						report(ln.Start+m[0], ln.Start+m[1], a.Path)
						return
					}
				}
			}
		}
	}
}

// auditIf checks one if: condition.
func (s *scan) auditIf(cond *String) {
	if cond == nil {
		return
	}
	v := strings.TrimSpace(cond.Value)
	if strings.Contains(v, "${{") && !(strings.HasPrefix(v, "${{") && strings.HasSuffix(v, "}}") && strings.Count(v, "${{") == 1) {
		s.emit(s.findingOn(RuleAlwaysTrueIf, cond, fmt.Sprintf("if: %s mixes ${{ }} with other text, so it evaluates to a non-empty string and is always true", clip(v))))
	} else if strings.HasPrefix(v, "${{") && v != cond.Value {
		// The runner does not trim the value: the line break that a | or >
		// block keeps after }} (or spaces inside quotes) is text beside the
		// expression, so the condition becomes a non-empty string.
		s.emit(s.findingOn(RuleAlwaysTrueIf, cond, fmt.Sprintf("if: %s is followed or preceded by whitespace the runner keeps (a | or > block keeps its final line break), so it evaluates to a non-empty string and is always true; use |- or a plain scalar", clip(v))))
	}
	src := v
	if !strings.Contains(src, "${{") {
		src = "${{ " + cond.Value + " }}"
	}
	for _, e := range parseExprs(src) {
		s.findSpoofableActor(cond, e, src != v)
		s.findUnsoundContains(cond, e, src != v)
	}
}

// findUnsoundContains reports contains('a b c', context).
func (s *scan) findUnsoundContains(cond *String, e expr, wrapped bool) {
	visitExpr(e.Node, func(n ExprNode) {
		call, ok := n.(*FuncCallNode)
		if !ok || !strings.EqualFold(call.Callee, "contains") || len(call.Args) != 2 {
			return
		}
		lit, ok := call.Args[0].(*StringNode)
		if !ok {
			return
		}
		p, ok := accessPath(call.Args[1])
		if !ok || !strings.HasPrefix(p, "github.") && !strings.HasPrefix(p, "env.") && !strings.HasPrefix(p, "inputs.") {
			return
		}
		off := e.Offset + 3 + call.Offset()
		if wrapped {
			off -= len("${{ ")
		}
		s.emit(s.findingAt(RuleUnsoundContains, cond, off, len(call.Callee), fmt.Sprintf("contains(%q, %s) accepts any substring of the string, not only the listed values", lit.Value, p)))
	})
}

// spoofableActors are contexts naming who caused the latest event.
var spoofableActors = map[string]bool{"github.actor": true, "github.triggering_actor": true}

func (s *scan) findSpoofableActor(cond *String, e expr, wrapped bool) {
	report := func(n ExprNode, literal string) {
		p, _ := accessPath(n)
		off := e.Offset + 3 + n.Offset()
		if wrapped {
			off -= len("${{ ")
		}
		f := s.findingAt(RuleSpoofableBotCheck, cond, off, len(p), fmt.Sprintf("%s is compared with %q; anyone can make a bot the actor of an event on their pull request", p, literal))
		s.emit(f)
	}
	botLiteral := func(n ExprNode) (string, bool) {
		str, ok := n.(*StringNode)
		if !ok {
			return "", false
		}
		return str.Value, strings.Contains(strings.ToLower(str.Value), "bot")
	}
	isActor := func(n ExprNode) bool {
		p, ok := accessPath(n)
		return ok && spoofableActors[p]
	}
	visitExpr(e.Node, func(n ExprNode) {
		switch n := n.(type) {
		case *CompareOpNode:
			if n.Op != "==" {
				return
			}
			if isActor(n.Left) {
				if lit, ok := botLiteral(n.Right); ok {
					report(n.Left, lit)
				}
			} else if isActor(n.Right) {
				if lit, ok := botLiteral(n.Left); ok {
					report(n.Right, lit)
				}
			}
		case *FuncCallNode:
			callee := strings.ToLower(n.Callee)
			if (callee == "contains" || callee == "startswith" || callee == "endswith") && len(n.Args) == 2 {
				for i, a := range n.Args {
					if isActor(a) {
						if lit, ok := botLiteral(n.Args[1-i]); ok {
							report(a, lit)
						}
					}
				}
			}
		}
	})
}

// auditRunner reports self-hosted runners on fork-triggered events.
func (s *scan) auditRunner(j *Job) {
	if j.RunsOn == nil || !s.fromForks() {
		return
	}
	for _, l := range j.RunsOn.Labels {
		if l != nil && strings.EqualFold(strings.TrimSpace(l.Value), "self-hosted") {
			events := []string{}
			for _, e := range forkEvents {
				if s.events[e] {
					events = append(events, e)
				}
			}
			s.emit(s.findingOn(RuleSelfHostedRunner, l, fmt.Sprintf("job %s runs on a self-hosted runner although the workflow is triggered by %s, which people outside the repository can cause", j.ID.Value, strings.Join(events, ", "))))
		}
	}
}

// auditInheritSecrets reports secrets: inherit on a reusable workflow call.
func (s *scan) auditInheritSecrets(j *Job) {
	inherit := j.WorkflowCall.InheritSecrets
	if inherit == nil {
		return
	}
	name, _ := actionName(j.WorkflowCall.Uses)
	s.emit(s.findingOn(RuleOversharedSecrets, inherit, fmt.Sprintf("secrets: inherit passes every secret of the repository and organisation to %s", name)))
}
