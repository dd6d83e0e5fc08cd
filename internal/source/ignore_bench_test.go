package source

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkIgnoreMatch measures one decision against a large root
// .gitignore (200 patterns of the usual kinds) plus a nested one.
func BenchmarkIgnoreMatch(b *testing.B) {
	var sb strings.Builder
	for i := range 50 {
		fmt.Fprintf(&sb, "*.ext%d\nname%d\ndir%d/\n/anchored%d/x\n", i, i, i, i)
	}
	var s ignoreSet
	root, _ := parseIgnore([]byte(sb.String()), 0, ".gitignore")
	sub, _ := parseIgnore([]byte("*.tmp\n!keep.tmp\n"), 2, "a/b/.gitignore")
	s.layers[layerGit] = append(root, sub...)
	comps := []string{"a", "b", "c", "file.go"}
	b.ReportAllocs()
	for b.Loop() {
		if _, ignored := s.match(comps, false); ignored {
			b.Fatal("ignored")
		}
	}
}
