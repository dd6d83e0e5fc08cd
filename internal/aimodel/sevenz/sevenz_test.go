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

func entries() []testmodels.ZipEntry {
	return []testmodels.ZipEntry{
		{Name: "README.txt", Data: []byte("a model")},
		{Name: "model/data.pkl", Data: testmodels.Malicious()[0].Bytes},
		{Name: "weights.bin", Data: bytes.Repeat([]byte{1, 2, 3}, 1000)},
	}
}

func TestReadAll(t *testing.T) {
	for _, tc := range []struct {
		name          string
		lzma2, encode bool
	}{{"copy", false, false}, {"lzma2", true, false}, {"lzma2 encoded header", true, true}, {"copy encoded header", false, true}} {
		b := testmodels.SevenZip(tc.lzma2, tc.encode, entries()...)
		a, err := sevenz.Open(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(a.Files) != 3 || a.Files[1].Name != "model/data.pkl" {
			t.Fatalf("%s: files %+v", tc.name, a.Files)
		}
		got := map[string][]byte{}
		err = a.Walk(context.Background(), func(*sevenz.File) bool { return true }, func(f *sevenz.File, r io.Reader) error {
			got[f.Name], err = io.ReadAll(r)
			return err
		}, func(f *sevenz.File, err error) { t.Errorf("%s: %s skipped: %v", tc.name, f.Name, err) })
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, e := range entries() {
			if !bytes.Equal(got[e.Name], e.Data) {
				t.Errorf("%s: %s: got %d bytes, want %d", tc.name, e.Name, len(got[e.Name]), len(e.Data))
			}
		}
	}
}

// Only wanted files are handed over; the rest of the folder is skipped.
func TestWantOne(t *testing.T) {
	b := testmodels.SevenZip(true, true, entries()...)
	a, err := sevenz.Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	err = a.Walk(context.Background(), func(f *sevenz.File) bool { return f.Name == "model/data.pkl" },
		func(f *sevenz.File, r io.Reader) error { seen = append(seen, f.Name); return nil }, func(*sevenz.File, error) {})
	if err != nil || len(seen) != 1 {
		t.Errorf("seen %v, err %v", seen, err)
	}
}

func TestMalformed(t *testing.T) {
	good := testmodels.SevenZip(true, true, entries()...)
	// Every truncation and a byte flip at every position: an error or a
	// result, never a panic or a hang.
	for i := 0; i < len(good); i++ {
		for _, b := range [][]byte{good[:i], flip(good, i)} {
			a, err := sevenz.Open(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				continue
			}
			_ = a.Walk(context.Background(), func(*sevenz.File) bool { return true },
				func(_ *sevenz.File, r io.Reader) error { _, err := io.Copy(io.Discard, r); return err }, func(*sevenz.File, error) {})
		}
	}
	// A header size over the bound.
	big := bytes.Clone(good)
	big[20], big[21], big[22], big[23] = 0, 0, 0, 0x10
	var be *sevenz.BombError
	if _, err := sevenz.Open(bytes.NewReader(big), int64(len(big))); !errors.As(err, &be) {
		t.Errorf("huge header: got %v", err)
	}
	if _, err := sevenz.Open(bytes.NewReader([]byte("PK\x03\x04")), 4); err == nil {
		t.Error("zip taken for 7z")
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0xff
	return c
}

func FuzzOpen(f *testing.F) {
	f.Add(testmodels.SevenZip(false, false, entries()...))
	f.Add(testmodels.SevenZip(true, true, entries()...))
	real, _ := filepath.Glob(filepath.Join("testdata", "7zip", "*.7z"))
	for _, p := range real {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := sevenz.Open(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		_ = a.Walk(context.Background(), func(*sevenz.File) bool { return true },
			func(_ *sevenz.File, r io.Reader) error {
				_, err := io.Copy(io.Discard, io.LimitReader(r, 1<<24))
				return err
			}, func(*sevenz.File, error) {})
	})
}
