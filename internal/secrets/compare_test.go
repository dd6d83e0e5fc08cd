package secrets

import (
	"bytes"
	"context"
	"github.com/socyber/codeaudit/internal/analyzer"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestMeasureDir times a working-tree scan of $CODEAUDIT_SECRETS_DIR the way
// the engine runs it (walk, read, scan on every core), for side-by-side
// comparisons with other scanners. Skipped unless the variable is set.
func TestMeasureDir(t *testing.T) {
	dir := os.Getenv("CODEAUDIT_SECRETS_DIR")
	if dir == "" {
		t.Skip("set CODEAUDIT_SECRETS_DIR to measure")
	}
	a := New(Options{})
	start := time.Now()
	paths := make(chan string)
	var mu sync.Mutex
	var total, findings, files int
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				data, err := os.ReadFile(p)
				if err != nil || bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
					continue
				}
				rel, _ := filepath.Rel(dir, p)
				fs, err := a.ScanText(context.Background(), filepath.ToSlash(rel), data)
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				if os.Getenv("CODEAUDIT_SECRETS_VERBOSE") != "" {
					for _, f := range fs {
						t.Logf("%s %s:%d %s %s", f.RuleID, f.Location.Path, f.Location.StartLine, f.Confidence, f.Snippet.Lines[f.Location.StartLine-f.Snippet.StartLine])
					}
				}
				total += len(data)
				findings += len(fs)
				files++
				mu.Unlock()
			}
		}()
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && !skipFile(p) {
			paths <- p
		}
		return nil
	})
	close(paths)
	wg.Wait()
	el := time.Since(start)
	t.Logf("%d files, %.1f MB, %d findings in %v: %.1f MB/s", files, float64(total)/1e6, findings, el, float64(total)/1e6/el.Seconds())
}

// TestMeasureHistory times a --git-history scan of $CODEAUDIT_SECRETS_REPO.
func TestMeasureHistory(t *testing.T) {
	dir := os.Getenv("CODEAUDIT_SECRETS_REPO")
	if dir == "" {
		t.Skip("set CODEAUDIT_SECRETS_REPO to measure")
	}
	start := time.Now()
	e := &emitter{}
	hist, err := New(Options{}).collectHistory(context.Background(), dir, nil, e)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("history: %d distinct secrets in %v (warnings %v)", len(hist), time.Since(start), e.warnings)
}

// TestMeasureStaged times a --staged scan of $CODEAUDIT_SECRETS_REPO.
func TestMeasureStaged(t *testing.T) {
	dir := os.Getenv("CODEAUDIT_SECRETS_REPO")
	if dir == "" {
		t.Skip("set CODEAUDIT_SECRETS_REPO to measure")
	}
	start := time.Now()
	e := &emitter{}
	if err := New(Options{Staged: true}).AnalyzeProject(context.Background(), &analyzer.Project{Root: dir}, e); err != nil {
		t.Fatal(err)
	}
	t.Logf("staged: %d findings in %v", len(e.findings), time.Since(start))
}
