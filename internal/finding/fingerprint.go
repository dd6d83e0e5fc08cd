package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
)

// fingerprintContext is how many lines on each side of the finding feed its
// fingerprint. It is zero on purpose: any context line makes the
// fingerprint change when a line is inserted right above or below the
// finding, which is exactly the edit a baseline must survive. Identical
// flagged code in one file is told apart by Disambiguate instead.
const fingerprintContext = 0

// FingerprintVersion is bumped whenever the fingerprint algorithm changes,
// so stored baselines can be recognised as stale.
const FingerprintVersion = 1

// Fingerprint computes a finding's identity from its rule, its file and the
// normalised code of the flagged lines. Line numbers take no part, so inserting or deleting lines above a
// finding leaves its fingerprint unchanged; whitespace and indentation
// changes do not count either. lines is the whole file split into lines.
//
// Identical code flagged twice in one file gets the same base hash; the
// engine disambiguates those with Disambiguate.
func Fingerprint(ruleID, path string, lines []string, startLine, endLine int) string {
	h := sha256.New()
	h.Write([]byte(ruleID))
	h.Write([]byte{0})
	h.Write([]byte(path))
	h.Write([]byte{0})
	if startLine < 1 {
		startLine = 1
	}
	if endLine < startLine {
		endLine = startLine
	}
	from := max(startLine-fingerprintContext, 1)
	to := min(endLine+fingerprintContext, len(lines))
	for i := from; i <= to; i++ {
		h.Write([]byte(normaliseLine(lines[i-1])))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Disambiguate appends the occurrence number to the second and later
// findings that share a fingerprint, in file order. Moving all of them
// together keeps their fingerprints.
func Disambiguate(base string, occurrence int) string {
	if occurrence <= 1 {
		return base
	}
	return base + ":" + strconv.Itoa(occurrence)
}

// normaliseLine drops all white space so re-indentation and reformatting
// that only moves spaces do not change the fingerprint.
func normaliseLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
