package gha

import "github.com/socyber/codeaudit/internal/finding"

// AnalyzerName is the analyzer that owns these rules.
const AnalyzerName = "pipeline"

// Rule ids. An id is never reused for another meaning.
const (
	RuleExpressionInjection  = "pipeline.gha.expression-injection"
	RuleUntrustedCheckout    = "pipeline.gha.untrusted-checkout"
	RuleUnpinnedAction       = "pipeline.gha.unpinned-action"
	RuleUnpinnedImage        = "pipeline.gha.unpinned-image"
	RuleExcessivePermissions = "pipeline.gha.excessive-permissions"
	RuleOversharedSecrets    = "pipeline.gha.overshared-secrets"
	RuleSecretInLog          = "pipeline.gha.secret-in-log"
	RuleSecretInFile         = "pipeline.gha.secret-in-file"
	RuleUntrustedEnvWrite    = "pipeline.gha.untrusted-env-write"
	RuleUnsecureCommands     = "pipeline.gha.unsecure-commands"
	RulePersistedCredentials = "pipeline.gha.persisted-credentials"
	RuleCachePoisoning       = "pipeline.gha.cache-poisoning"
	RuleSelfHostedRunner     = "pipeline.gha.self-hosted-runner"
	RuleAlwaysTrueIf         = "pipeline.gha.always-true-if"
	RuleSpoofableBotCheck    = "pipeline.gha.spoofable-bot-check"
	RuleRemoteScript         = "pipeline.gha.remote-script"
	RuleHardcodedCredential  = "pipeline.gha.hardcoded-credential"
	RuleLongLivedToken       = "pipeline.gha.long-lived-publish-token"
	RuleKnownVulnerable      = "pipeline.gha.known-vulnerable-action"
	RuleDangerousTrigger     = "pipeline.gha.dangerous-trigger"
	RuleUnsoundContains      = "pipeline.gha.unsound-contains"
	RuleUnmaskedSecretField  = "pipeline.gha.unmasked-secret-field"
)

const (
	refExpressions = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections"
	refHardening   = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions"
	refPermissions = "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions"
	refTriggers    = "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request_target"
	refWorkflowCmd = "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#setting-an-environment-variable"
	refPublishing  = "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect"
	refSelfHosted  = "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security"
)

// catalog is the metadata of every GitHub Actions audit, in one place.
func catalog() []finding.Rule {
	return []finding.Rule{
		{
			ID:          RuleExpressionInjection,
			Title:       "Attacker-controlled expression expanded into a script",
			Description: "A ${{ }} expression whose value an outsider controls (issue or pull request titles and bodies, comments, branch names, commit messages, workflow inputs, or outputs and env vars derived from them) is pasted into a run: script or an actions/github-script script before it runs, so the text becomes code.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-94",
			Remediation: "Pass the value through an environment variable and quote it in the script; the shell then treats it as data:\n\n    - env:\n        TITLE: ${{ github.event.pull_request.title }}\n      run: echo \"$TITLE\"\n\nIn actions/github-script read it from process.env.TITLE or context.payload instead of interpolating it.",
			References:  []string{refExpressions},
		},
		{
			ID:          RuleUntrustedCheckout,
			Title:       "Privileged workflow checks out untrusted pull request code",
			Description: "pull_request_target, workflow_run and issue_comment workflows run with the base repository's secrets and a write token. Checking out the pull request head (or fetching refs/pull/*) and then building or running it gives the pull request author code execution with those privileges.",
			Severity:    finding.Critical, Confidence: finding.ConfidenceMedium, CWE: "CWE-829",
			Remediation: "Run untrusted code only in a pull_request workflow (no secrets, read-only token) and pass results to a privileged workflow as data. If the head must be checked out, do not execute anything from it:\n\n    on: pull_request\n    permissions:\n      contents: read\n    jobs:\n      test:\n        steps:\n          - uses: actions/checkout@<sha>\n            with:\n              persist-credentials: false",
			References:  []string{refTriggers, "https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/"},
		},
		{
			ID:          RuleUnpinnedAction,
			Title:       "Action or reusable workflow not pinned to a commit SHA",
			Description: "A tag or branch can be moved by whoever controls the action's repository, so the code that runs with the workflow's secrets can change without review. Only a full 40-character commit SHA is immutable. First-party actions (actions/*, github/*) are reported at low severity.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-829",
			Remediation: "Pin the full commit SHA and keep the version in a comment for update tools:\n\n    - uses: owner/action@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v3.1.0",
			References:  []string{refHardening + "#using-third-party-actions"},
		},
		{
			ID:          RuleUnpinnedImage,
			Title:       "Container image not pinned to a digest",
			Description: "A job container, service container or docker:// action referenced by tag can be replaced by whoever can push to that tag; only an @sha256 digest is immutable.",
			Severity:    finding.Low, Confidence: finding.ConfidenceHigh, CWE: "CWE-829",
			Remediation: "Reference the image by digest:\n\n    container:\n      image: node:20@sha256:<digest>",
			References:  []string{refHardening},
		},
		{
			ID:          RuleExcessivePermissions,
			Title:       "GITHUB_TOKEN has more permissions than the job needs",
			Description: "Without a permissions: block the token gets the repository's default scopes, which are read-write on older repositories; write-all grants every scope; a write scope on a job that never talks to the GitHub API is unused privilege. Any compromised step can use the token.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-250",
			Remediation: "Declare least privilege at the top and grant writes only to the job that needs them:\n\n    permissions:\n      contents: read\n    jobs:\n      release:\n        permissions:\n          contents: write",
			References:  []string{refPermissions},
		},
		{
			ID:          RuleOversharedSecrets,
			Title:       "All secrets passed where only some are needed",
			Description: "secrets: inherit hands every repository and organisation secret to the called workflow, and toJSON(secrets) expands all of them into one value; any step that can read it can exfiltrate every secret.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-668",
			Remediation: "Pass only the secrets that are used, by name:\n\n    uses: org/repo/.github/workflows/deploy.yml@<sha>\n    secrets:\n      DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}",
			References:  []string{"https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idsecretsinherit"},
		},
		{
			ID:          RuleSecretInLog,
			Title:       "Secret printed to the build log",
			Description: "A secret is echoed or printed by a run: script. Log masking only hides the exact value; any transformation (encoding, slicing, JSON quoting) prints it in clear, and logs of public repositories are public.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-532",
			Remediation: "Do not print secrets; pass them to the tool that needs them through env:\n\n    - env:\n        API_TOKEN: ${{ secrets.API_TOKEN }}\n      run: ./deploy.sh   # reads $API_TOKEN itself",
			References:  []string{refHardening + "#using-secrets"},
		},
		{
			ID:          RuleSecretInFile,
			Title:       "Secret written to a file in the workspace",
			Description: "A run: script writes a secret into a file. Files in the workspace end up in caches, artifacts and container layers and outlive the job.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-538",
			Remediation: "Give the secret to the tool through an environment variable, or write it outside the workspace to $RUNNER_TEMP with restrictive permissions and delete it in an always() step:\n\n    - env:\n        NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n      run: npm publish   # .npmrc refers to ${NPM_TOKEN}",
			References:  []string{refHardening + "#using-secrets"},
		},
		{
			ID:          RuleUntrustedEnvWrite,
			Title:       "GITHUB_ENV or GITHUB_PATH written from untrusted data",
			Description: "Lines appended to $GITHUB_ENV become environment variables of every later step, and $GITHUB_PATH entries are searched for executables. Writing attacker-controlled text there (event fields, artifact contents) lets an attacker set LD_PRELOAD, NODE_OPTIONS or BASH_ENV, or add a directory of their binaries, and run code in the following steps.",
			Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-454",
			Remediation: "Keep untrusted values in step outputs or files read as data, and validate anything that must become a variable:\n\n    - id: meta\n      env:\n        TITLE: ${{ github.event.pull_request.title }}\n      run: printf 'title=%s\\n' \"${TITLE//[$'\\n\\r']/}\" >> \"$GITHUB_OUTPUT\"",
			References:  []string{refWorkflowCmd},
		},
		{
			ID:          RuleUnsecureCommands,
			Title:       "Deprecated set-env and add-path commands re-enabled",
			Description: "ACTIONS_ALLOW_UNSECURE_COMMANDS=true lets any text a step prints (including untrusted data echoed into the log) set environment variables and PATH for later steps through ::set-env and ::add-path. GitHub disabled these commands because of that injection.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-454",
			Remediation: "Remove the variable and write to the environment files instead:\n\n    run: echo \"FOO=bar\" >> \"$GITHUB_ENV\"",
			References:  []string{"https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/"},
		},
		{
			ID:          RulePersistedCredentials,
			Title:       "Checkout credentials persisted in a job that uploads artifacts",
			Description: "actions/checkout stores the token in .git/config unless persist-credentials is false. A job that then uploads the workspace (or part of it) as an artifact can publish that token to anyone who can download artifacts.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-522",
			Remediation: "Do not persist the token:\n\n    - uses: actions/checkout@<sha>\n      with:\n        persist-credentials: false",
			References:  []string{"https://github.com/actions/checkout#usage"},
		},
		{
			ID:          RuleCachePoisoning,
			Title:       "Cache restored in a release or publishing workflow",
			Description: "Caches are shared with workflows that run on untrusted input (pull requests, issue comments). A poisoned cache entry restored while building release artifacts ends up inside what is published.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-349",
			Remediation: "Build releases without restoring caches:\n\n    - uses: actions/setup-go@<sha>\n      with:\n        go-version-file: go.mod\n        cache: false",
			References:  []string{"https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/caching-dependencies-to-speed-up-workflows#restrictions-for-accessing-a-cache"},
		},
		{
			ID:          RuleSelfHostedRunner,
			Title:       "Self-hosted runner used on events from forks",
			Description: "A job triggered by pull requests or comments runs on a self-hosted runner. Anyone who can open a pull request can then run code on that machine, which usually persists between jobs and sits inside the organisation's network.",
			Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-668",
			Remediation: "Use GitHub-hosted (or ephemeral, isolated) runners for untrusted events:\n\n    on: pull_request\n    jobs:\n      test:\n        runs-on: ubuntu-latest",
			References:  []string{refSelfHosted},
		},
		{
			ID:          RuleAlwaysTrueIf,
			Title:       "if: condition is always true",
			Description: "An if: that mixes ${{ }} with other text (or holds several ${{ }}, or keeps the final line break of a | or > block) is evaluated as a non-empty string, which is always true, so the guard never stops the job or step.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-571",
			Remediation: "Write the whole condition as one expression, on one line or in a |- block that drops the final line break:\n\n    if: ${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}",
			References:  []string{"https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions"},
		},
		{
			ID:          RuleSpoofableBotCheck,
			Title:       "Security decision based on a spoofable actor name",
			Description: "github.actor and github.triggering_actor name whoever caused the latest event, not who wrote the code: anyone can make a bot the actor (for example by asking Dependabot to rebase their branch), so checks like github.actor == 'dependabot[bot]' can be passed by an attacker's pull request.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceMedium, CWE: "CWE-290",
			Remediation: "Check the pull request's author instead:\n\n    if: github.event.pull_request.user.login == 'dependabot[bot]'",
			References:  []string{"https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions"},
		},
		{
			ID:          RuleRemoteScript,
			Title:       "Remote script piped into a shell",
			Description: "A run: script downloads a script and executes it without checking its integrity; whoever controls that URL (or the network path to it) runs code with the job's secrets.",
			Severity:    finding.Medium, Confidence: finding.ConfidenceHigh, CWE: "CWE-494",
			Remediation: "Download to a file, verify a pinned checksum, then run it:\n\n    run: |\n      curl -fsSLo install.sh https://example.com/install.sh\n      echo \"<sha256>  install.sh\" | sha256sum -c -\n      sh install.sh",
			References:  []string{refHardening},
		},
		{
			ID:          RuleHardcodedCredential,
			Title:       "Credential written in the workflow",
			Description: "A literal token or password is written in env: or with:. Anyone who can read the repository (and its history) has it.",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-798",
			Remediation: "Revoke the credential, store a new one as an encrypted secret and reference it:\n\n    env:\n      API_TOKEN: ${{ secrets.API_TOKEN }}",
			References:  []string{"https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions"},
		},
		{
			ID:          RuleLongLivedToken,
			Title:       "Long-lived publishing token where trusted publishing exists",
			Description: "The package is published with a long-lived registry token stored as a secret, although the registry (PyPI, npm, RubyGems, crates.io) accepts short-lived OIDC credentials from GitHub Actions. A leaked long-lived token keeps working until someone notices.",
			Severity:    finding.Low, Confidence: finding.ConfidenceMedium, CWE: "CWE-522",
			Remediation: "Configure trusted publishing on the registry and drop the token:\n\n    permissions:\n      id-token: write\n    steps:\n      - uses: pypa/gh-action-pypi-publish@<sha>   # no password input",
			References:  []string{refPublishing, "https://docs.pypi.org/trusted-publishers/"},
		},
		{
			ID:          RuleKnownVulnerable,
			Title:       "Action version with a known vulnerability",
			Description: "The workflow uses a version of an action that has a published advisory (compromised release, injection or secret leak).",
			Severity:    finding.High, Confidence: finding.ConfidenceHigh, CWE: "CWE-1395",
			Remediation: "Upgrade to the fixed version named in the message and pin its commit SHA:\n\n    - uses: owner/action@<sha of fixed release> # vX.Y.Z",
			References:  []string{"https://github.com/advisories?query=type%3Areviewed+ecosystem%3Aactions"},
		},
		{
			ID:          RuleDangerousTrigger,
			Title:       "Workflow runs with secrets on events outsiders trigger",
			Description: "pull_request_target and workflow_run workflows run in the base repository's context, with its secrets and a write token, on events that anyone who can open a pull request can cause. They are safe only while nothing from the pull request is executed or trusted; this advisory marks them for review (untrusted-checkout and expression-injection report the concrete flaws).",
			Severity:    finding.Low, Confidence: finding.ConfidenceMedium, CWE: "CWE-668",
			Remediation: "Prefer pull_request (no secrets, read-only token); if the privileged trigger is needed, keep its permissions minimal and treat all pull request data as untrusted:\n\n    on: pull_request\n    permissions:\n      contents: read",
			References:  []string{refTriggers},
		},
		{
			ID:          RuleUnsoundContains,
			Title:       "contains() used as an allow-list on a string",
			Description: "contains('refs/heads/main refs/heads/release', github.ref) searches a string, not a list: any value that is a substring of it (refs/heads/mai, a single space) passes the check.",
			Severity:    finding.Low, Confidence: finding.ConfidenceHigh, CWE: "CWE-697",
			Remediation: "Compare exactly, or search a real list:\n\n    if: contains(fromJSON('[\"refs/heads/main\", \"refs/heads/release\"]'), github.ref)",
			References:  []string{"https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions#contains"},
		},
		{
			ID:          RuleUnmaskedSecretField,
			Title:       "Field extracted from a JSON secret is not masked",
			Description: "GitHub masks the exact text of each secret in logs. fromJSON(secrets.X).field yields a new string that is not registered for masking, so it is printed in clear wherever it is logged.",
			Severity:    finding.Low, Confidence: finding.ConfidenceMedium, CWE: "CWE-532",
			Remediation: "Store each credential as its own secret, or mask the extracted value first:\n\n    run: |\n      value=\"$(jq -r .password <<< \"$CREDS\")\"\n      echo \"::add-mask::$value\"",
			References:  []string{refHardening + "#using-secrets"},
		},
	}
}

// ruleBook indexes the catalog by id; each Auditor owns one.
type ruleBook map[string]*finding.Rule

func newRuleBook() ruleBook {
	b := ruleBook{}
	for _, r := range catalog() {
		r.Analyzer = AnalyzerName
		b[r.ID] = &r
	}
	return b
}
