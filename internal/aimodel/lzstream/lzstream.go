// Package lzstream decompresses the LZMA-family streams model files come
// in (joblib with compress="xz" or "lzma", model.pkl.xz, the coders of 7z
// archives) with a bound on the decoder's memory. The LZMA and LZMA2
// decoders are github.com/ulikunitz/xz/lzma; the xz container around them
// is read here, so that every block's dictionary size is checked before
// the decoder allocates it. Output size is not bounded here: callers wrap
// the returned reader in their own limit. ContextReader lets callers stop
// any decompression stream when their time budget ends.
package lzstream

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/ulikunitz/xz/lzma"
)

// MaxDictionary is the largest LZMA dictionary accepted. The decoder
// allocates the dictionary up front, so a crafted header could otherwise
// ask for gigabytes. xz -9 and 7-Zip's ultra preset use 64 MiB.
const MaxDictionary = 128 << 20

const (
	// lzmaHeaderLen is the classic .lzma header: properties, dictionary
	// size, uncompressed size.
	lzmaHeaderLen = 13
	// xzHeaderLen is the xz stream header: magic, flags, CRC32.
	xzHeaderLen = 12
	// filterLZMA2 is the xz filter id of LZMA2.
	filterLZMA2 = 0x21
)

var xzMagic = []byte("\xfd7zXZ\x00")

// ErrUnsupported is returned for valid streams this package does not
// decode (xz filters other than LZMA2, such as BCJ or delta).
var ErrUnsupported = errors.New("unsupported compression filter")

// DictionaryError reports a dictionary over MaxDictionary.
type DictionaryError struct{ Size int64 }

func (e *DictionaryError) Error() string {
	return fmt.Sprintf("LZMA dictionary of %d bytes is over the %d-byte limit", e.Size, int64(MaxDictionary))
}

// IsXZ reports the xz magic.
func IsXZ(head []byte) bool { return bytes.HasPrefix(head, xzMagic) }

// IsLZMA reports a plausible classic .lzma header: a valid properties byte
// and a dictionary size that is a power of two or 2^n+2^(n-1), as every
// LZMA encoder writes.
func IsLZMA(head []byte) bool {
	if len(head) < lzmaHeaderLen || head[0] >= 9*5*5 {
		return false
	}
	d := binary.LittleEndian.Uint32(head[1:5])
	if d == 0xffffffff {
		return true
	}
	for n := 12; n < 32; n++ {
		if d == 1<<n || d == 1<<n|1<<(n-1) {
			return true
		}
	}
	return false
}

// NewLZMA reads a classic .lzma ("LZMA alone") stream.
func NewLZMA(r io.Reader) (io.Reader, error) {
	var h [lzmaHeaderLen]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return nil, fmt.Errorf("lzma header: %w", err)
	}
	if d := int64(binary.LittleEndian.Uint32(h[1:5])); d > MaxDictionary {
		return nil, &DictionaryError{Size: d}
	}
	return lzma.ReaderConfig{DictCap: MaxDictionary}.NewReader(buffered(io.MultiReader(bytes.NewReader(h[:]), r)))
}

// buffered gives the decoders, which read byte by byte, a buffer unless r
// already is one.
func buffered(r io.Reader) io.Reader {
	if _, ok := r.(io.ByteReader); ok {
		return r
	}
	return bufio.NewReaderSize(r, 64<<10)
}

// NewRawLZMA reads an LZMA stream without header, as 7z stores it: props
// are the coder's five property bytes, size the unpacked size (-1 when
// unknown).
func NewRawLZMA(r io.Reader, props []byte, size int64) (io.Reader, error) {
	if len(props) != 5 {
		return nil, fmt.Errorf("LZMA coder properties of %d bytes, want 5", len(props))
	}
	if d := int64(binary.LittleEndian.Uint32(props[1:5])); d > MaxDictionary {
		return nil, &DictionaryError{Size: d}
	}
	var h [lzmaHeaderLen]byte
	copy(h[:], props)
	binary.LittleEndian.PutUint64(h[5:], uint64(size))
	return lzma.ReaderConfig{DictCap: MaxDictionary}.NewReader(buffered(io.MultiReader(bytes.NewReader(h[:]), r)))
}

// NewRawLZMA2 reads an LZMA2 stream whose dictionary size is coded in
// prop (the one property byte of the xz filter and the 7z coder).
func NewRawLZMA2(r io.Reader, prop byte) (io.Reader, error) {
	d, err := lzma.DecodeDictCap(prop & 0x3f)
	if err != nil {
		return nil, err
	}
	if d > MaxDictionary {
		return nil, &DictionaryError{Size: d}
	}
	return lzma.Reader2Config{DictCap: int(max(d, lzma.MinDictCap))}.NewReader2(buffered(r))
}

// NewXZ reads an xz file, stream by stream and block by block. Only the
// LZMA2 filter is decoded (what xz and Python's lzma module write by
// default); other filter chains return ErrUnsupported when their block is
// reached. Indexes and integrity checks are skipped over, not verified:
// the content is inspected, not trusted.
func NewXZ(r io.Reader) (io.Reader, error) {
	x := &xzReader{cr: &counter{r: bufio.NewReader(r)}}
	if err := x.streamHeader(); err != nil {
		return nil, err
	}
	return x, nil
}

func (x *xzReader) streamHeader() error {
	var h [xzHeaderLen]byte
	if _, err := io.ReadFull(x.cr, h[:]); err != nil {
		return fmt.Errorf("xz header: %w", err)
	}
	if !IsXZ(h[:]) || h[6] != 0 || h[7] > 0x0f {
		return errors.New("not an xz stream")
	}
	x.check = checkSize(h[7])
	return nil
}

// nextStream skips the index (its indicator already read) and the footer
// of the current stream, then the stream padding, and starts the next
// stream if one follows: xz tools and Python's lzma module decompress
// concatenated streams as one, so a pickle may run across them.
func (x *xzReader) nextStream() error {
	start := x.cr.n - 1
	records, err := x.varintFrom()
	if err != nil {
		return err
	}
	if records > maxIndexRecords {
		return fmt.Errorf("xz index lists %d blocks", records)
	}
	for i := uint64(0); i < 2*records; i++ {
		if _, err := x.varintFrom(); err != nil {
			return err
		}
	}
	pad := (4 - (x.cr.n-start)%4) % 4
	if _, err := io.CopyN(io.Discard, x.cr, pad+4+xzHeaderLen); err != nil { // padding, CRC32, footer
		return fmt.Errorf("xz index: %w", noEOF(err))
	}
	for {
		// Stream padding: zero bytes, four at a time.
		b, err := x.cr.r.Peek(4)
		if len(b) == 0 && errors.Is(err, io.EOF) {
			x.done = true
			return nil
		}
		if len(b) == 4 && b[0]|b[1]|b[2]|b[3] == 0 {
			if _, err := io.CopyN(io.Discard, x.cr, 4); err != nil {
				return err
			}
			continue
		}
		return x.streamHeader()
	}
}

// maxIndexRecords bounds the blocks an xz index may list.
const maxIndexRecords = 1 << 24

func (x *xzReader) varintFrom() (uint64, error) {
	var v uint64
	for i := 0; i < 9; i++ {
		b, err := x.cr.ReadByte()
		if err != nil {
			return 0, fmt.Errorf("xz index: %w", noEOF(err))
		}
		v |= uint64(b&0x7f) << (7 * i)
		if b&0x80 == 0 {
			return v, nil
		}
	}
	return 0, errors.New("xz index integer malformed")
}

func checkSize(t byte) int {
	switch {
	case t == 0:
		return 0
	case t <= 3:
		return 4
	case t <= 6:
		return 8
	case t <= 9:
		return 16
	case t <= 12:
		return 32
	}
	return 64
}

// counter counts the bytes read through it. It is an io.ByteReader so
// that the LZMA2 decoder reads no more than it needs.
type counter struct {
	r *bufio.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *counter) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

type xzReader struct {
	cr    *counter
	check int
	block io.Reader // current block's decoder, nil between blocks
	start int64     // offset of the current block's data
	done  bool
	err   error
}

func (x *xzReader) Read(p []byte) (int, error) {
	for {
		if x.err != nil {
			return 0, x.err
		}
		if x.done {
			return 0, io.EOF
		}
		if x.block == nil {
			x.err = x.nextBlock()
			continue
		}
		n, err := x.block.Read(p)
		if errors.Is(err, io.EOF) {
			x.err = x.endBlock()
			x.block = nil
			err = nil
		}
		if n > 0 || err != nil {
			return n, err
		}
	}
}

// nextBlock reads a block header and starts its decoder, or notes the
// index that ends the stream.
func (x *xzReader) nextBlock() error {
	b, err := x.cr.ReadByte()
	if err != nil {
		return fmt.Errorf("xz block header: %w", noEOF(err))
	}
	if b == 0 { // index indicator: no more blocks in this stream
		return x.nextStream()
	}
	h := make([]byte, (int(b)+1)*4-1)
	if _, err := io.ReadFull(x.cr, h); err != nil {
		return fmt.Errorf("xz block header: %w", noEOF(err))
	}
	flags := h[0]
	if flags&0x3c != 0 {
		return errors.New("xz block header has reserved flags set")
	}
	rest := h[1 : len(h)-4] // without the CRC32
	if flags&0x40 != 0 {
		if rest, err = skipVarint(rest); err != nil {
			return err
		}
	}
	if flags&0x80 != 0 {
		if rest, err = skipVarint(rest); err != nil {
			return err
		}
	}
	if flags&0x03 != 0 {
		return fmt.Errorf("xz block with %d filters: %w", flags&0x03+1, ErrUnsupported)
	}
	id, rest, err := varint(rest)
	if err != nil {
		return err
	}
	size, rest, err := varint(rest)
	if err != nil {
		return err
	}
	if id != filterLZMA2 {
		return fmt.Errorf("xz filter 0x%x: %w", id, ErrUnsupported)
	}
	if size != 1 || len(rest) < 1 {
		return errors.New("xz LZMA2 filter properties malformed")
	}
	x.start = x.cr.n // the decoder reads its first chunk header at once
	dec, err := NewRawLZMA2(x.cr, rest[0])
	if err != nil {
		return err
	}
	x.block = dec
	return nil
}

// endBlock skips the block padding and check.
func (x *xzReader) endBlock() error {
	pad := (4 - (x.cr.n-x.start)%4) % 4
	if _, err := io.CopyN(io.Discard, x.cr, pad+int64(x.check)); err != nil {
		return fmt.Errorf("xz block end: %w", noEOF(err))
	}
	return nil
}

func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// varint decodes an xz multibyte integer (at most nine bytes).
func varint(b []byte) (uint64, []byte, error) {
	var v uint64
	for i := 0; i < len(b) && i < 9; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i]&0x80 == 0 {
			return v, b[i+1:], nil
		}
	}
	return 0, nil, errors.New("xz block header integer malformed")
}

func skipVarint(b []byte) ([]byte, error) {
	_, rest, err := varint(b)
	return rest, err
}

// ContextReader returns a reader that stops with ctx's error once ctx is
// done. Decompressing what is only skipped (a large tar or 7z folder) can
// take longer than the caller's time budget; reads through this wrapper
// end with it.
func ContextReader(ctx context.Context, r io.Reader) io.Reader {
	return &ctxReader{ctx: ctx, r: r}
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
