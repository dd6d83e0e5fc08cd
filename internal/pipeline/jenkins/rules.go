package jenkins

import "github.com/socyber/codeaudit/internal/finding"

// AnalyzerName is the analyzer that owns these rules.
const AnalyzerName = "pipeline"

// Rule ids.
const (
	RuleCredentialInterpolation = "pipeline.jenkins.credential-interpolation"
	RuleShellInjection          = "pipeline.jenkins.shell-injection"
	RuleAgentAnyUntrusted       = "pipeline.jenkins.agent-any-untrusted"
	RuleSandboxBypass           = "pipeline.jenkins.sandbox-bypass"
	RuleInputWithoutSubmitter   = "pipeline.jenkins.input-without-submitter"
	RuleRemoteScript            = "pipeline.jenkins.remote-script"
)

const refStrings = "https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#string-interpolation"

func catalog() []finding.Rule {
	return []finding.Rule{
		{
			ID:          RuleCredentialInterpolation,
			Title:       "Credential interpolated into a shell step by Groovy",
			Description: "A credential bound by withCredentials or credentials() is interpolated into a double-quoted (GString) sh/bat/powershell script. Groovy substitutes the secret before the step runs, so it appears in the process command line (visible to other processes on the agent), in the step's recorded arguments and in any shell trace, outside the log masking.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-214",
			Remediation: "Use a single-quoted script so the shell, not Groovy, reads the variable from the environment:\n\n    withCredentials([string(credentialsId: 'api', variable: 'TOKEN')]) {\n        sh 'curl -H \"Authorization: Bearer $TOKEN\" https://api.example.com'\n    }",
			References:  []string{refStrings, "https://www.jenkins.io/doc/pipeline/steps/credentials-binding/"},
		},
		{
			ID:          RuleShellInjection,
			Title:       "Build parameter or pull request field interpolated into a shell step",
			Description: "params.* (set by anyone allowed to start the build) or env.CHANGE_* (pull request title, branch and author, written by the pull request's author) is interpolated by Groovy into a sh/bat/powershell script, so its text becomes part of the command.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-78",
			Remediation: "Pass the value through the environment and quote it in a single-quoted script:\n\n    withEnv([\"TITLE=${env.CHANGE_TITLE}\"]) {\n        sh 'echo \"$TITLE\"'\n    }",
			References:  []string{refStrings},
		},
		{
			ID:          RuleAgentAnyUntrusted,
			Title:       "Pull request builds may run on any agent",
			Description: "The pipeline builds pull requests (it checks changeRequest() or CHANGE_* variables) but lets them run on any agent, including the controller or long-lived agents that hold credentials and workspaces of trusted builds.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-668",
			Remediation: "Run untrusted builds on a dedicated, ephemeral agent label:\n\n    pipeline {\n        agent { label 'untrusted-ephemeral' }\n        ...",
			References:  []string{"https://www.jenkins.io/doc/book/security/controller-isolation/"},
		},
		{
			ID:          RuleSandboxBypass,
			Title:       "Pipeline reaches around the script security sandbox",
			Description: "The script uses Jenkins internals (Jenkins.instance), dynamic code evaluation (evaluate, GroovyShell, Eval), @Grab, class loaders or String.execute(). Outside the sandbox (in @NonCPS helpers of trusted libraries or after script approval) these run with the controller's full privileges.",
			Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-693",
			Remediation: "Use pipeline steps instead of internal APIs and never evaluate strings as code:\n\n    // instead of Jenkins.instance.getItem(name) or \"git log\".execute()\n    def log = sh(script: 'git log -1', returnStdout: true)",
			References:  []string{"https://www.jenkins.io/doc/book/managing/script-approval/"},
		},
		{
			ID:          RuleInputWithoutSubmitter,
			Title:       "input step approvable by anyone",
			Description: "An input step (typically a deployment approval) has no submitter, so any user with Build or Cancel permission on the job can approve it.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-862",
			Remediation: "Name who may approve:\n\n    input message: 'Deploy to production?', submitter: 'release-managers'",
			References:  []string{"https://www.jenkins.io/doc/pipeline/steps/pipeline-input-step/"},
		},
		{
			ID:          RuleRemoteScript,
			Title:       "Remote script piped into a shell",
			Description: "A shell step downloads a script and executes it without checking its integrity; whoever controls that URL runs code on the agent with the build's credentials.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-494",
			Remediation: "Download, verify a pinned checksum, then run:\n\n    sh '''\n      curl -fsSLo install.sh https://example.com/install.sh\n      echo \"<sha256>  install.sh\" | sha256sum -c -\n      sh install.sh\n    '''",
			References:  []string{"https://www.jenkins.io/doc/book/security/"},
		},
	}
}

type ruleBook map[string]*finding.Rule

func newRuleBook() ruleBook {
	b := ruleBook{}
	for _, r := range catalog() {
		r.Analyzer = AnalyzerName
		b[r.ID] = &r
	}
	return b
}
