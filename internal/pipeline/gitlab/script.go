package gitlab

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/pipeline/credential"
	"github.com/socyber/codeaudit/internal/pipeline/shellscript"
)

// scriptLines flattens a script: value (a string or nested sequences of
// strings, as !reference and anchors produce) into scalar nodes.
func scriptLines(n *yaml.Node, depth int, fn func(*yaml.Node)) {
	n = resolve(n)
	if n == nil || depth > maxScriptDepth || n.Tag == "!reference" {
		return // !reference [job, key] points at a script audited where it is defined
	}
	switch n.Kind {
	case yaml.ScalarNode:
		fn(n)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			scriptLines(c, depth+1, fn)
		}
	}
}

// auditScript audits a script, before_script or after_script value.
func (s *scan) auditScript(script *yaml.Node, tainted map[string]string, mr bool) {
	reportedMR := false
	scriptLines(script, 0, func(item *yaml.Node) {
		for _, sp := range shellscript.RemoteExec(item.Value) {
			s.out.Emit(s.findingAt(RuleRemoteScript, item, sp.Start, sp.End-sp.Start, "script downloaded and executed without an integrity check: "+clip(sp.Command)))
		}
		for _, ln := range shellscript.Lines(item.Value) {
			s.auditUntrusted(item, ln, tainted)
			s.auditSecretPrint(item, ln)
			s.auditJobToken(item, ln)
			if mr && !reportedMR {
				reportedMR = s.auditMRSecret(item, ln)
			}
		}
	})
}

// printsArgs matches commands that only print their arguments.
var printsArgs = regexp.MustCompile(`^\s*(?:echo|printf)\b`)

func (s *scan) auditUntrusted(item *yaml.Node, ln shellscript.Line, tainted map[string]string) {
	for _, m := range varRef.FindAllStringSubmatchIndex(ln.Code, -1) {
		if m[2] < 0 {
			continue
		}
		name := ln.Code[m[2]:m[3]]
		src, root := name, name
		if !untrustedVars[name] {
			t, ok := tainted[name]
			if !ok {
				continue
			}
			src, root = name+" (set from "+t+")", t
		}
		at := m[0]
		q, quoted := shellscript.Quoted(ln.Code, at)
		if q == '\'' {
			continue // no expansion inside single quotes
		}
		switch {
		case shellscript.Reparsed(ln.Code, at):
			f := s.findingAt(RuleUntrustedVariable, item, ln.Start+at, m[1]-m[0], fmt.Sprintf("$%s is parsed again as shell code here; whoever writes it (%s) can run commands in this job", name, src))
			f.Confidence = finding.ConfidenceHigh
			s.out.Emit(f)
			return
		case !quoted && freeTextVars[root] && !printsArgs.MatchString(ln.Code):
			f := s.findingAt(RuleUntrustedVariable, item, ln.Start+at, m[1]-m[0], fmt.Sprintf("$%s is used unquoted, so its text (%s) is split into extra arguments and glob patterns", name, src))
			setSeverity(&f, finding.Medium)
			f.Confidence = finding.ConfidenceLow
			s.out.Emit(f)
			return
		}
	}
}

// envDump matches commands that print every variable.
var envDump = regexp.MustCompile(`^\s*(?:env|printenv|export|set)\s*(?:$|\|)`)

func (s *scan) auditSecretPrint(item *yaml.Node, ln shellscript.Line) {
	code := ln.Code
	indent := len(code) - len(strings.TrimLeft(code, " \t"))
	if envDump.MatchString(code) {
		s.out.Emit(s.findingAt(RuleSecretInLog, item, ln.Start+indent, len(strings.TrimSpace(code)), "the whole environment, CI/CD variables and secrets included, is printed to the job log"))
		return
	}
	if !shellscript.Prints(code) {
		return
	}
	for _, m := range varRef.FindAllStringSubmatch(code, -1) {
		name := m[1] + m[2]
		if name == "CI_JOB_TOKEN" || strings.HasPrefix(name, "CI_") || !credential.SecretName(name) {
			continue
		}
		s.out.Emit(s.findingAt(RuleSecretInLog, item, ln.Start+indent, len(strings.TrimSpace(code)), fmt.Sprintf("$%s is printed to the job log; masking misses any transformed form of it", name)))
		return
	}
}

// gitlabHost matches the host part of URLs of this GitLab instance: its
// predefined variables, or a host named like a GitLab server.
var gitlabHost = regexp.MustCompile(`^(?:\$\{?CI_(?:API_V4_URL|API_GRAPHQL_URL|SERVER_URL|SERVER_HOST|SERVER_FQDN|REGISTRY|PROJECT_URL|REPOSITORY_URL|DEPENDENCY_PROXY_SERVER)\b|[^/]*gitlab[^/]*$)`)

// anyURL matches URLs, and $CI_… URL variables used as URL prefixes.
var anyURL = regexp.MustCompile(`https?://[^\s"']+|\$\{?CI_[A-Z0-9_]*URL\}?[^\s"']*`)

// urlHost returns the host of a URL without scheme and user info (so that
// https://gitlab-ci-token:$CI_JOB_TOKEN@example.com is example.com).
func urlHost(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	} else {
		return u // a $CI_…URL variable
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		u = u[i+1:]
	}
	return u
}

var netTool = regexp.MustCompile(`\b(?:curl|wget|http|Invoke-WebRequest|Invoke-RestMethod|git\s+(?:clone|fetch|push|remote\s+(?:add|set-url)))\b`)

func (s *scan) auditJobToken(item *yaml.Node, ln shellscript.Line) {
	code := ln.Code
	i := strings.Index(code, "CI_JOB_TOKEN")
	if i < 0 {
		return
	}
	at := strings.LastIndexByte(code[:i], '$')
	if at < 0 {
		at = i
	}
	report := func(msg string) {
		s.out.Emit(s.findingAt(RuleJobTokenMisuse, item, ln.Start+at, i+len("CI_JOB_TOKEN")-at, msg))
	}
	if shellscript.Prints(code) {
		report("CI_JOB_TOKEN is printed to the job log")
		return
	}
	if target, ok := shellscript.WritesFile(code); ok && !strings.HasPrefix(target, "~") && !strings.Contains(target, "HOME") && !strings.Contains(target, ".netrc") && !strings.Contains(target, "config.json") {
		report(fmt.Sprintf("CI_JOB_TOKEN is written to %s, which can end up in artifacts or caches", target))
		return
	}
	if netTool.MatchString(code) {
		for _, u := range anyURL.FindAllString(code, -1) {
			if !gitlabHost.MatchString(urlHost(u)) {
				report(fmt.Sprintf("CI_JOB_TOKEN is sent to %s, which is not this GitLab instance", clip(urlHost(u))))
				return
			}
		}
	}
}

func (s *scan) auditMRSecret(item *yaml.Node, ln shellscript.Line) bool {
	for _, m := range varRef.FindAllStringSubmatchIndex(ln.Code, -1) {
		if m[2] < 0 {
			continue
		}
		name := ln.Code[m[2]:m[3]]
		if strings.HasPrefix(name, "CI_") || !credential.SecretName(name) {
			continue
		}
		s.out.Emit(s.findingAt(RuleMRPipelineSecrets, item, ln.Start+m[0], m[1]-m[0], fmt.Sprintf("this job runs in merge request pipelines, where the merge request's own code runs, and reads the secret $%s", name)))
		return true
	}
	return false
}

// auditImage reports an image: not pinned by digest.
func (s *scan) auditImage(img *yaml.Node) {
	if img != nil && img.Kind == yaml.MappingNode {
		img = get(img, "name")
	}
	if !isScalar(img) {
		return
	}
	v := strings.TrimSpace(img.Value)
	if v == "" || strings.Contains(v, "$") || strings.Contains(v, "@sha256:") {
		return
	}
	f := s.findingOn(RuleUnpinnedImage, img, fmt.Sprintf("image %s is referenced by tag; the tag can be re-pushed with other content", v))
	last := v[strings.LastIndex(v, "/")+1:]
	if !strings.Contains(last, ":") || strings.HasSuffix(last, ":latest") {
		setSeverity(&f, finding.Medium)
		f.Message = fmt.Sprintf("image %s follows the moving latest tag", v)
	}
	s.out.Emit(f)
}

func (s *scan) auditServices(svcs *yaml.Node) {
	for _, svc := range items(svcs) {
		s.auditImage(svc)
	}
}

var fullSHA = regexp.MustCompile(`^[0-9a-f]{40}$`)

// versionTag matches release tags such as v1.2.3 or 2.0.
var versionTag = regexp.MustCompile(`^v?\d+(?:\.\d+)*$`)

// auditIncludes reports mutable includes and returns local include paths.
func (s *scan) auditIncludes(inc *yaml.Node) []string {
	var list []*yaml.Node
	if inc == nil {
		return nil
	}
	if inc.Kind == yaml.SequenceNode {
		list = items(inc)
	} else {
		list = []*yaml.Node{inc}
	}
	var locals []string
	for _, it := range list {
		if isScalar(it) {
			v := strings.TrimSpace(it.Value)
			if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
				s.out.Emit(s.findingOn(RuleUnpinnedInclude, it, fmt.Sprintf("configuration included from %s, fetched at pipeline time without an integrity check (not fetched by this scan)", clip(v))))
				continue
			}
			locals = append(locals, v)
			continue
		}
		if l := get(it, "local"); isScalar(l) {
			locals = append(locals, strings.TrimSpace(l.Value))
		}
		if r := get(it, "remote"); isScalar(r) && get(it, "integrity") == nil {
			s.out.Emit(s.findingOn(RuleUnpinnedInclude, r, fmt.Sprintf("configuration included from %s, fetched at pipeline time without an integrity check (not fetched by this scan)", clip(r.Value))))
		}
		if p := get(it, "project"); isScalar(p) {
			ref := get(it, "ref")
			switch {
			case !isScalar(ref):
				s.out.Emit(s.findingOn(RuleUnpinnedInclude, p, fmt.Sprintf("configuration included from project %s without ref:, so it follows that project's default branch", p.Value)))
			case !fullSHA.MatchString(strings.TrimSpace(ref.Value)) && !strings.Contains(ref.Value, "$"):
				f := s.findingOn(RuleUnpinnedInclude, ref, fmt.Sprintf("configuration included from project %s at ref %q, which can be moved; pin a commit SHA", p.Value, ref.Value))
				if versionTag.MatchString(strings.TrimSpace(ref.Value)) {
					setSeverity(&f, finding.Low) // a release tag, usually protected
				}
				s.out.Emit(f)
			}
		}
		if c := get(it, "component"); isScalar(c) {
			_, ver, _ := strings.Cut(c.Value, "@")
			if !fullSHA.MatchString(ver) {
				f := s.findingOn(RuleUnpinnedInclude, c, fmt.Sprintf("component %s is referenced by %q, which can move; pin a commit SHA", c.Value, ver))
				if versionTag.MatchString(ver) {
					setSeverity(&f, finding.Low)
				}
				s.out.Emit(f)
			}
		}
	}
	return locals
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
