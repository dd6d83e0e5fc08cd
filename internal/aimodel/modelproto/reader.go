package modelproto

import (
	"context"
	"errors"
	"fmt"
	"io"

	"google.golang.org/protobuf/encoding/protowire"
)

const (
	// MaxDepth bounds message nesting (subgraphs inside attributes).
	MaxDepth = 32
	// MaxFields bounds the fields visited in one file.
	MaxFields = 50_000_000
	// MaxString bounds a string field read.
	MaxString = 1 << 20
	blockSize = 64 << 10
	ctxEvery  = 1 << 14
)

// ErrMalformed wraps every decoding problem.
var ErrMalformed = errors.New("malformed protobuf")

// Field is one field of a message. For length-delimited fields Off and Len
// locate the payload in the file.
type Field struct {
	Num    protowire.Number
	Type   protowire.Type
	Varint uint64
	Off    int64
	Len    int64
}

// Reader reads protobuf fields from a file with a one-block cache.
type Reader struct {
	r      io.ReaderAt
	size   int64
	blk    []byte
	blkOff int64
	fields int
}

// NewReader reads a protobuf message of size bytes from r.
func NewReader(r io.ReaderAt, size int64) *Reader {
	return &Reader{r: r, size: size, blkOff: -1}
}

// Size is the size of the file.
func (p *Reader) Size() int64 { return p.size }

// peek returns up to n bytes at off (fewer at the end of the file).
func (p *Reader) peek(off int64, n int) ([]byte, error) {
	if off < 0 || off >= p.size {
		return nil, fmt.Errorf("%w: offset %d outside the file", ErrMalformed, off)
	}
	if p.blkOff < 0 || off < p.blkOff || off+int64(n) > p.blkOff+int64(len(p.blk)) {
		if p.blk == nil {
			p.blk = make([]byte, blockSize)
		}
		m, err := p.r.ReadAt(p.blk[:cap(p.blk)], off)
		if m == 0 && err != nil {
			return nil, fmt.Errorf("read at %d: %w", off, err)
		}
		p.blk, p.blkOff = p.blk[:m], off
	}
	b := p.blk[off-p.blkOff:]
	if len(b) > n {
		b = b[:n]
	}
	return b, nil
}

// Fields calls fn for each field of the message stored in [start, end).
func (p *Reader) Fields(ctx context.Context, start, end int64, fn func(Field) error) error {
	if end > p.size {
		return fmt.Errorf("%w: message ends at %d past the %d-byte file", ErrMalformed, end, p.size)
	}
	for off := start; off < end; {
		p.fields++
		if p.fields%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if p.fields > MaxFields {
			return fmt.Errorf("%w: more than %d fields", ErrMalformed, MaxFields)
		}
		b, err := p.peek(off, 20)
		if err != nil {
			return err
		}
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return fmt.Errorf("%w: bad tag at offset %d", ErrMalformed, off)
		}
		off += int64(n)
		f := Field{Num: num, Type: typ}
		switch typ {
		case protowire.VarintType:
			b, err := p.peek(off, 10)
			if err != nil {
				return err
			}
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return fmt.Errorf("%w: bad varint at offset %d", ErrMalformed, off)
			}
			f.Varint, off = v, off+int64(n)
		case protowire.Fixed32Type:
			off += 4
		case protowire.Fixed64Type:
			off += 8
		case protowire.BytesType:
			b, err := p.peek(off, 10)
			if err != nil {
				return err
			}
			l, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return fmt.Errorf("%w: bad length at offset %d", ErrMalformed, off)
			}
			off += int64(n)
			if l > uint64(end-off) {
				return fmt.Errorf("%w: field %d of %d bytes at offset %d runs past its message", ErrMalformed, num, l, off)
			}
			f.Off, f.Len = off, int64(l)
			off += int64(l)
		default:
			return fmt.Errorf("%w: unsupported wire type %d at offset %d", ErrMalformed, typ, off)
		}
		if off > end {
			return fmt.Errorf("%w: field %d runs past its message", ErrMalformed, num)
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// String reads a length-delimited field as a string, at most MaxString
// bytes.
func (p *Reader) String(f Field) (string, error) {
	if f.Type != protowire.BytesType {
		return "", fmt.Errorf("%w: field %d is not a string", ErrMalformed, f.Num)
	}
	n := min(f.Len, MaxString)
	b := make([]byte, n)
	if _, err := p.r.ReadAt(b, f.Off); err != nil && !(errors.Is(err, io.EOF) && int64(len(b)) == n) {
		return "", fmt.Errorf("read string at %d: %w", f.Off, err)
	}
	return string(b), nil
}

// sub calls fn for the fields of the embedded message f.
func (p *Reader) sub(ctx context.Context, f Field, depth int, fn func(Field) error) error {
	if f.Type != protowire.BytesType {
		return fmt.Errorf("%w: field %d is not a message", ErrMalformed, f.Num)
	}
	if depth > MaxDepth {
		return fmt.Errorf("%w: messages nested deeper than %d", ErrMalformed, MaxDepth)
	}
	return p.Fields(ctx, f.Off, f.Off+f.Len, fn)
}
