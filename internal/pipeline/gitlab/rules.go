package gitlab

import "github.com/socyber/codeaudit/internal/finding"

// AnalyzerName is the analyzer that owns these rules.
const AnalyzerName = "pipeline"

// Rule ids.
const (
	RuleUntrustedVariable   = "pipeline.gitlab.untrusted-variable-in-script"
	RuleMRPipelineSecrets   = "pipeline.gitlab.mr-pipeline-secrets"
	RuleJobTokenMisuse      = "pipeline.gitlab.job-token-misuse"
	RuleUnpinnedImage       = "pipeline.gitlab.unpinned-image"
	RuleUnpinnedInclude     = "pipeline.gitlab.unpinned-include"
	RuleRemoteScript        = "pipeline.gitlab.remote-script"
	RuleSecretInLog         = "pipeline.gitlab.secret-in-log"
	RuleHardcodedCredential = "pipeline.gitlab.hardcoded-credential"
)

const refVariables = "https://docs.gitlab.com/ci/variables/predefined_variables/"

func catalog() []finding.Rule {
	return []finding.Rule{
		{
			ID:          RuleUntrustedVariable,
			Title:       "Attacker-controlled CI variable evaluated as shell code",
			Description: "Merge request titles and descriptions, commit messages and branch or tag names are chosen by whoever opens the merge request or pushes. A script that passes them to eval, sh -c or another interpreter, or uses them unquoted, lets that text become commands or extra arguments.",
			Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-78",
			Remediation: "Use the variable only as quoted data, never inside code that is parsed again:\n\n    script:\n      - printf 'Building %s\\n' \"$CI_MERGE_REQUEST_TITLE\"",
			References:  []string{refVariables, "https://docs.gitlab.com/ci/variables/#use-cicd-variables-in-job-scripts"},
		},
		{
			ID:          RuleMRPipelineSecrets,
			Title:       "Merge request pipeline job reads deployment secrets",
			Description: "Merge request pipelines run the merge request's own .gitlab-ci.yml and scripts. When a maintainer runs a pipeline for a merge request from a fork in the parent project, or protected variables are exposed to merge request pipelines, the fork's code can read the secrets the job uses.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceLow, CWE: "CWE-668",
			Remediation: "Keep secrets in jobs that run only on protected branches, and mark the variables protected:\n\n    deploy:\n      rules:\n        - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n      script: ./deploy.sh",
			References:  []string{"https://docs.gitlab.com/ci/pipelines/merge_request_pipelines/#run-pipelines-in-the-parent-project"},
		},
		{
			ID:          RuleJobTokenMisuse,
			Title:       "CI_JOB_TOKEN exposed or sent outside GitLab",
			Description: "CI_JOB_TOKEN acts as the user who started the pipeline for the GitLab API, registries and other projects. Printing it, writing it to workspace files or sending it to another host hands that access to whoever reads the log, artifact or host.",
			Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-522",
			Remediation: "Send the token only to this GitLab instance, in a header, and never print it:\n\n    script:\n      - 'curl --header \"JOB-TOKEN: $CI_JOB_TOKEN\" \"$CI_API_V4_URL/projects/$CI_PROJECT_ID/packages\"'",
			References:  []string{"https://docs.gitlab.com/ci/jobs/ci_job_token/"},
		},
		{
			ID:          RuleUnpinnedImage,
			Title:       "Job image not pinned to a digest",
			Description: "An image or service referenced by tag can be re-pushed with other content; only an @sha256 digest is immutable. A missing tag or :latest moves on every push.",
			Severity:    finding.Low, Confidence: finding.ConfidenceHigh, CWE: "CWE-829",
			Remediation: "Reference images by digest:\n\n    image: python:3.12@sha256:<digest>",
			References:  []string{"https://docs.gitlab.com/ci/yaml/#image"},
		},
		{
			ID:          RuleUnpinnedInclude,
			Title:       "Pipeline configuration included from a mutable or remote source",
			Description: "include: remote: fetches configuration from a URL at pipeline time (codeaudit does not fetch it); include: project: without a commit ref follows a branch; components at ~latest or a branch move. Whoever controls that source controls the jobs.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-829",
			Remediation: "Pin the ref to a commit SHA (or add integrity: to remote includes):\n\n    include:\n      - project: my-group/ci-templates\n        ref: 3d1b8f2c5e7a9b0d4c6e8f1a3b5d7c9e0f2a4b6c\n        file: /templates/build.yml",
			References:  []string{"https://docs.gitlab.com/ci/yaml/includes/"},
		},
		{
			ID:          RuleRemoteScript,
			Title:       "Remote script piped into a shell",
			Description: "A script downloads a script and executes it without checking its integrity; whoever controls that URL runs code with the job's variables.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-494",
			Remediation: "Download, verify a pinned checksum, then run:\n\n    script:\n      - curl -fsSLo install.sh https://example.com/install.sh\n      - echo \"<sha256>  install.sh\" | sha256sum -c -\n      - sh install.sh",
			References:  []string{"https://docs.gitlab.com/ci/pipeline_security/"},
		},
		{
			ID:          RuleSecretInLog,
			Title:       "Secret variable printed to the job log",
			Description: "A script echoes a variable named like a secret, or dumps every variable with env / printenv. Masking only hides exact values that meet GitLab's masking requirements; job logs are readable by everyone with access to the pipeline.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-532",
			Remediation: "Never print secrets or the whole environment; print only what you need:\n\n    script:\n      - echo \"Deploying $CI_COMMIT_SHORT_SHA\"",
			References:  []string{"https://docs.gitlab.com/ci/variables/#mask-a-cicd-variable"},
		},
		{
			ID:          RuleHardcodedCredential,
			Title:       "Credential written in the pipeline file",
			Description: "A variables: entry holds a literal token or password, readable by anyone who can read the repository and its history.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-798",
			Remediation: "Revoke it and define a masked, protected CI/CD variable in the project settings instead; refer to it by name:\n\n    script:\n      - ./deploy.sh   # reads $DEPLOY_TOKEN from project settings",
			References:  []string{"https://docs.gitlab.com/ci/variables/#for-a-project"},
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
