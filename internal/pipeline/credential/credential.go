// Package credential recognises credentials written literally into CI
// configuration and redacts them for reporting. A full secret is never
// returned: reports carry a short prefix and a hash.
package credential

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"
)

// minSecretLen is the shortest literal value treated as a credential when
// only the key name suggests one; shorter values are flags and examples.
const minSecretLen = 8

// tokenPrefixes are public, documented formats of issued tokens. A value
// with one of these shapes is a credential whatever its key is called.
var tokenFormat = regexp.MustCompile(`^(?:` + strings.Join([]string{
	`gh[pousr]_[A-Za-z0-9]{30,}`,             // GitHub tokens
	`github_pat_[A-Za-z0-9_]{40,}`,           // GitHub fine-grained tokens
	`glpat-[A-Za-z0-9_-]{20,}`,               // GitLab personal access tokens
	`(?:AKIA|ASIA)[A-Z0-9]{16}`,              // AWS access key ids
	`xox[abpors]-[A-Za-z0-9-]{10,}`,          // Slack tokens
	`npm_[A-Za-z0-9]{36}`,                    // npm tokens
	`pypi-[A-Za-z0-9_-]{50,}`,                // PyPI API tokens
	`(?:sk|rk)_live_[A-Za-z0-9]{20,}`,        // Stripe live keys
	`SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]+`, // SendGrid keys
	`AIza[A-Za-z0-9_-]{35}`,                  // Google API keys
	`dckr_pat_[A-Za-z0-9_-]{20,}`,            // Docker Hub tokens
	`rubygems_[a-f0-9]{48}`,                  // RubyGems API keys
}, "|") + `)$`)

// secretKey matches key names that hold credentials.
var secretKey = regexp.MustCompile(`(?i)(?:^|[_.-])(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|auth)(?:$|[_.-])`)

// placeholder matches values that are obviously not real secrets.
var placeholder = regexp.MustCompile(`(?i)^(?:x+|\*+|changeme|change-me|password|secret|token|example|dummy|test|fake|placeholder|your[_-].*|<.*>|\{\{.*\}\}|\$\{.*\}|\$[A-Za-z_][A-Za-z0-9_]*|%.*%|none|null|true|false|redacted)$`)

// Kind says why a value was judged a credential.
type Kind string

// Kinds of match.
const (
	KindTokenFormat Kind = "token-format" // the value has the shape of an issued token
	KindKeyName     Kind = "key-name"     // the key is named like a credential and the value is a literal
)

// Check reports whether key: value holds a literal credential. Values
// containing an expression or variable reference are not literals.
func Check(key, value string) (Kind, bool) {
	v := strings.TrimSpace(value)
	if v == "" || strings.Contains(v, "${{") || strings.ContainsAny(v, " \t\n") && !tokenFormat.MatchString(v) {
		return "", false
	}
	if tokenFormat.MatchString(v) {
		return KindTokenFormat, true
	}
	if !secretKey.MatchString(key) || len(v) < minSecretLen || placeholder.MatchString(v) {
		return "", false
	}
	if strings.Contains(v, "$") || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") {
		return "", false // a variable reference or a file path
	}
	// Settings such as token-type: bearer-token are words; secrets mix
	// character classes or are long.
	if c := charClasses(v); c < 3 && !(c >= 2 && len(v) >= minRandomLen) {
		return "", false
	}
	return KindKeyName, true
}

// minRandomLen is the length from which a two-class value (lower-case
// hex, say) is taken for a generated secret.
const minRandomLen = 16

// charClasses counts lower case, upper case, digits and other characters.
func charClasses(v string) int {
	var lower, upper, digit, other int
	for _, r := range v {
		switch {
		case r >= 'a' && r <= 'z':
			lower = 1
		case r >= 'A' && r <= 'Z':
			upper = 1
		case r >= '0' && r <= '9':
			digit = 1
		default:
			other = 1
		}
	}
	return lower + upper + digit + other
}

// Redact shows a credential as its first four characters, its length and
// a short SHA-256 so that two reports can be matched without the value.
func Redact(value string) string {
	sum := sha256.Sum256([]byte(value))
	// Show at most a quarter of the value, and never more than 4 bytes.
	prefix := value[:min(4, len(value)/4)]
	return prefix + "…(" + strconv.Itoa(len(value)) + " chars, sha256:" + hex.EncodeToString(sum[:4]) + ")"
}

// SecretName reports whether a variable name looks like it holds a secret.
func SecretName(name string) bool {
	return secretKey.MatchString(name)
}
