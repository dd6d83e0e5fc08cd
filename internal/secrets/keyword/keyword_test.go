package keyword

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type hit struct {
	ID, Start int
}

func naive(words []string, text string) []hit {
	lower := asciiLower(text)
	var out []hit
	for end := 1; end <= len(lower); end++ {
		for id, w := range words {
			w = asciiLower(w)
			if end >= len(w) && lower[end-len(w):end] == w {
				out = append(out, hit{id, end - len(w)})
			}
		}
	}
	return out
}

func asciiLower(s string) string {
	b := []byte(s)
	for i := range b {
		b[i] = fold(b[i])
	}
	return string(b)
}

func TestScanMatchesNaive(t *testing.T) {
	tests := []struct {
		words []string
		text  string
	}{
		{[]string{"he", "she", "his", "hers"}, "ushers and HIS sheep"},
		{[]string{"akia", "ghp_", "password"}, "x=AKIAABC ghp_1 PassWord: y"},
		{[]string{"a", "aa", "aaa"}, "aaaa"},
		{[]string{"-----begin", "begin"}, "-----BEGIN RSA"},
		{[]string{"xyz"}, ""},
	}
	for _, tt := range tests {
		m, err := New(tt.words)
		if err != nil {
			t.Fatal(err)
		}
		var got []hit
		m.Scan([]byte(tt.text), func(id, start int) bool {
			got = append(got, hit{id, start})
			return true
		})
		want := naive(tt.words, tt.text)
		// Order within one end position may differ: compare as sets by end.
		if diff := cmp.Diff(len(want), len(got)); diff != "" {
			t.Errorf("%q in %q: count (-want +got):\n%s\nwant %v got %v", tt.words, tt.text, diff, want, got)
		}
		seen := map[hit]bool{}
		for _, h := range got {
			seen[h] = true
		}
		for _, h := range want {
			if !seen[h] {
				t.Errorf("%q in %q: missing %v", tt.words, tt.text, h)
			}
		}
	}
}

func TestScanStops(t *testing.T) {
	m, _ := New([]string{"a"})
	n := 0
	m.Scan([]byte("aaaa"), func(int, int) bool { n++; return false })
	if n != 1 {
		t.Errorf("scan did not stop: %d calls", n)
	}
}

func TestNewRejects(t *testing.T) {
	for _, words := range [][]string{nil, {""}, {strings.Repeat("x", MaxKeywordLen+1)}} {
		if _, err := New(words); err == nil {
			t.Errorf("New(%q) accepted", words)
		}
	}
}

func FuzzScan(f *testing.F) {
	f.Add("ushers and his", "he,she,his,hers")
	f.Add("AKIA-----BEGIN", "akia,-----begin,begin")
	f.Fuzz(func(t *testing.T, text, dict string) {
		var words []string
		for _, w := range strings.Split(dict, ",") {
			if w != "" && len(w) <= 8 && len(words) < 16 {
				words = append(words, w)
			}
		}
		if len(words) == 0 || len(text) > 512 {
			return
		}
		m, err := New(words)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		m.Scan([]byte(text), func(id, start int) bool {
			if start < 0 || start+m.Len(id) > len(text) || asciiLower(text[start:start+m.Len(id)]) != asciiLower(words[id]) {
				t.Fatalf("bad hit %d at %d", id, start)
			}
			n++
			return true
		})
		if want := len(naive(words, text)); n != want {
			t.Fatalf("got %d hits, want %d", n, want)
		}
	})
}
