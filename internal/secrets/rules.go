package secrets

import (
	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
)

// CWE ids used by the rules.
const (
	cweHardcodedCredentials = "CWE-798"
	cweHardcodedPassword    = "CWE-259"
	cweHardcodedKey         = "CWE-321"
)

const (
	refCWE798   = "https://cwe.mitre.org/data/definitions/798.html"
	refCWE259   = "https://cwe.mitre.org/data/definitions/259.html"
	refCWE321   = "https://cwe.mitre.org/data/definitions/321.html"
	refOWASPSec = "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"
)

// rotate is the first step of every remediation: a committed secret is
// compromised whatever happens to the file afterwards.
const rotate = "Treat the credential as compromised: revoke or rotate it at the provider first, because everyone who can read the repository or any clone of its history can use it; deleting the line does not remove it from git history. Then load it at run time from the environment or a secret manager instead of the source"

// newRule builds a secrets rule; every rule is built once, next to its
// detector, by builtinDetectors.
func newRule(id, title, cwe string, sev finding.Severity, conf finding.Confidence, desc, example string, refs ...string) *finding.Rule {
	ref := refCWE798
	switch cwe {
	case cweHardcodedPassword:
		ref = refCWE259
	case cweHardcodedKey:
		ref = refCWE321
	}
	return &finding.Rule{
		ID:          id,
		Title:       title,
		Description: desc,
		Severity:    sev,
		Confidence:  conf,
		CWE:         cwe,
		Remediation: rotate + ", e.g. " + example + ".",
		References:  append(refs, ref, refOWASPSec),
		Tags:        []string{"secrets"},
		Analyzer:    analyzer.ScannerSecrets,
	}
}
