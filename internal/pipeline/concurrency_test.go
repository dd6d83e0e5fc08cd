package pipeline

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/source"
)

// TestConcurrentUse runs one Analyzer from many goroutines, as the
// engine's worker pool does; run with -race to check it shares nothing
// mutable.
func TestConcurrentUse(t *testing.T) {
	a := New(Options{})
	var wg sync.WaitGroup
	counts := make([]int, 8)
	for g := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				c := &collector{}
				f := source.File{Path: fmt.Sprintf(".github/workflows/w%d.yml", i)}
				if err := a.AnalyzeFile(context.Background(), &analyzer.Target{File: f, Content: generatedWorkflow(i)}, c); err != nil {
					t.Error(err)
				}
				counts[g] += len(c.findings)
			}
		}()
	}
	wg.Wait()
	for g, n := range counts {
		if n != counts[0] {
			t.Errorf("goroutine %d saw %d findings, goroutine 0 saw %d", g, n, counts[0])
		}
	}
}
