package zipguard_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/aimodel/zipguard"
)

func open(t testing.TB, b []byte, lim zipguard.Limits) (*zipguard.Archive, error) {
	t.Helper()
	return zipguard.Open(bytes.NewReader(b), int64(len(b)), lim)
}

func readAll(a *zipguard.Archive) error {
	for _, f := range a.Files {
		rc, err := a.Open(f)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func TestBenign(t *testing.T) {
	a, err := open(t, testmodels.TorchZip(testmodels.StateDict()), zipguard.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if err := readAll(a); err != nil {
		t.Fatal(err)
	}
}

func TestBombs(t *testing.T) {
	zeros := make([]byte, 50<<20)
	var many []testmodels.ZipEntry
	for i := range 50 {
		many = append(many, testmodels.ZipEntry{Name: fmt.Sprint(i), Data: []byte("x")})
	}
	tests := []struct {
		name string
		zip  []byte
		lim  zipguard.Limits
	}{
		{"ratio", testmodels.Zip(testmodels.ZipEntry{Name: "data.pkl", Data: zeros, Deflate: true}), zipguard.Limits{}},
		{"entry count", testmodels.Zip(many...), zipguard.Limits{MaxEntries: 10}},
		{"total", testmodels.Zip(testmodels.ZipEntry{Name: "a", Data: zeros[:2<<20]}, testmodels.ZipEntry{Name: "b", Data: zeros[:2<<20]}), zipguard.Limits{MaxTotal: 3 << 20}},
		{"entry size", testmodels.Zip(testmodels.ZipEntry{Name: "a", Data: zeros[:2<<20]}), zipguard.Limits{MaxEntrySize: 1 << 20}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := open(t, tt.zip, tt.lim)
			if err == nil {
				err = readAll(a)
			}
			var bomb *zipguard.BombError
			if !errors.As(err, &bomb) {
				t.Fatalf("got %v, want a BombError", err)
			}
		})
	}
}

func TestNotZip(t *testing.T) {
	if _, err := open(t, []byte("not a zip at all"), zipguard.Limits{}); !errors.Is(err, zipguard.ErrNotZip) {
		t.Errorf("got %v", err)
	}
}

func FuzzOpen(f *testing.F) {
	f.Add(testmodels.TorchZip(testmodels.StateDict()))
	f.Add(testmodels.Zip(testmodels.ZipEntry{Name: "config.json", Data: []byte(`{"a":1}`), Deflate: true}))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := zipguard.Open(bytes.NewReader(b), int64(len(b)), zipguard.Limits{MaxTotal: 1 << 20})
		if err != nil {
			return
		}
		_ = readAll(a)
	})
}
