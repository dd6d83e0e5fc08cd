package gha

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/pipeline/credential"
	"github.com/socyber/codeaudit/internal/pipeline/shellscript"
)

func (s *scan) auditStep(st *Step, jc *jobContext) {
	env := newEnvScope(jc.env)
	s.auditEnv(st.Env, env, jc)
	s.auditIf(st.If)
	if uses := usesOf(st); uses != nil {
		s.auditUses(uses)
		s.auditKnownVulnerable(uses)
		s.auditWith(st, env, jc)
		s.auditCheckoutRef(st, jc)
		s.auditTriggeringArtifacts(st, jc)
	}
	if run := runOf(st); run != nil {
		s.auditRun(run, env, jc)
	}
	if st.ID != nil {
		if o := s.stepOutputTaint(st, env, jc.stepOut, jc.needsOut); o.t > clean {
			jc.stepOut[strings.ToLower(st.ID.Value)] = o
		}
	}
}

// auditEnv audits an env: block and records its variables in scope; jc is
// nil for workflow- and job-level blocks.
func (s *scan) auditEnv(env *Env, scope *envScope, jc *jobContext) {
	if env == nil {
		return
	}
	s.evalEnv(env, scope, jc)
	for _, v := range env.Vars {
		if v == nil || v.Name == nil || v.Value == nil {
			continue
		}
		name := strings.ToUpper(v.Name.Value)
		if name == "ACTIONS_ALLOW_UNSECURE_COMMANDS" && strings.EqualFold(strings.TrimSpace(v.Value.Value), "true") {
			s.emit(s.findingOn(RuleUnsecureCommands, v.Name, "ACTIONS_ALLOW_UNSECURE_COMMANDS is set to true: anything printed to the log can set environment variables and PATH through ::set-env / ::add-path"))
		}
		s.auditLiteralCredential(v.Name.Value, v.Value, "env")
		s.auditToJSONSecrets(v.Value)
		if jc != nil {
			s.auditPublishToken(v, jc)
		}
	}
}

func (s *scan) auditLiteralCredential(key string, val *String, where string) {
	kind, ok := credential.Check(key, val.Value)
	if !ok {
		return
	}
	f := s.findingOn(RuleHardcodedCredential, val, fmt.Sprintf("%s %s holds a literal credential %s; it is readable by anyone who can read the repository", where, key, credential.Redact(strings.TrimSpace(val.Value))))
	if kind == credential.KindKeyName {
		f.Confidence = finding.ConfidenceMedium
	}
	f.Properties = map[string]string{"match": string(kind)}
	s.emit(f)
}

// auditToJSONSecrets reports toJSON(secrets), secrets[computed] and
// fromJSON(secrets.X) in any value.
func (s *scan) auditToJSONSecrets(str *String) {
	if str == nil || !strings.Contains(str.Value, "${{") {
		return
	}
	for _, e := range parseExprs(str.Value) {
		visitExpr(e.Node, func(n ExprNode) {
			call, ok := n.(*FuncCallNode)
			if !ok || !strings.EqualFold(call.Callee, "fromjson") || len(call.Args) != 1 {
				return
			}
			if p, ok := accessPath(call.Args[0]); ok && strings.HasPrefix(p, "secrets.") {
				s.emit(s.findingAt(RuleUnmaskedSecretField, str, e.Offset+3+call.Offset(), len(call.Callee), fmt.Sprintf("fromJSON(%s) extracts values that log masking does not know about", p)))
			}
		})
		for _, a := range e.accesses() {
			switch {
			case a.Path == "secrets" && a.InToJSON:
				s.emit(s.findingAt(RuleOversharedSecrets, str, a.Offset, len("secrets"), "toJSON(secrets) expands every secret available to the workflow into one value"))
			case a.Path == "secrets.*":
				s.emit(s.findingAt(RuleOversharedSecrets, str, a.Offset, len("secrets"), "secrets is indexed with a computed name, so every secret must be made available to this workflow"))
			}
		}
	}
}

// auditRun audits a run: script.
func (s *scan) auditRun(run *String, env *envScope, jc *jobContext) {
	s.auditInjection(run, env, jc, "run: script")
	s.auditUntrustedFetch(run, jc)
	s.auditToJSONSecrets(run)
	for _, sp := range shellscript.RemoteExec(run.Value) {
		s.emit(s.findingAt(RuleRemoteScript, run, sp.Start, sp.End-sp.Start, "script downloaded and executed without an integrity check: "+clip(sp.Command)))
	}
	for _, ln := range shellscript.Lines(run.Value) {
		s.auditSecretOutput(run, ln, env, jc)
		s.auditEnvFileWrite(run, ln, env, jc)
		s.auditPublishCommand(run, ln)
	}
}

// auditInjection reports attacker-controlled expressions expanded into a
// script.
func (s *scan) auditInjection(script *String, env *envScope, jc *jobContext, sink string) {
	if script == nil || !strings.Contains(script.Value, "${{") {
		return
	}
	for _, e := range parseExprs(script.Value) {
		for _, a := range e.valueAccesses() {
			t, src := accessTaint(a, env, jc.stepOut, jc.needsOut)
			if t == clean {
				continue
			}
			text := script.Value[e.Offset:e.End]
			who := "an outsider"
			if t == taintInput {
				who = "whoever starts or calls the workflow"
			}
			msg := fmt.Sprintf("%s is expanded into the %s before it runs; %s controls %s and can inject code", clip(text), sink, who, src)
			if ev := s.privilegedEvent(); ev != "" && t == taintEvent {
				msg += fmt.Sprintf(" with the secrets and write token of this %s workflow", ev)
			}
			f := s.findingAt(RuleExpressionInjection, script, e.Offset, e.End-e.Offset, msg)
			setSeverity(&f, s.injectionSeverity(t))
			if src != a.Path {
				f.Confidence = finding.ConfidenceMedium
			}
			if t == taintInput {
				f.Confidence = finding.ConfidenceMedium
			}
			f.Properties = map[string]string{"source": src}
			if ev := s.privilegedEvent(); ev != "" {
				f.Properties["trigger"] = ev
			}
			s.emit(f)
			break // one finding per expression
		}
	}
}

// auditWith audits the with: inputs of an action step.
func (s *scan) auditWith(st *Step, env *envScope, jc *jobContext) {
	name, _ := actionName(st.Uses)
	for key, in := range st.Inputs {
		if in == nil || in.Value == nil {
			continue
		}
		s.auditToJSONSecrets(in.Value)
		s.auditLiteralCredential(key, in.Value, "input")
	}
	if repoOf(name) == "actions/github-script" {
		if in := input(st, "script"); in != nil {
			s.auditInjection(in.Value, env, jc, "actions/github-script script")
		}
	}
	if repoOf(name) == "pypa/gh-action-pypi-publish" {
		if in := input(st, "password"); in != nil {
			s.emit(s.findingOn(RuleLongLivedToken, in.Value, "package published to PyPI with a long-lived API token; PyPI trusted publishing issues a short-lived token to this workflow instead"))
		}
	}
}

// publishTokenVars are environment variables registry clients read a
// long-lived token from, for registries that accept OIDC trusted
// publishing from GitHub Actions.
var publishTokenVars = map[string]string{
	"TWINE_PASSWORD": "PyPI", "PYPI_TOKEN": "PyPI", "PYPI_API_TOKEN": "PyPI", "UV_PUBLISH_TOKEN": "PyPI",
	"NODE_AUTH_TOKEN": "npm", "NPM_TOKEN": "npm",
	"GEM_HOST_API_KEY": "RubyGems", "CARGO_REGISTRY_TOKEN": "crates.io",
}

var publishCommand = regexp.MustCompile(`\b(?:twine\s+upload|uv\s+publish|poetry\s+publish|hatch\s+publish|flit\s+publish|npm\s+publish|pnpm\s+publish|yarn\s+(?:npm\s+)?publish|gem\s+push|cargo\s+publish)\b`)

// auditPublishToken reports a step env var that hands a long-lived
// registry token to a publishing command in that step.
func (s *scan) auditPublishToken(v *EnvVar, jc *jobContext) {
	reg, ok := publishTokenVars[strings.ToUpper(v.Name.Value)]
	if !ok || !readsSecret(v.Value.Value) {
		return
	}
	if len(jc.job.Steps) <= jc.index {
		return
	}
	run := runOf(jc.job.Steps[jc.index])
	if run == nil || !mayPublish(run.Value) || !publishCommand.MatchString(run.Value) {
		return
	}
	s.emit(s.findingOn(RuleLongLivedToken, v.Name, fmt.Sprintf("%s receives a long-lived %s token from secrets for publishing; %s supports trusted publishing with a short-lived OIDC token", v.Name.Value, reg, reg)))
}

// mayPublish is a cheap filter before publishCommand.
func mayPublish(s string) bool {
	return strings.Contains(s, "publish") || strings.Contains(s, "upload") || strings.Contains(s, "push")
}

// auditPublishCommand covers publishing tokens passed on the command line.
func (s *scan) auditPublishCommand(run *String, ln shellscript.Line) {
	if !mayPublish(ln.Code) || !publishCommand.MatchString(ln.Code) {
		return
	}
	for _, flag := range []string{"--token", "--password", " -p ", "--api-key"} {
		i := strings.Index(ln.Code, flag)
		if i >= 0 && readsSecret(ln.Code[i:]) {
			s.emit(s.findingAt(RuleLongLivedToken, run, ln.Start+strings.Index(ln.Code, publishCommand.FindString(ln.Code)), len(publishCommand.FindString(ln.Code)), "package published with a long-lived registry token passed on the command line; the registry supports trusted publishing with a short-lived OIDC token"))
			return
		}
	}
}

// secretInLine returns the name of a secret a script line reads, directly
// or through an env var.
func secretInLine(code string, env *envScope) string {
	for _, e := range parseExprs(code) {
		for _, a := range e.valueAccesses() {
			if strings.HasPrefix(a.Path, "secrets.") {
				return strings.ToUpper(strings.TrimPrefix(a.Path, "secrets."))
			}
		}
	}
	for _, m := range shellVar.FindAllStringSubmatch(code, -1) {
		if v, ok := env.lookup(m[1]); ok && v.secret {
			return m[1]
		}
	}
	return ""
}

// safeFileTargets are the runner's own files and places outside the
// workspace that are not uploaded or cached by default.
var safeFileTargets = regexp.MustCompile(`(?i)GITHUB_(?:ENV|OUTPUT|PATH|STATE)|RUNNER_TEMP|^~|\$HOME|\$\{HOME\}|^/tmp/|^/dev/`)

func (s *scan) auditSecretOutput(run *String, ln shellscript.Line, env *envScope, jc *jobContext) {
	if strings.Contains(ln.Code, "::add-mask::") {
		return
	}
	name := secretInLine(ln.Code, env)
	if name == "" {
		return
	}
	start := strings.TrimLeft(ln.Text, " \t")
	off := ln.Start + len(ln.Text) - len(start)
	if shellscript.Prints(ln.Code) {
		s.emit(s.findingAt(RuleSecretInLog, run, off, len(strings.TrimRight(start, " ")), fmt.Sprintf("secret %s is printed to the build log; masking misses any transformed form of it", name)))
		return
	}
	target, ok := shellscript.WritesFile(ln.Code)
	if !ok {
		return
	}
	if strings.Contains(target, "GITHUB_STEP_SUMMARY") {
		s.emit(s.findingAt(RuleSecretInLog, run, off, len(strings.TrimRight(start, " ")), fmt.Sprintf("secret %s is written to the job summary, which anyone who can see the run can read", name)))
		return
	}
	if safeFileTargets.MatchString(target) {
		return
	}
	f := s.findingAt(RuleSecretInFile, run, off, len(strings.TrimRight(start, " ")), fmt.Sprintf("secret %s is written to %s in the workspace", name, target))
	if jc.uploads {
		setSeverity(&f, finding.High)
		f.Message += ", and this job uploads artifacts"
	}
	s.emit(f)
}

// envFileWrite matches a redirection into the env or path file.
var envFileWrite = regexp.MustCompile(`>>?\s*"?\$\{?(GITHUB_ENV|GITHUB_PATH)\b`)

// artifactRead matches reading a file's content into a line (for
// downloaded artifacts in workflow_run workflows).
var artifactRead = regexp.MustCompile(`\bcat\s|\$\(<|\bunzip\b|\bjq\b|<\s*\S+\s*>>`)

func (s *scan) auditEnvFileWrite(run *String, ln shellscript.Line, env *envScope, jc *jobContext) {
	m := envFileWrite.FindStringSubmatchIndex(ln.Code)
	if m == nil {
		return
	}
	file := ln.Code[m[2]:m[3]]
	t, src := s.lineTaint(run, ln, env, jc.stepOut, jc.needsOut)
	if t == clean && jc.downloads && s.events["workflow_run"] && artifactRead.MatchString(ln.Code) {
		t, src = taintEvent, "an artifact downloaded from the triggering workflow run"
	}
	if t == clean {
		return
	}
	start := strings.TrimLeft(ln.Text, " \t")
	off := ln.Start + len(ln.Text) - len(start)
	f := s.findingAt(RuleUntrustedEnvWrite, run, off, len(strings.TrimRight(start, " ")), fmt.Sprintf("%s is written from %s, which an outsider controls; later steps can be made to run attacker code", file, src))
	if t == taintEvent && s.privileged() {
		setSeverity(&f, finding.Critical)
	}
	if t == taintInput {
		setSeverity(&f, finding.Medium)
	}
	s.emit(f)
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const n = 80
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
