package deps

import "github.com/socyber/codeaudit/internal/finding"

// Rule ids. One rule covers every ecosystem's vulnerable packages: the
// ecosystem is a property of each finding, not a separate rule.
const (
	RuleVulnerable    = "deps.vulnerable-dependency"
	RuleUnpinnedGit   = "deps.unpinned-git-dependency"
	RuleInstallScript = "deps.install-script"
	RuleMissingLock   = "deps.missing-lockfile"
	RuleTyposquat     = "deps.typosquat"
)

// AnalyzerName is the analyzer's name and --scanners group.
const AnalyzerName = "deps"

// rules holds every rule's metadata, in one place.
var rules = []finding.Rule{
	{
		ID:    RuleVulnerable,
		Title: "Dependency with a known vulnerability",
		Description: "A package version used by the project is listed as affected by a published advisory in the OSV database " +
			"(GitHub, Go, PyPI, RustSec and other advisory sources). Each finding names the advisory ids, its summary and the version that fixes it. " +
			"The finding's severity comes from the advisory's CVSS v4 or v3 vector, else its stated severity, else medium; " +
			"its CWE is the advisory's where given, else CWE-1395.",
		Severity:   finding.High,
		Confidence: finding.ConfidenceHigh,
		CWE:        "CWE-1395",
		Remediation: "Upgrade the package to the fixed version named in the finding (or later) and regenerate the lockfile, e.g. " +
			"`go get golang.org/x/text@v0.3.8`, `npm install lodash@4.17.21`, `pip install 'requests>=2.20.0'`, `cargo update -p smallvec`. " +
			"For a transitive dependency, upgrade the direct dependency that pulls it in, or pin the fixed version with an override " +
			"(npm `overrides`, Maven `dependencyManagement`, a Go `require`). When no fix exists, remove the dependency or confirm " +
			"that the vulnerable code is unreachable and record the decision.",
		References: []string{
			"https://ossf.github.io/osv-schema/",
			"https://cwe.mitre.org/data/definitions/1395.html",
			"https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/",
		},
		Tags:     []string{"sca", "supply-chain"},
		Analyzer: AnalyzerName,
	},
	{
		ID:    RuleUnpinnedGit,
		Title: "Dependency fetched from git or a URL without a pinned commit or hash",
		Description: "A dependency is installed from a git repository by branch, tag or default branch, or from a tarball URL with no hash. " +
			"Whoever controls the repository or server can change the code the next install receives, and nothing detects it.",
		Severity:   finding.Medium,
		Confidence: finding.ConfidenceHigh,
		CWE:        "CWE-494",
		Remediation: "Pin the full commit id (40 hex digits) or add an integrity hash, or use a registry release. " +
			"For example `\"lib\": \"git+https://github.com/org/lib.git#3f2c1a9e0b7d4c6a8e1f2b3c4d5e6f708192a3b4\"` in package.json, " +
			"`lib @ git+https://github.com/org/lib@3f2c1a9e0b7d4c6a8e1f2b3c4d5e6f708192a3b4` in requirements.txt, " +
			"`gem \"lib\", git: \"https://github.com/org/lib\", ref: \"3f2c1a9e\"` in a Gemfile.",
		References: []string{
			"https://cwe.mitre.org/data/definitions/494.html",
			"https://pip.pypa.io/en/stable/topics/secure-installs/",
			"https://docs.npmjs.com/cli/v10/configuring-npm/package-json#git-urls-as-dependencies",
		},
		Tags:     []string{"supply-chain"},
		Analyzer: AnalyzerName,
	},
	{
		ID:    RuleInstallScript,
		Title: "Dependency runs an install script",
		Description: "The lockfile records that a dependency runs a preinstall, install or postinstall script. Such scripts run with the " +
			"developer's or CI's privileges at install time, before any code review, and are the usual way malicious npm packages act.",
		Severity:   finding.Low,
		Confidence: finding.ConfidenceHigh,
		CWE:        "CWE-829",
		Remediation: "Check that the package needs its install script (native builds usually do) and that it comes from the expected publisher. " +
			"Install with scripts disabled by default (`npm ci --ignore-scripts`, or `ignore-scripts=true` in .npmrc) and allow them only " +
			"for the packages you have reviewed.",
		References: []string{
			"https://cwe.mitre.org/data/definitions/829.html",
			"https://docs.npmjs.com/cli/v10/using-npm/scripts",
		},
		Tags:     []string{"supply-chain"},
		Analyzer: AnalyzerName,
	},
	{
		ID:    RuleMissingLock,
		Title: "Manifest without a lockfile",
		Description: "A manifest declares dependencies but no lockfile sits beside it (or above it, for workspaces), so every install " +
			"resolves versions afresh and may pull a newly published, compromised release; nothing records the hashes of what was installed.",
		Severity:   finding.Low,
		Confidence: finding.ConfidenceMedium,
		CWE:        "CWE-1357",
		Remediation: "Generate the lockfile and commit it: `npm install` (package-lock.json), `bundle lock` (Gemfile.lock), " +
			"`composer update --lock` (composer.lock), `pipenv lock` (Pipfile.lock), `go mod tidy` (go.sum). Install from it in CI " +
			"(`npm ci`, `bundle install --frozen`, `composer install`).",
		References: []string{
			"https://cwe.mitre.org/data/definitions/1357.html",
			"https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json",
		},
		Tags:     []string{"supply-chain"},
		Analyzer: AnalyzerName,
	},
	{
		ID:    RuleTyposquat,
		Title: "Dependency name one edit away from a popular package",
		Description: "A directly declared dependency's name differs from a popular package's by one character (an insertion, deletion, " +
			"substitution or swap of two neighbours). Attackers publish such names to catch typing mistakes.",
		Severity:   finding.Medium,
		Confidence: finding.ConfidenceLow,
		CWE:        "CWE-1357",
		Remediation: "Check that the name is the package you meant. If it is a typo, replace it with the real package (`requests`, not " +
			"`reqeusts`) and check the machines where it was installed. If it is intended, suppress the finding with a reason.",
		References: []string{
			"https://cwe.mitre.org/data/definitions/1357.html",
			"https://blog.npmjs.org/post/163723642530/crossenv-malware-on-the-npm-registry",
		},
		Tags:     []string{"supply-chain"},
		Analyzer: AnalyzerName,
	},
}

func ruleByID(id string) *finding.Rule {
	for i := range rules {
		if rules[i].ID == id {
			return &rules[i]
		}
	}
	panic("deps: unknown rule " + id)
}
