package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode/utf8"
)

// hashLen is how many hex digits of the SHA-256 of a secret identify it in
// Properties["secret_hash"] and the fingerprint; displayHashLen is how many
// of those a redacted secret shows.
const (
	hashLen        = 16
	displayHashLen = 8
	// maxShownPrefix caps the characters of a secret Redact shows.
	maxShownPrefix = 4
	// maxVendorPrefix caps a vendor prefix shown instead (sk_live_, github_pat_).
	maxVendorPrefix = 12
)

// Hash returns the first 16 hex digits of the SHA-256 of secret. It lets
// people match a reported secret against one they know without the report
// holding the secret.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])[:hashLen]
}

// Redact returns a form of secret safe to print anywhere: at most a quarter
// of it and never more than four characters, then the start of its hash,
// e.g. "AKIA…(sha256:1a2b3c4d)".
func Redact(secret string) string {
	return redactShowing(secret, 0)
}

// prefixOf returns the part of secret Redact shows. vendor is the length of
// a public vendor prefix (such as "ghp_") that may be shown in full.
func prefixOf(secret string, vendor int) string {
	n := min(utf8.RuneCountInString(secret)/4, maxShownPrefix)
	if vendor > 0 && vendor <= maxVendorPrefix && vendor < len(secret)/2 {
		n = max(n, vendor)
		return secret[:min(n, len(secret))]
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(secret[i:])
		i += size
	}
	return secret[:i]
}

func redactShowing(secret string, vendor int) string {
	return prefixOf(secret, vendor) + "…(sha256:" + Hash(secret)[:displayHashLen] + ")"
}
