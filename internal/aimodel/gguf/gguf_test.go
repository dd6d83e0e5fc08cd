package gguf_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/aimodel/gguf"
)

// builder writes GGUF version 3 files.
type builder struct{ bytes.Buffer }

func (b *builder) u32(v uint32) *builder { _ = binary.Write(b, binary.LittleEndian, v); return b }
func (b *builder) u64(v uint64) *builder { _ = binary.Write(b, binary.LittleEndian, v); return b }
func (b *builder) str(s string) *builder { b.u64(uint64(len(s))); b.WriteString(s); return b }

func header(tensors, kvs uint64) *builder {
	b := &builder{}
	b.WriteString("GGUF")
	return b.u32(3).u64(tensors).u64(kvs)
}

func sample(template string) []byte {
	b := header(0, 4)
	b.str("general.architecture").u32(8).str("llama")
	b.str("llama.context_length").u32(4).u32(4096)
	b.str("tokenizer.ggml.tokens").u32(9).u32(8).u64(3).str("a").str("b").str("c")
	b.str("tokenizer.chat_template").u32(8).str(template)
	return b.Bytes()
}

func TestRead(t *testing.T) {
	b := sample("{{ messages }}")
	h, err := gguf.Read(context.Background(), bytes.NewReader(b), int64(len(b)), func(k string) bool { return strings.Contains(k, "chat_template") })
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"tokenizer.chat_template": "{{ messages }}"}, h.Strings); diff != "" {
		t.Errorf("strings (-want +got):\n%s", diff)
	}
	if len(h.Keys) != 4 || h.Version != 3 {
		t.Errorf("keys %v version %d", h.Keys, h.Version)
	}
}

func TestAbsurd(t *testing.T) {
	tests := map[string][]byte{
		"kv count":      header(0, 1<<60).Bytes(),
		"tensor count":  header(1<<60, 0).Bytes(),
		"string length": header(0, 1).str("k").u32(8).u64(1 << 62).Bytes(),
		"array length":  header(0, 1).str("k").u32(9).u32(0).u64(1 << 62).Bytes(),
		"string array":  header(0, 1).str("k").u32(9).u32(8).u64(1 << 40).Bytes(),
		"value type":    header(0, 1).str("k").u32(99).Bytes(),
		"truncated":     sample("x")[:40],
		"version":       (&builder{}).u32(0x46554747).u32(9).Bytes(),
	}
	for name, b := range tests {
		_, err := gguf.Read(context.Background(), bytes.NewReader(b), int64(len(b)), nil)
		var fe *gguf.FormatError
		if !errors.As(err, &fe) {
			t.Errorf("%s: got %v, want a FormatError", name, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample("{{ x }}"))
	f.Add(header(1, 0).Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = gguf.Read(context.Background(), bytes.NewReader(b), int64(len(b)), func(string) bool { return true })
	})
}
