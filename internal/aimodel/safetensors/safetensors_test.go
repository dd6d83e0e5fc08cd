package safetensors_test

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel/safetensors"
)

// File builds a safetensors file from a header and a data length.
func file(header string, data int) []byte {
	var b bytes.Buffer
	_ = binary.Write(&b, binary.LittleEndian, uint64(len(header)))
	b.WriteString(header)
	b.Write(make([]byte, data))
	return b.Bytes()
}

func check(t *testing.T, b []byte) []string {
	t.Helper()
	_, problems, err := safetensors.Check(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return problems
}

func TestValid(t *testing.T) {
	for _, b := range [][]byte{
		file(`{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"b":{"dtype":"F16","shape":[2],"data_offsets":[16,20]},"__metadata__":{"format":"pt"}}  `, 20),
		file(`{}`, 0),
		file(`{"s":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}`, 8),
	} {
		if p := check(t, b); len(p) != 0 {
			t.Errorf("%q: %v", b[8:], p)
		}
	}
}

func TestMalformed(t *testing.T) {
	huge := make([]byte, 8)
	binary.LittleEndian.PutUint64(huge, 1<<62)
	tests := []struct {
		name string
		b    []byte
	}{
		{"short", []byte{1, 2}},
		{"absurd header length", huge},
		{"header past end", append(append([]byte{}, file(`{}`, 0)[:8]...), '{')[:9]},
		{"not json", file(`{"w":`, 0)},
		{"out of bounds", file(`{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}`, 8)},
		{"overlap", file(`{"a":{"dtype":"U8","shape":[8],"data_offsets":[0,8]},"b":{"dtype":"U8","shape":[8],"data_offsets":[4,12]}}`, 12)},
		{"size mismatch", file(`{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}`, 8)},
		{"overflow shape", file(`{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}`, 8)},
		{"metadata not strings", file(`{"__metadata__":{"a":1}}`, 0)},
		{"duplicate", file(`{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}`, 1)},
		{"hole", file(`{"a":{"dtype":"U8","shape":[1],"data_offsets":[4,5]}}`, 5)},
	}
	for _, tt := range tests {
		if p := check(t, tt.b); len(p) == 0 {
			t.Errorf("%s: no problem found", tt.name)
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add(file(`{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}`, 16))
	f.Add(file(`{"__metadata__":{"a":"b"}}`, 0))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _ = safetensors.Check(bytes.NewReader(b), int64(len(b)))
	})
}
