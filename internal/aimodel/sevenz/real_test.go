package sevenz_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/aimodel/sevenz"
)

// The archives in testdata/7zip were written by 7-Zip 23 (7zz a) from a
// tree of three benign files: src/README.md, src/sub/config.json and
// src/weights.pkl (testmodels.StateDict), with the method each file is
// named after; aes.7z has an encrypted header (-p -mhe=on). They check
// the reader against the real tool rather than against testmodels'
// writer alone.
func TestArchivesFrom7Zip(t *testing.T) {
	want := map[string][]byte{
		"src/README.md":       []byte("# tiny model\n"),
		"src/sub/config.json": []byte("{\"hidden\": 8}\n"),
		"src/weights.pkl":     testmodels.StateDict(),
	}
	for _, name := range []string{"lzma2", "lzma", "store", "nonsolid", "deflate", "bzip2", "ppmd", "aes"} {
		b, err := os.ReadFile(filepath.Join("testdata", "7zip", name+".7z"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := sevenz.Open(bytes.NewReader(b), int64(len(b)))
		var ue *sevenz.UnsupportedError
		if name == "aes" {
			if !errors.As(err, &ue) {
				t.Errorf("aes: got %v, want an unsupported-method error", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		dirs := 0
		for _, f := range a.Files {
			if f.Dir {
				dirs++
			}
		}
		if len(a.Files) != 5 || dirs != 2 {
			t.Errorf("%s: %d files, %d directories; want 5 and 2: %+v", name, len(a.Files), dirs, a.Files)
		}
		got := map[string][]byte{}
		var skipped []string
		err = a.Walk(context.Background(), func(f *sevenz.File) bool { return !f.Dir },
			func(f *sevenz.File, r io.Reader) error {
				got[f.Name], err = io.ReadAll(r)
				return err
			}, func(f *sevenz.File, err error) { skipped = append(skipped, f.Name) })
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if name == "ppmd" {
			if len(skipped) != 3 {
				t.Errorf("ppmd: skipped %v, want the three files", skipped)
			}
			continue
		}
		for n, w := range want {
			if !bytes.Equal(got[n], w) {
				t.Errorf("%s: %s: got %q, want %q", name, n, got[n], w)
			}
		}
	}
}
