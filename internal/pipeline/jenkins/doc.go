// Package jenkins audits Jenkins pipelines (declarative and scripted
// Jenkinsfiles) for secrets and untrusted values interpolated by Groovy
// into shell steps, pull request builds on any agent, script-security
// sandbox bypasses, input steps without submitter and remote scripts
// piped to a shell. It reads the file with its own Groovy lexer (see
// lexer.go) and never runs it.
package jenkins
