// Package gitlab audits GitLab CI configuration (.gitlab-ci.yml and the
// files it includes with include: local:) for script injection through
// predefined variables, secrets exposed to merge request pipelines,
// CI_JOB_TOKEN misuse, unpinned images and includes, remote scripts piped
// to a shell, secrets printed to the log and literal credentials.
//
// Files are read with go.yaml.in/yaml/v3, whose nodes carry line and
// column. Remote includes are never fetched.
package gitlab
