package rules_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast"
	"github.com/socyber/codeaudit/internal/source"
)

// discard is an Emitter that drops everything.
type discard struct{}

func (discard) Emit(finding.Finding) {}
func (discard) Warn(string, string)  {}

// BenchmarkBuiltinPacksOnFixtures runs every built-in rule (pattern phase)
// over the pack fixtures, which are dense with matches: a worst case for
// matching cost per byte. Reports MB/s.
func BenchmarkBuiltinPacksOnFixtures(b *testing.B) {
	a, err := sast.New(sast.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	var targets []*analyzer.Target
	var size int64
	err = filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(filepath.ToSlash(p), "/") {
			return err
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(p)
		f := source.File{Path: rel, Size: int64(len(content)), Language: source.DetectLanguage(rel, content)}
		if a.Wants(&f) {
			targets = append(targets, &analyzer.Target{File: f, Content: content})
			size += int64(len(content))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, t := range targets {
			if err := a.AnalyzeFile(context.Background(), t, discard{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
