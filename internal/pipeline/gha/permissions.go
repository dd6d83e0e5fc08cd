package gha

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
)

// auditPermissionsAll reports permissions: write-all.
func (s *scan) auditPermissionsAll(p *Permissions) {
	if p == nil || p.All == nil {
		return
	}
	if strings.EqualFold(strings.TrimSpace(p.All.Value), "write-all") {
		f := s.findingOn(RuleExcessivePermissions, p.All, "permissions: write-all gives the GITHUB_TOKEN write access to every scope")
		setSeverity(&f, finding.High)
		f.Confidence = finding.ConfidenceHigh
		s.emit(f)
	}
}

// auditMissingPermissions reports a job that runs with the default token
// permissions because neither it nor the workflow declares any.
func (s *scan) auditMissingPermissions(j *Job) {
	if s.wf == nil || s.wf.Permissions != nil || j.Permissions != nil {
		return
	}
	s.emit(s.findingOn(RuleExcessivePermissions, j.ID, fmt.Sprintf("job %s declares no permissions: (nor does the workflow), so its GITHUB_TOKEN gets the repository default, which is read-write on many repositories", j.ID.Value)))
}

// readOnlyActions never use the workflow token for writes.
var readOnlyActions = map[string]bool{
	"actions/checkout": true, "actions/cache": true, "actions/upload-artifact": true,
	"actions/download-artifact": true,
}

// tokenWords are (lower-case) marks of script text that talks to GitHub
// or a registry with a token. Plain substring tests keep this cheap: it
// runs over every script of every job.
var tokenWords = []string{"github_token", "github.token", "api.github.com", "actions_id_token", "ghcr.io", "publish", "release", "git push", "git tag", "docker push"}

// tokenCommands are commands that use the token, matched at word start.
var tokenCommands = regexp.MustCompile(`(?:^|[\s;&|(])(?:gh|hub)\s`)

// mentionsToken reports whether text may use the token.
func mentionsToken(text string) bool {
	lower := strings.ToLower(text)
	for _, w := range tokenWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return (strings.Contains(lower, "gh ") || strings.Contains(lower, "hub ")) && tokenCommands.MatchString(lower)
}

// usesToken reports whether any step of a job may use the token.
func usesToken(j *Job) bool {
	if j.WorkflowCall != nil {
		return true
	}
	for _, st := range j.Steps {
		if st == nil {
			continue
		}
		if st.Uses != nil {
			name, _ := actionName(st.Uses)
			repo := repoOf(name)
			if strings.HasPrefix(name, "./") || !(readOnlyActions[repo] || strings.HasPrefix(repo, "actions/setup-")) {
				return true
			}
			for _, in := range st.Inputs {
				if in != nil && in.Value != nil && mentionsToken(in.Value.Value) {
					return true
				}
			}
		}
		if st.Run != nil && mentionsToken(st.Run.Value) {
			return true
		}
		if st.Env != nil {
			for _, v := range st.Env.Vars {
				if v != nil && v.Value != nil && mentionsToken(v.Value.Value) {
					return true
				}
			}
		}
	}
	if j.Env != nil {
		for _, v := range j.Env.Vars {
			if v != nil && v.Value != nil && mentionsToken(v.Value.Value) {
				return true
			}
		}
	}
	return false
}

func writeScopes(p *Permissions) []*PermissionScope {
	if p == nil {
		return nil
	}
	var out []*PermissionScope
	for _, sc := range p.Scopes {
		if sc != nil && sc.Value != nil && strings.EqualFold(strings.TrimSpace(sc.Value.Value), "write") {
			out = append(out, sc)
		}
	}
	sort.Slice(out, func(i, k int) bool { return out[i].Name.Value < out[k].Name.Value })
	return out
}

// auditUnusedWrites reports job-level write scopes in a job that never
// uses the token.
func (s *scan) auditUnusedWrites(j *Job) {
	if j.Permissions == nil || usesToken(j) {
		return
	}
	for _, sc := range writeScopes(j.Permissions) {
		s.emit(s.findingOn(RuleExcessivePermissions, sc.Value, fmt.Sprintf("job %s grants %s: write but none of its steps uses the GITHUB_TOKEN", j.ID.Value, sc.Name.Value)))
	}
}

// auditWorkflowPermissions reports workflow-level write scopes that no
// job inheriting them uses.
func (s *scan) auditWorkflowPermissions(jobs []*Job) {
	if s.wf == nil {
		return
	}
	scopes := writeScopes(s.wf.Permissions)
	if len(scopes) == 0 {
		return
	}
	inheriting := slices.DeleteFunc(slices.Clone(jobs), func(j *Job) bool { return j.Permissions != nil })
	if len(inheriting) == 0 || slices.ContainsFunc(inheriting, usesToken) {
		return
	}
	for _, sc := range scopes {
		s.emit(s.findingOn(RuleExcessivePermissions, sc.Value, fmt.Sprintf("the workflow grants %s: write to every job but no job uses the GITHUB_TOKEN", sc.Name.Value)))
	}
}

// auditCheckoutCredentials reports checkouts that keep the token in
// .git/config in jobs that upload artifacts.
func (s *scan) auditCheckoutCredentials(jc *jobContext, steps []*Step) {
	if !jc.uploads {
		return
	}
	for i, st := range steps {
		name, _ := actionName(usesOf(st))
		if repoOf(name) != "actions/checkout" {
			continue
		}
		if in := input(st, "persist-credentials"); in != nil && strings.EqualFold(strings.TrimSpace(in.Value.Value), "false") {
			continue
		}
		// Only uploads after the checkout can carry its .git/config.
		if !slices.ContainsFunc(steps[i+1:], func(x *Step) bool { return isUpload(usesOf(x)) }) {
			continue
		}
		f := s.findingOn(RulePersistedCredentials, st.Uses, "actions/checkout keeps the GITHUB_TOKEN in .git/config (persist-credentials is not false) and this job later uploads an artifact")
		for _, x := range steps[i+1:] {
			if isUpload(usesOf(x)) {
				if in := input(x, "path"); in != nil && wholeWorkspace(in.Value.Value) {
					f.Confidence = finding.ConfidenceHigh
					f.Message = "actions/checkout keeps the GITHUB_TOKEN in .git/config (persist-credentials is not false) and this job uploads the whole workspace, .git included, as an artifact"
				}
			}
		}
		s.emit(f)
	}
}

func wholeWorkspace(p string) bool {
	for _, l := range strings.Split(p, "\n") {
		switch strings.TrimSpace(l) {
		case ".", "./", "${{ github.workspace }}", "$GITHUB_WORKSPACE", "**", "*":
			return true
		}
	}
	return false
}

// publishActions publish packages, images or releases.
var publishActions = map[string]bool{
	"pypa/gh-action-pypi-publish": true, "softprops/action-gh-release": true, "goreleaser/goreleaser-action": true,
	"ncipollo/release-action": true, "js-devtools/npm-publish": true, "docker/build-push-action": true,
	"rubygems/release-gem": true, "changesets/action": true, "actions/create-release": true,
}

// publishes reports whether a step publishes something.
func publishes(st *Step) bool {
	if st == nil {
		return false
	}
	if name, _ := actionName(st.Uses); publishActions[repoOf(name)] {
		return true
	}
	return st.Run != nil && (mayPublish(st.Run.Value) && publishCommand.MatchString(st.Run.Value) || strings.Contains(st.Run.Value, "docker push") || strings.Contains(st.Run.Value, "gh release create"))
}

// releaseWorkflow reports whether the workflow is triggered by releases
// or by pushing tags.
func (s *scan) releaseWorkflow() bool {
	return s.events["release"] || s.events["registry_package"] || s.wf != nil && s.wf.TagPush
}

// auditCaches reports cache restores in release or publishing jobs.
func (s *scan) auditCaches(jc *jobContext, steps []*Step) {
	why := ""
	switch {
	case s.releaseWorkflow():
		why = "this workflow runs on releases"
	case jc.publishes:
		why = "this job publishes"
	default:
		return
	}
	for _, st := range steps {
		if st == nil || st.Uses == nil {
			continue
		}
		name, _ := actionName(st.Uses)
		restores := false
		switch {
		case name == "actions/cache" || name == "actions/cache/restore":
			restores = true
		case repoOf(name) == "actions/setup-go":
			// setup-go caches by default since v4.
			in := input(st, "cache")
			restores = in == nil || !strings.EqualFold(strings.TrimSpace(in.Value.Value), "false")
		case strings.HasPrefix(repoOf(name), "actions/setup-"):
			in := input(st, "cache")
			restores = in != nil && strings.TrimSpace(in.Value.Value) != "" && !strings.EqualFold(strings.TrimSpace(in.Value.Value), "false")
		case repoOf(name) == "ruby/setup-ruby":
			in := input(st, "bundler-cache")
			restores = in != nil && strings.EqualFold(strings.TrimSpace(in.Value.Value), "true")
		case repoOf(name) == "astral-sh/setup-uv":
			in := input(st, "enable-cache")
			restores = in != nil && strings.EqualFold(strings.TrimSpace(in.Value.Value), "true")
		}
		if restores {
			s.emit(s.findingOn(RuleCachePoisoning, st.Uses, fmt.Sprintf("%s restores a cache that untrusted workflows can write, and %s; a poisoned entry would be built into the release", name, why)))
		}
	}
}
