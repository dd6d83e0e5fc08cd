package deps

import (
	"archive/zip"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// testNow is the fixed clock of the tests.
var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// sharedOSV is the shared real-advisory snapshot (Go, PyPI, crates.io):
// $CODEAUDIT_OSV_SNAPSHOT, else the first shared/data/osv beside the
// repository or one of its ancestors (../shared from /work/main, or from
// a worktree nested deeper). Tests skip without it.
func sharedOSV(t testing.TB) string {
	t.Helper()
	dir, err := findSnapshot()
	if err != nil {
		t.Skip(err)
	}
	return dir
}

func findSnapshot() (string, error) {
	if dir := os.Getenv("CODEAUDIT_OSV_SNAPSHOT"); dir != "" {
		return dir, nil
	}
	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..", "..") // internal/deps -> repository
	for dir := filepath.Dir(repo); ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "shared", "data", "osv")
		if _, err := os.Stat(filepath.Join(cand, "Go", "all.zip")); err == nil {
			return cand, nil
		}
		if parent := filepath.Dir(dir); parent == dir {
			return "", fmt.Errorf("shared OSV snapshot not found beside %s or its ancestors (set CODEAUDIT_OSV_SNAPSHOT)", repo)
		}
	}
}

// testDB builds a database directory: the shared zips linked in, plus
// zips built from testdata/osv/<Ecosystem>/*.json.
func testDB(t testing.TB) string {
	t.Helper()
	shared := sharedOSV(t)
	dir := t.TempDir()
	for _, eco := range []string{"Go", "PyPI", "crates.io"} {
		if err := os.MkdirAll(filepath.Join(dir, eco), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(shared, eco, "all.zip"), filepath.Join(dir, eco, "all.zip")); err != nil {
			t.Fatal(err)
		}
	}
	ecos, _ := os.ReadDir("testdata/osv")
	for _, e := range ecos {
		writeZip(t, filepath.Join(dir, e.Name(), "all.zip"), filepath.Join("testdata/osv", e.Name()))
	}
	return dir
}

func writeZip(t testing.TB, dst, srcDir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	files, _ := filepath.Glob(filepath.Join(srcDir, "*.json"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(filepath.Base(p))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// project lists dir's files the way the engine hands them over.
func project(t testing.TB, dir string) *analyzer.Project {
	t.Helper()
	root, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []source.File
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		st, err := d.Info()
		if err != nil {
			return err
		}
		files = append(files, source.File{Path: filepath.ToSlash(rel), Abs: p, Size: st.Size()})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return &analyzer.Project{
		Root:  root,
		Files: files,
		ReadFile: func(p string) ([]byte, error) {
			return os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		},
	}
}

type collector struct {
	mu       sync.Mutex
	findings []finding.Finding
	warnings []string
}

func (c *collector) Emit(f finding.Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f.Classify()
	c.findings = append(c.findings, f)
}

func (c *collector) Warn(path, msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.warnings = append(c.warnings, strings.TrimSpace(path+": "+msg))
}

func (c *collector) byRule(id string) []finding.Finding {
	var out []finding.Finding
	for _, f := range c.findings {
		if f.RuleID == id {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b finding.Finding) int {
		return strings.Compare(a.Location.String()+a.Properties["advisory_ids"], b.Location.String()+b.Properties["advisory_ids"])
	})
	return out
}

func run(t testing.TB, opts Options, dir string) *collector {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	a, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	c := &collector{}
	if err := a.AnalyzeProject(context.Background(), project(t, dir), c); err != nil {
		t.Fatal(err)
	}
	return c
}
