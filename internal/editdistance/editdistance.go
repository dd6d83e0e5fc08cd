// Package editdistance measures how far apart two names are, for
// typosquatting checks on package and model-publisher names. It is the
// optimal-string-alignment distance (insertions, deletions, substitutions
// and swaps of adjacent bytes), a few lines of dynamic programming that no
// dependency is needed for.
package editdistance

// MaxLen bounds the names compared; longer ones are never "close". Package
// and publisher names are far shorter (npm's own limit is 214).
const MaxLen = 256

// OSA returns the optimal-string-alignment distance between a and b,
// computed up to limit: any distance above limit is reported as limit+1,
// and so are names longer than MaxLen.
func OSA(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit || len(a) > MaxLen || len(b) > MaxLen {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}
