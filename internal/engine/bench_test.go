package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/source"
)

// BenchmarkRun measures the engine's own overhead (walk, read, line
// counting, dispatch, completion) over a synthetic tree of 10,000 small
// source files with a trivial analyzer, so analyzer costs do not hide it.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	const files = 10000
	var total int64
	for i := range files {
		sub := filepath.Join(dir, fmt.Sprintf("pkg%03d", i%100))
		os.MkdirAll(sub, 0o755)
		content := fmt.Sprintf("package p%d\n\n// helper %d\nfunc f%d() int {\n\treturn %d\n}\n", i, i, i, i)
		if i%50 == 0 {
			content += "// SINK(x)\n"
		}
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%d.go", i)), []byte(content), 0o644)
		total += int64(len(content))
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		r, err := Run(context.Background(), Options{Source: source.Options{Root: dir}}, []analyzer.Analyzer{newLineRule("SINK")})
		if err != nil || len(r.Findings) != files/50 {
			b.Fatalf("err %v, %d findings", err, len(r.Findings))
		}
	}
	b.ReportMetric(float64(files)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
