package editdistance

import (
	"strings"
	"testing"
)

func TestOSA(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"requests", "requests", 2, 0},
		{"requests", "reqeusts", 2, 1}, // adjacent swap
		{"requests", "request", 2, 1},  // deletion
		{"lodash", "lodahs", 2, 1},
		{"EleutherAI", "EleuterAI", 2, 1},
		{"react", "preact", 2, 1},
		{"express", "expresss", 2, 1},
		{"numpy", "pandas", 2, 3}, // capped at limit+1
		{"a", "abcdef", 2, 3},     // length difference alone exceeds the limit
		{"", "", 1, 0},
		{"lodash", "lodas", 2, 1}, {"lodash", "llodash", 2, 1}, {"lodash", "lodosh", 2, 1},
		{"abc", "cba", 3, 2}, {"", "abc", 3, 3},
		{strings.Repeat("x", MaxLen+1), strings.Repeat("x", MaxLen+1), 1, 2},
	}
	for _, tt := range tests {
		if got := OSA(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("OSA(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

func FuzzOSA(f *testing.F) {
	f.Add("lodash", "lodahs")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := OSA(a, b, 3)
		if d < 0 || d > 4 || (a == b && len(a) <= MaxLen && d != 0) {
			t.Fatalf("OSA(%q, %q) = %d", a, b, d)
		}
		if OSA(b, a, 3) != d {
			t.Fatalf("not symmetric for %q, %q", a, b)
		}
	})
}
