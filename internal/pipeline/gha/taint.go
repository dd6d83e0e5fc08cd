package gha

import (
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/pipeline/shellscript"
)

// origin is the taint of a value and where it comes from.
type origin struct {
	t   taint
	src string
}

// flows maps step ids (or "job.output") to the origin of their outputs.
type flows map[string]origin

// envVar is what is known about one env: entry.
type envVar struct {
	taint  taint
	source string // the context the value comes from, for messages
	secret bool   // the value holds a secret
	name   *String
}

// envScope is the env: of a workflow, job or step, falling back to the
// enclosing scope.
type envScope struct {
	parent *envScope
	vars   map[string]envVar
}

func newEnvScope(parent *envScope) *envScope {
	return &envScope{parent: parent, vars: map[string]envVar{}}
}

func (e *envScope) lookup(name string) (envVar, bool) {
	for s := e; s != nil; s = s.parent {
		if v, ok := s.vars[strings.ToUpper(name)]; ok {
			return v, true
		}
	}
	return envVar{}, false
}

// evalEnv records the taint of each variable of an env: block.
func (s *scan) evalEnv(env *Env, scope *envScope, jc *jobContext) {
	if env == nil {
		return
	}
	for _, v := range env.Vars {
		if v == nil || v.Name == nil || v.Value == nil {
			continue
		}
		var stepOut, needs flows
		if jc != nil {
			stepOut, needs = jc.stepOut, jc.needsOut
		}
		t, src := s.valueTaint(v.Value, scope.parent, stepOut, needs)
		scope.vars[strings.ToUpper(v.Name.Value)] = envVar{taint: t, source: src, secret: readsSecret(v.Value.Value), name: v.Name}
	}
}

var secretsRef = regexp.MustCompile(`(?i)\bsecrets\s*(?:\.\s*[A-Za-z_][A-Za-z0-9_-]*|\[)`)

func readsSecret(v string) bool {
	return strings.Contains(v, "${{") && secretsRef.MatchString(v)
}

// accessTaint grades one context access, following env, step outputs and
// job outputs.
func accessTaint(a access, env *envScope, stepOut, needs flows) (taint, string) {
	if t := classify(a); t > clean {
		return t, a.Path
	}
	parts := strings.Split(a.Path, ".")
	switch {
	case parts[0] == "env" && len(parts) >= 2 && env != nil:
		if v, ok := env.lookup(parts[1]); ok && v.taint > clean {
			return v.taint, "env." + strings.ToUpper(parts[1]) + " (from " + v.source + ")"
		}
	case parts[0] == "steps" && len(parts) >= 3 && parts[2] == "outputs":
		if o := stepOut[parts[1]]; o.t > clean {
			return o.t, a.Path + " (from " + o.src + ")"
		}
	case parts[0] == "needs" && len(parts) >= 4 && parts[2] == "outputs":
		if o := needs[parts[1]+"."+parts[3]]; o.t > clean {
			return o.t, a.Path + " (from " + o.src + ")"
		}
	}
	return clean, ""
}

// valueTaint is the highest taint of the expressions in a value.
func (s *scan) valueTaint(str *String, env *envScope, stepOut, needs flows) (taint, string) {
	if str == nil || !strings.Contains(str.Value, "${{") {
		return clean, ""
	}
	best, src := clean, ""
	for _, e := range parseExprs(str.Value) {
		for _, a := range e.valueAccesses() {
			if t, from := accessTaint(a, env, stepOut, needs); t > best {
				best, src = t, from
			}
		}
	}
	return best, src
}

// shellVar matches $NAME and ${NAME} references in a script line.
var shellVar = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

// lineTaint is the highest taint of a script line: its expressions and
// the env vars it reads.
func (s *scan) lineTaint(run *String, ln shellscript.Line, env *envScope, stepOut, needs flows) (taint, string) {
	best, src := clean, ""
	for _, e := range parseExprs(ln.Code) {
		for _, a := range e.valueAccesses() {
			if t, from := accessTaint(a, env, stepOut, needs); t > best {
				best, src = t, from
			}
		}
	}
	for _, m := range shellVar.FindAllStringSubmatch(ln.Code, -1) {
		if v, ok := env.lookup(m[1]); ok && v.taint > best {
			best, src = v.taint, "$"+m[1]+" (from "+v.source+")"
		}
	}
	return best, src
}

// untrustedOutputActions produce outputs made of attacker-chosen text:
// file names and branch names of a pull request.
var untrustedOutputActions = []string{"tj-actions/changed-files", "tj-actions/branch-names", "dorny/paths-filter", "jitterbit/get-changed-files"}

// stepOutputTaint works out whether a step's outputs carry untrusted data.
func (s *scan) stepOutputTaint(st *Step, env *envScope, stepOut, needs flows) origin {
	if name, _ := actionName(usesOf(st)); name != "" {
		for _, a := range untrustedOutputActions {
			if repoOf(name) == a {
				return origin{taintEvent, "file or branch names reported by " + a}
			}
		}
		return origin{}
	}
	run := runOf(st)
	if run == nil || !strings.Contains(run.Value, "GITHUB_OUTPUT") {
		return origin{}
	}
	best := origin{}
	for _, ln := range shellscript.Lines(run.Value) {
		if !strings.Contains(ln.Code, "GITHUB_OUTPUT") {
			continue
		}
		if t, src := s.lineTaint(run, ln, env, stepOut, needs); t > best.t {
			best = origin{t, src}
		}
	}
	return best
}

// stepTaints computes the step output taints of a job without auditing.
func (s *scan) stepTaints(j *Job, jobEnv *envScope) flows {
	out := flows{}
	for i, st := range j.Steps {
		if i >= maxSteps {
			break
		}
		if st == nil || st.ID == nil {
			continue
		}
		env := newEnvScope(jobEnv)
		s.evalEnv(st.Env, env, &jobContext{stepOut: out})
		if o := s.stepOutputTaint(st, env, out, nil); o.t > clean {
			out[strings.ToLower(st.ID.Value)] = o
		}
	}
	return out
}

// injectionSeverity calibrates an expression injection: attacker text in
// a privileged workflow is critical, attacker text elsewhere high, inputs
// set by people allowed to start the workflow medium.
func (s *scan) injectionSeverity(t taint) finding.Severity {
	switch {
	case t == taintEvent && s.privileged():
		return finding.Critical
	case t == taintEvent && s.pullRequestOnly():
		// A fork's pull_request run has no secrets and a read-only token,
		// and its author controls the workflow file anyway.
		return finding.Medium
	case t == taintEvent:
		return finding.High
	default:
		return finding.Medium
	}
}
