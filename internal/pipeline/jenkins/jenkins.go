package jenkins

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/pipeline/shellscript"
	"github.com/socyber/codeaudit/internal/pipeline/textpos"
)

// Auditor audits Jenkinsfiles; it is safe for concurrent use.
type Auditor struct {
	rules ruleBook
}

// NewAuditor returns an Auditor.
func NewAuditor() *Auditor { return &Auditor{rules: newRuleBook()} }

// Rules lists the Jenkins rules.
func (a *Auditor) Rules() []finding.Rule {
	out := []finding.Rule{}
	for _, r := range catalog() {
		out = append(out, *a.rules[r.ID])
	}
	return out
}

// IsPipelineFile reports whether a path is named like a Jenkins pipeline:
// Jenkinsfile, Jenkinsfile.*, *.jenkinsfile, *.Jenkinsfile, or a .groovy
// file whose name or directory says jenkins or pipeline.
func IsPipelineFile(p string) bool {
	name := path.Base(p)
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "Jenkinsfile"), strings.HasSuffix(lower, ".jenkinsfile"):
		return true
	case strings.HasSuffix(lower, ".groovy"):
		lp := strings.ToLower(p)
		return strings.Contains(lower, "jenkins") || strings.Contains(lower, "pipeline") || strings.Contains(lp, "jenkins/")
	}
	return false
}

// Audit checks one Jenkinsfile.
func (a *Auditor) Audit(ctx context.Context, p string, content []byte, out analyzer.Emitter) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: audit failure: %v", p, r)
		}
	}()
	toks, lexErr := Lex(content)
	if len(toks) == 0 && lexErr != nil {
		return fmt.Errorf("%s: %w", p, lexErr)
	}
	if lexErr != nil {
		out.Warn(p, fmt.Sprintf("only partly read: %v", lexErr))
	}
	s := &scan{a: a, path: p, file: textpos.New(content), out: out, toks: toks}
	s.indexBrackets()
	s.collectCredentials()
	s.collectNonCPS()
	for i := range toks {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		s.at(i)
	}
	s.auditAgent()
	return nil
}

type scan struct {
	a      *Auditor
	path   string
	file   *textpos.File
	out    analyzer.Emitter
	toks   []Token
	creds  map[string]bool
	nonCPS [][2]int // token index ranges of @NonCPS method bodies
	// closer maps the index of each (, [ and { token to the index of its
	// closing token (the last token when it is never closed).
	closer map[int]int
}

// indexBrackets pairs brackets in one pass, so that finding a step's
// arguments stays linear even in files full of unclosed brackets.
func (s *scan) indexBrackets() {
	s.closer = map[int]int{}
	var stack []int
	pairs := map[string]string{")": "(", "]": "[", "}": "{"}
	for i, t := range s.toks {
		if t.Kind != Punct {
			continue
		}
		switch t.Text {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			// Pop to the matching opener; openers left unmatched on the
			// way close here too.
			for len(stack) > 0 {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				s.closer[top] = i
				if s.toks[top].Text == pairs[t.Text] {
					break
				}
			}
		}
	}
	for _, i := range stack {
		s.closer[i] = len(s.toks) - 1
	}
}

func (s *scan) tok(i int) Token {
	if i >= 0 && i < len(s.toks) {
		return s.toks[i]
	}
	return Token{}
}

func (s *scan) is(i int, k Kind, text string) bool {
	t := s.tok(i)
	return t.Kind == k && t.Text == text
}

func (s *scan) finding(id string, start, end int, msg string) finding.Finding {
	l1, c1 := s.file.Pos(start)
	l2, c2 := s.file.Pos(end)
	if l2 != l1 {
		l2, c2 = l1, c1+1
	}
	return finding.New(s.a.rules[id], finding.Location{Path: s.path, StartLine: l1, StartColumn: c1, EndLine: l2, EndColumn: c2}, msg)
}

// credentialBinders name the parameters of credential bindings that hold
// the variable name a secret is bound to.
var credentialBinders = map[string]bool{
	"variable": true, "usernameVariable": true, "passwordVariable": true,
	"keyFileVariable": true, "passphraseVariable": true, "tokenVariable": true,
	"sshUserPrivateKeyVariable": true,
}

// collectCredentials finds the names credentials are bound to, from
// withCredentials bindings and environment { X = credentials('id') }.
func (s *scan) collectCredentials() {
	s.creds = map[string]bool{}
	for i, t := range s.toks {
		if t.Kind == Ident && credentialBinders[t.Text] && s.is(i+1, Punct, ":") && s.tok(i+2).Kind == String {
			s.creds[s.tok(i+2).Text] = true
		}
		if t.Kind == Ident && s.is(i+1, Punct, "=") && s.is(i+2, Ident, "credentials") && s.is(i+3, Punct, "(") {
			s.creds[t.Text] = true
			s.creds[t.Text+"_USR"] = true
			s.creds[t.Text+"_PSW"] = true
		}
	}
}

// collectNonCPS records the bodies of @NonCPS methods.
func (s *scan) collectNonCPS() {
	for i, t := range s.toks {
		if t.Kind != Annotation || t.Text != "NonCPS" {
			continue
		}
		for j := i + 1; j < len(s.toks); j++ {
			if s.is(j, Punct, "{") {
				s.nonCPS = append(s.nonCPS, [2]int{j, s.matching(j)})
				break
			}
		}
	}
}

func (s *scan) inNonCPS(i int) bool {
	for _, r := range s.nonCPS {
		if i > r[0] && i < r[1] {
			return true
		}
	}
	return false
}

// matching returns the index of the token closing the bracket at i.
func (s *scan) matching(i int) int {
	if j, ok := s.closer[i]; ok {
		return j
	}
	return len(s.toks) - 1
}

// shellSteps run their string argument in a shell.
var shellSteps = map[string]bool{"sh": true, "bat": true, "powershell": true, "pwsh": true}

func (s *scan) at(i int) {
	t := s.toks[i]
	prevDot := s.is(i-1, Punct, ".") && !s.is(i-2, Ident, "steps")
	switch {
	case t.Kind == Ident && shellSteps[t.Text] && !prevDot:
		s.auditShellStep(i)
	case t.Kind == Ident && t.Text == "input" && !prevDot:
		s.auditInput(i)
	}
	s.auditBypass(i)
}

// maxArgTokens bounds the arguments examined for one step; real steps
// have far fewer, and unclosed brackets must not make the scan quadratic.
const maxArgTokens = 512

// argRange returns the token range [from, to) of a step's arguments.
func (s *scan) argRange(i int) (int, int) {
	from := i + 1
	if s.is(from, Punct, "(") || s.is(from, Punct, "{") {
		return from + 1, min(s.matching(from), from+1+maxArgTokens)
	}
	line, _ := s.file.Pos(s.tok(i).Start)
	to := from
	for to < len(s.toks) && to-from < maxArgTokens {
		l, _ := s.file.Pos(s.toks[to].Start)
		if l != line {
			prev := s.tok(to - 1)
			if prev.Kind == Punct && (prev.Text == "+" || prev.Text == "," || prev.Text == ":") {
				line = l
			} else {
				break
			}
		}
		// A multi-line string moves the current line to its end.
		if s.toks[to].Kind == String {
			line, _ = s.file.Pos(s.toks[to].End)
		}
		to++
	}
	return from, to
}

// untrustedExpr matches Groovy expressions whose value an outsider or a
// build user chooses.
var untrustedExpr = regexp.MustCompile(`^\s*(?:(?:env\.)?(CHANGE_(?:TITLE|BRANCH|AUTHOR|AUTHOR_DISPLAY_NAME|AUTHOR_EMAIL|FORK|URL))\b|(params)\s*(?:\.|\[|\?\.)|(?:env\.)?(BRANCH_NAME|GIT_BRANCH|TAG_NAME)\b)`)

var identRe = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

func (s *scan) auditShellStep(i int) {
	from, to := s.argRange(i)
	step := s.tok(i).Text
	for j := from; j < to && j < len(s.toks); j++ {
		t := s.toks[j]
		// Named arguments other than script: are not the command.
		if t.Kind == Ident && s.is(j+1, Punct, ":") && t.Text != "script" {
			j += 2
			continue
		}
		switch {
		case t.Kind == String:
			if !t.GString() || t.Quote == "/" || t.Quote == "$/" {
				s.auditRemote(t)
				continue
			}
			s.auditRemote(t)
			for _, in := range t.Interps {
				s.auditInterp(step, in)
			}
		case t.Kind == Ident && (t.Text == "params" || t.Text == "env") && s.is(j+1, Punct, ".") && s.tok(j+2).Kind == Ident:
			expr := t.Text + "." + s.tok(j+2).Text
			if m := untrustedExpr.FindStringSubmatch(expr); m != nil {
				s.reportInjection(step, t.Start, s.tok(j+2).End, expr, m, "concatenated into")
			}
		}
	}
}

func (s *scan) auditInterp(step string, in Interp) {
	for _, id := range identRe.FindAllString(in.Expr, -1) {
		if s.creds[id] {
			s.out.Emit(s.finding(RuleCredentialInterpolation, in.Start, in.End, fmt.Sprintf("credential %s is interpolated by Groovy into the %s script, so the secret is part of the command line; use a single-quoted script and let the shell read $%s", id, step, id)))
			return
		}
		if id != "env" {
			break // only the leading identifier (or env.X) names the value
		}
	}
	if m := untrustedExpr.FindStringSubmatch(in.Expr); m != nil {
		s.reportInjection(step, in.Start, in.End, strings.TrimSpace(in.Expr), m, "interpolated into")
	}
}

func (s *scan) reportInjection(step string, start, end int, expr string, m []string, how string) {
	who := "the pull request's author"
	switch {
	case m[2] == "params":
		who = "anyone allowed to start the build"
	case m[3] != "":
		who = "whoever can push a branch or tag (git allows $, ;, ` and | in names)"
	}
	f := s.finding(RuleShellInjection, start, end, fmt.Sprintf("%s is %s the %s script by Groovy; %s controls its text and can run commands on the agent", expr, how, step, who))
	switch {
	case m[2] == "params":
		f.Confidence = finding.ConfidenceMedium
	case m[3] != "":
		f.Severity, f.SecuritySeverity = finding.Medium, finding.Medium.Score()
		f.Confidence = finding.ConfidenceMedium
	}
	s.out.Emit(f)
}

func (s *scan) auditRemote(t Token) {
	for _, sp := range shellscript.RemoteExec(shellText(t)) {
		s.out.Emit(s.finding(RuleRemoteScript, t.ContentStart+sp.Start, t.ContentStart+sp.End, "script downloaded and executed without an integrity check: "+clip(sp.Command)))
	}
}

// shellText is the script a quoted Groovy string hands to the shell, at
// the same offsets as its raw text: Groovy turns \\ into one backslash, so
// a shell line continuation is written \\ at the end of a line. Slashy
// strings keep backslashes as they are.
func shellText(t Token) string {
	if t.Quote == "/" || t.Quote == "$/" || !strings.Contains(t.Text, `\\`) {
		return t.Text
	}
	b := []byte(t.Text)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == '\\' {
			if b[i+1] == '\\' {
				b[i] = ' ' // keep the offsets: the escape becomes a space
			}
			i++
		}
	}
	return string(b)
}

// auditInput reports an input step with no submitter.
func (s *scan) auditInput(i int) {
	next := s.tok(i + 1)
	switch {
	case next.Kind == String, next.Kind == Punct && (next.Text == "(" || next.Text == "{"):
	case next.Kind == Ident && s.is(i+2, Punct, ":"):
	default:
		return
	}
	from, to := s.argRange(i)
	for j := from; j < to && j < len(s.toks); j++ {
		if s.is(j, Ident, "submitter") {
			return
		}
	}
	t := s.tok(i)
	s.out.Emit(s.finding(RuleInputWithoutSubmitter, t.Start, t.End, "input step without submitter: any user who can build or cancel this job can approve it"))
}

// auditBypass reports sandbox-escaping API use at token i.
func (s *scan) auditBypass(i int) {
	t := s.toks[i]
	what := ""
	switch {
	case t.Kind == Ident && (t.Text == "Jenkins" || t.Text == "Hudson") && s.is(i+1, Punct, ".") && s.tok(i+2).Kind == Ident:
		switch s.tok(i + 2).Text {
		case "instance", "getInstance", "get", "getActiveInstance", "getInstanceOrNull":
			what = t.Text + "." + s.tok(i+2).Text + " (Jenkins internals)"
		}
	case t.Kind == Ident && (t.Text == "GroovyShell" || t.Text == "GroovyClassLoader" || t.Text == "ProcessBuilder") && s.is(i-1, Ident, "new"):
		what = "new " + t.Text
	case t.Kind == Ident && t.Text == "Eval" && s.is(i+1, Punct, ".") && s.tok(i+2).Kind == Ident:
		what = "Eval." + s.tok(i+2).Text + " (evaluates a string as code)"
	case t.Kind == Ident && t.Text == "evaluate" && s.is(i+1, Punct, "(") && !s.is(i-1, Punct, "."):
		what = "evaluate() (evaluates a string as code)"
	case t.Kind == Annotation && (t.Text == "Grab" || t.Text == "groovy.lang.Grab" || t.Text == "Grapes"):
		what = "@" + t.Text + " (downloads and loads a library at run time)"
	case t.Kind == Ident && (t.Text == "getClassLoader" || t.Text == "classLoader") && s.is(i-1, Punct, "."):
		what = "class loader access"
	case t.Kind == Ident && t.Text == "Runtime" && s.is(i+1, Punct, ".") && s.is(i+2, Ident, "getRuntime"):
		what = "Runtime.getRuntime()"
	case t.Kind == Ident && t.Text == "execute" && s.is(i-1, Punct, ".") && s.is(i+1, Punct, "(") && (s.tok(i-2).Kind == String || s.is(i-2, Punct, "]")):
		what = "String.execute() (runs a process on the controller)"
	}
	if what == "" {
		return
	}
	msg := fmt.Sprintf("%s bypasses the pipeline sandbox and runs with the controller's privileges when approved or loaded from a trusted library", what)
	if s.inNonCPS(i) {
		msg += "; it sits in a @NonCPS method, which is where such calls usually escape review"
	}
	s.out.Emit(s.finding(RuleSandboxBypass, t.Start, t.End, msg))
}

// buildsChangeRequests reports whether the file builds pull requests.
func (s *scan) buildsChangeRequests() bool {
	for _, t := range s.toks {
		switch {
		case t.Kind == Ident && (t.Text == "changeRequest" || strings.HasPrefix(t.Text, "CHANGE_")):
			return true
		case t.Kind == String && strings.Contains(t.Text, "CHANGE_"):
			return true
		}
	}
	return false
}

// auditAgent reports agent any (or a label-less node) in a pipeline that
// builds pull requests.
func (s *scan) auditAgent() {
	if !s.buildsChangeRequests() {
		return
	}
	for i, t := range s.toks {
		switch {
		case t.Kind == Ident && t.Text == "agent" && s.is(i+1, Ident, "any"):
			s.out.Emit(s.finding(RuleAgentAnyUntrusted, t.Start, s.tok(i+1).End, "agent any lets pull request builds run on any agent, including ones that hold credentials of trusted builds"))
			return
		case t.Kind == Ident && t.Text == "node" && !s.is(i-1, Punct, ".") && (s.is(i+1, Punct, "{") || s.is(i+1, Punct, "(") && s.is(i+2, Punct, ")")):
			s.out.Emit(s.finding(RuleAgentAnyUntrusted, t.Start, t.End, "node without a label lets pull request builds run on any agent, including ones that hold credentials of trusted builds"))
			return
		}
	}
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
