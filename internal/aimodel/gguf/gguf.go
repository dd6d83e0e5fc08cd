// Package gguf reads the header and metadata of a GGUF file (versions 1 to
// 3): magic, version, tensor and key-value counts, and the key-value pairs.
// String values are kept for the keys a caller asks for; everything else
// (token lists, tensor data) is skipped without being held in memory.
// Counts and lengths are checked against the file size before anything is
// allocated.
package gguf

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

const (
	// MaxKV bounds the metadata pairs.
	MaxKV = 1 << 20
	// MaxKeyLen bounds a key.
	MaxKeyLen = 1 << 16
	// MaxKeptString bounds a string value that is kept.
	MaxKeptString = 16 << 20
	// MaxArrayDepth bounds arrays of arrays.
	MaxArrayDepth = 4
	ctxEvery      = 4096
)

// Value types.
const (
	typeUint8 uint32 = iota
	typeInt8
	typeUint16
	typeInt16
	typeUint32
	typeInt32
	typeFloat32
	typeBool
	typeString
	typeArray
	typeUint64
	typeInt64
	typeFloat64
)

// Header is what Read found.
type Header struct {
	Version     uint32
	TensorCount uint64
	KVCount     uint64
	// Keys lists every metadata key in order.
	Keys []string
	// Strings holds the string values of the keys Read was asked to keep.
	Strings map[string]string
}

// ErrNotGGUF is returned when the magic is missing.
var ErrNotGGUF = errors.New("not a GGUF file")

// FormatError is a malformed header.
type FormatError struct{ Msg string }

func (e *FormatError) Error() string { return "malformed GGUF: " + e.Msg }

type reader struct {
	r    *bufio.Reader
	off  int64
	size int64
	v    uint32
}

func (r *reader) bad(format string, args ...any) error {
	return &FormatError{Msg: fmt.Sprintf(format, args...) + fmt.Sprintf(" (offset %d)", r.off)}
}

func (r *reader) read(b []byte) error {
	n, err := io.ReadFull(r.r, b)
	r.off += int64(n)
	if err != nil {
		return r.bad("truncated")
	}
	return nil
}

func (r *reader) u32() (uint32, error) {
	var b [4]byte
	err := r.read(b[:])
	return binary.LittleEndian.Uint32(b[:]), err
}

func (r *reader) u64() (uint64, error) {
	var b [8]byte
	err := r.read(b[:])
	return binary.LittleEndian.Uint64(b[:]), err
}

// count reads a count or length: 32 bits in version 1, 64 after.
func (r *reader) count() (uint64, error) {
	if r.v == 1 {
		v, err := r.u32()
		return uint64(v), err
	}
	return r.u64()
}

func (r *reader) left() int64 { return r.size - r.off }

func (r *reader) skip(n uint64) error {
	if n > uint64(r.left()) {
		return r.bad("length %d runs past the end of the file", n)
	}
	m, err := r.r.Discard(int(n))
	r.off += int64(m)
	if err != nil {
		return r.bad("truncated")
	}
	return nil
}

func (r *reader) str(keep bool, max uint64) (string, error) {
	n, err := r.count()
	if err != nil {
		return "", err
	}
	if n > uint64(r.left()) {
		return "", r.bad("string length %d runs past the end of the file", n)
	}
	if !keep || n > max {
		return "", r.skip(n)
	}
	b := make([]byte, n)
	return string(b), r.read(b)
}

// Read parses the header of a GGUF file of the given size and keeps the
// string values whose key satisfies keep.
func Read(ctx context.Context, rd io.Reader, size int64, keep func(key string) bool) (*Header, error) {
	r := &reader{r: bufio.NewReaderSize(rd, 64<<10), size: size}
	var magic [4]byte
	if err := r.read(magic[:]); err != nil || string(magic[:]) != "GGUF" {
		return nil, ErrNotGGUF
	}
	h := &Header{Strings: map[string]string{}}
	var err error
	if h.Version, err = r.u32(); err != nil {
		return nil, err
	}
	if h.Version < 1 || h.Version > 3 {
		return nil, r.bad("unsupported version %d", h.Version)
	}
	r.v = h.Version
	if h.TensorCount, err = r.count(); err != nil {
		return nil, err
	}
	if h.KVCount, err = r.count(); err != nil {
		return nil, err
	}
	// Every tensor needs at least a name length, dimensions, type and
	// offset; every pair at least a key length and a type.
	if h.TensorCount > uint64(size)/24 {
		return h, r.bad("tensor count %d is impossible in a %d-byte file", h.TensorCount, size)
	}
	if h.KVCount > MaxKV || h.KVCount > uint64(size)/12 {
		return h, r.bad("metadata count %d is impossible in a %d-byte file", h.KVCount, size)
	}
	for i := uint64(0); i < h.KVCount; i++ {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return h, err
			}
		}
		key, err := r.str(true, MaxKeyLen)
		if err != nil {
			return h, err
		}
		if key == "" {
			return h, r.bad("empty or oversized key")
		}
		h.Keys = append(h.Keys, key)
		typ, err := r.u32()
		if err != nil {
			return h, err
		}
		if typ == typeString && keep != nil && keep(key) {
			s, err := r.str(true, MaxKeptString)
			if err != nil {
				return h, err
			}
			h.Strings[key] = s
			continue
		}
		if err := r.skipValue(ctx, typ, 0); err != nil {
			return h, err
		}
	}
	return h, nil
}

func fixedSize(typ uint32) (uint64, bool) {
	switch typ {
	case typeUint8, typeInt8, typeBool:
		return 1, true
	case typeUint16, typeInt16:
		return 2, true
	case typeUint32, typeInt32, typeFloat32:
		return 4, true
	case typeUint64, typeInt64, typeFloat64:
		return 8, true
	}
	return 0, false
}

func (r *reader) skipValue(ctx context.Context, typ uint32, depth int) error {
	if n, ok := fixedSize(typ); ok {
		return r.skip(n)
	}
	switch typ {
	case typeString:
		_, err := r.str(false, 0)
		return err
	case typeArray:
		if depth >= MaxArrayDepth {
			return r.bad("arrays nested deeper than %d", MaxArrayDepth)
		}
		et, err := r.u32()
		if err != nil {
			return err
		}
		n, err := r.count()
		if err != nil {
			return err
		}
		if sz, ok := fixedSize(et); ok {
			if n > uint64(r.left())/sz {
				return r.bad("array of %d elements runs past the end of the file", n)
			}
			return r.skip(n * sz)
		}
		// Strings need at least their length (4 or 8 bytes) each.
		if n > uint64(r.left())/4 {
			return r.bad("array of %d elements runs past the end of the file", n)
		}
		for i := uint64(0); i < n; i++ {
			if i%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if err := r.skipValue(ctx, et, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return r.bad("unknown value type %d", typ)
}
