package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchFiles is the size of BenchmarkWalk's synthetic tree.
const benchFiles = 100_000

// buildBenchTree writes benchFiles small files over 10 x 10 x 10 nested
// directories with a few .gitignore files (one pattern of which hides a
// tenth of the files) and returns the file count expected to be kept.
func buildBenchTree(b *testing.B, root string) int {
	b.Helper()
	exts := []string{".go", ".py", ".js", ".java", ".yaml", ".md", ".log", ".ts", ".sql", ".sh"}
	contents := map[string][]byte{
		".go":   []byte("package x\n\nfunc F() int { return 1 }\n"),
		".py":   []byte("import os\n\ndef f():\n    return os.getcwd()\n"),
		".js":   []byte("const x = require('x');\nmodule.exports = x;\n"),
		".java": []byte("class A { void f() {} }\n"),
		".yaml": []byte("key: value\n"),
		".md":   []byte("# Title\n\nText.\n"),
		".log":  []byte("log line\n"),
		".ts":   []byte("export const x: number = 1;\n"),
		".sql":  []byte("SELECT 1;\n"),
		".sh":   []byte("#!/bin/sh\necho hi\n"),
	}
	// Files with the same content are hard links to one source file: one
	// system call each, so building the tree stays cheap.
	srcDir := b.TempDir()
	for ext, content := range contents {
		if err := os.WriteFile(filepath.Join(srcDir, "src"+ext), content, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	files := 0
	for i := range 10 {
		for j := range 10 {
			for k := range 10 {
				dir := filepath.Join(root, fmt.Sprintf("a%d", i), fmt.Sprintf("b%d", j), fmt.Sprintf("c%d", k))
				if err := os.MkdirAll(dir, 0o755); err != nil {
					b.Fatal(err)
				}
				for n := range benchFiles / 1000 {
					ext := exts[n%len(exts)]
					name := filepath.Join(dir, fmt.Sprintf("f%03d%s", n, ext))
					if err := os.Link(filepath.Join(srcDir, "src"+ext), name); err != nil {
						b.Fatal(err)
					}
					files++
				}
			}
			ignore := "# generated logs\n*.log\n!keep.log\ntmp/\n/b-only.txt\n**/cache/**\n"
			if err := os.WriteFile(filepath.Join(root, fmt.Sprintf("a%d", i), fmt.Sprintf("b%d", j), ".gitignore"), []byte(ignore), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	// A tenth of the files are *.log; the 100 .gitignore files are kept.
	return files - files/10 + 100
}

func BenchmarkWalk(b *testing.B) {
	root := b.TempDir()
	want := buildBenchTree(b, root)
	ctx := context.Background()
	walks := 0
	cpu := processCPUTime()
	for b.Loop() {
		walks++
		inv, err := Walk(ctx, Options{Root: root})
		if err != nil {
			b.Fatal(err)
		}
		if len(inv.Files) != want {
			b.Fatalf("Walk found %d files, want %d", len(inv.Files), want)
		}
	}
	cpu = processCPUTime() - cpu
	b.ReportMetric(float64(benchFiles)*float64(walks)/b.Elapsed().Seconds(), "files/s")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(walks), "cpu-ns/op")
	}
}
