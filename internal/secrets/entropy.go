package secrets

import "math"

// entropy returns the Shannon entropy of s in bits per byte. Random tokens
// over base62 reach 4.5-5.5 for typical lengths; words and placeholders
// stay well below 3.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	var h float64
	for _, c := range counts {
		if c == 0 {
			continue
		}
		p := float64(c) / n
		h -= p * math.Log2(p)
	}
	return h
}

// charClasses counts which of lower case, upper case, digits and other
// printable characters occur in s.
func charClasses(s string) (lower, upper, digit, other bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= '0' && c <= '9':
			digit = true
		default:
			other = true
		}
	}
	return
}
