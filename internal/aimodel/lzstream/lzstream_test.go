package lzstream_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/aimodel/lzstream"
)

func sample() []byte {
	var b bytes.Buffer
	for i := 0; i < 20000; i++ {
		b.WriteString("weights ")
		b.WriteByte(byte(i))
	}
	return b.Bytes()
}

func TestRoundTrip(t *testing.T) {
	want := sample()
	for name, tc := range map[string]struct {
		data []byte
		open func(io.Reader) (io.Reader, error)
	}{
		"xz one block":                {testmodels.XZ(want, 0), lzstream.NewXZ},
		"xz many blocks":              {testmodels.XZ(want, 7000), lzstream.NewXZ},
		"xz two streams with padding": {append(append(testmodels.XZ(want[:5000], 0), 0, 0, 0, 0), testmodels.XZ(want[5000:], 3000)...), lzstream.NewXZ},
		"lzma":                        {testmodels.LZMA(want), lzstream.NewLZMA},
		"lzma2": {testmodels.LZMA2(want), func(r io.Reader) (io.Reader, error) {
			return lzstream.NewRawLZMA2(r, testmodels.DictProp)
		}},
	} {
		r, err := tc.open(bytes.NewReader(tc.data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got %d bytes, want %d", name, len(got), len(want))
		}
	}
	if !lzstream.IsXZ(testmodels.XZ(want, 0)) || !lzstream.IsLZMA(testmodels.LZMA(want)) {
		t.Error("magic not recognised")
	}
	if lzstream.IsLZMA([]byte("just some text, not lzma")) {
		t.Error("text taken for lzma")
	}
}

// A header asking for a huge dictionary is refused before any allocation.
func TestDictionaryBound(t *testing.T) {
	h := []byte{0x5d, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	binary.LittleEndian.PutUint32(h[1:5], 1<<31)
	var de *lzstream.DictionaryError
	if _, err := lzstream.NewLZMA(bytes.NewReader(h)); !errors.As(err, &de) {
		t.Errorf("lzma: got %v, want DictionaryError", err)
	}
	if _, err := lzstream.NewRawLZMA2(bytes.NewReader(nil), 40); !errors.As(err, &de) {
		t.Errorf("lzma2: got %v, want DictionaryError", err)
	}
	// An xz block whose LZMA2 filter says 1.5 GiB.
	x := testmodels.XZ([]byte("abc"), 0)
	x = patchXZDict(t, x, 38)
	r, err := lzstream.NewXZ(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(r); !errors.As(err, &de) {
		t.Errorf("xz: got %v, want DictionaryError", err)
	}
}

// patchXZDict rewrites the dictionary property of the first block.
func patchXZDict(t *testing.T, x []byte, prop byte) []byte {
	t.Helper()
	x = bytes.Clone(x)
	// Stream header (12), block header size, flags, filter id 0x21, size 1, prop.
	i := 12 + 2
	if x[13]&0x40 != 0 || x[13]&0x80 != 0 {
		t.Skip("block header carries sizes; patch offset unknown")
	}
	if x[i] != 0x21 || x[i+1] != 1 {
		t.Fatalf("unexpected block header % x", x[12:20])
	}
	x[i+2] = prop
	return x
}

func TestUnsupportedAndBroken(t *testing.T) {
	x := testmodels.XZ([]byte("abc"), 0)
	bcj := bytes.Clone(x)
	if bcj[12+2] == 0x21 {
		bcj[12+2] = 0x04 // x86 BCJ
		r, err := lzstream.NewXZ(bytes.NewReader(bcj))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadAll(r); !errors.Is(err, lzstream.ErrUnsupported) {
			t.Errorf("bcj: got %v", err)
		}
	}
	for i := 0; i < len(x); i++ {
		r, err := lzstream.NewXZ(bytes.NewReader(x[:i]))
		if err != nil {
			continue
		}
		if _, err := io.ReadAll(r); err == nil && i != len(x) {
			// Truncation anywhere must be an error.
			t.Errorf("truncated at %d: no error", i)
		}
	}
}

func FuzzXZ(f *testing.F) {
	f.Add(testmodels.XZ([]byte("hello pickle"), 0))
	f.Add(testmodels.XZ(sample(), 5000))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := lzstream.NewXZ(bytes.NewReader(b))
		if err != nil {
			return
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(r, 1<<24))
	})
}

func FuzzLZMA(f *testing.F) {
	f.Add(testmodels.LZMA([]byte("hello pickle")))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := lzstream.NewLZMA(bytes.NewReader(b))
		if err != nil {
			return
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(r, 1<<24))
	})
}
