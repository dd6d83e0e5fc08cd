// Package pipeline audits CI/CD pipeline definitions for supply-chain and
// injection weaknesses: GitHub Actions workflows and composite actions
// (sub-package gha), GitLab CI files with their local includes (gitlab)
// and Jenkinsfiles (jenkins).
//
// New returns one analyzer for the "pipeline" scanner. It is a
// FileAnalyzer (every recognised pipeline file is audited on its own) and
// a ProjectAnalyzer (GitLab include: local: files that are not named like
// pipeline files are found by following .gitlab-ci.yml). It never
// executes, fetches or sends anything: remote includes are reported, not
// downloaded.
package pipeline
