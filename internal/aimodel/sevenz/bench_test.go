package sevenz_test

import (
	"bytes"
	"context"
	"io"
	"sync"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/aimodel/sevenz"
)

var benchArchive = sync.OnceValues(func() ([]byte, int) {
	data := make([]byte, 4<<20)
	x := uint32(1)
	for i := range data {
		x = x*1664525 + 1013904223
		data[i] = byte(x>>24) & 0x0f // low-entropy, like quantised weights
	}
	return testmodels.SevenZip(true, true, testmodels.ZipEntry{Name: "model.bin", Data: data}), len(data)
})

// BenchmarkWalkLZMA2 decodes a 4 MiB LZMA2 folder of weight-like bytes:
// the decoder bounds how fast 7z and xz models are scanned.
func BenchmarkWalkLZMA2(b *testing.B) {
	arc, n := benchArchive()
	b.SetBytes(int64(n))
	for b.Loop() {
		a, err := sevenz.Open(bytes.NewReader(arc), int64(len(arc)))
		if err != nil {
			b.Fatal(err)
		}
		err = a.Walk(context.Background(), func(*sevenz.File) bool { return true },
			func(_ *sevenz.File, r io.Reader) error { _, err := io.Copy(io.Discard, r); return err },
			func(*sevenz.File, error) {})
		if err != nil {
			b.Fatal(err)
		}
	}
}
