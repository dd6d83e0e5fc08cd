// Package sevenz reads 7z archives of model files with bounds. It parses
// the archive headers (plain or LZMA/LZMA2-encoded), lists the files and
// streams the content of the files asked for, decoding folders of one
// coder: Copy, LZMA, LZMA2, Deflate or BZip2. Other coder chains (AES
// encryption, BCJ filters, PPMd) are named, not decoded. Header sizes,
// counts, dictionary sizes (package lzstream), the total unpacked size and
// the compression ratio are bounded, so a crafted archive is reported
// rather than exhausting memory or time.
package sevenz

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/flate"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/socyber/codeaudit/internal/aimodel/lzstream"
)

// Bounds.
const (
	// MaxHeader bounds the (decoded) archive header.
	MaxHeader = 64 << 20
	// MaxFiles bounds the files an archive may list.
	MaxFiles = 100_000
	// MaxTotal bounds the bytes decoded from one archive.
	MaxTotal = 16 << 30
	// MaxRatio is the highest unpacked/packed ratio accepted for a folder
	// larger than RatioFloor.
	MaxRatio = 200
	// RatioFloor: smaller folders are not checked for ratio.
	RatioFloor = 1 << 20
	// maxEncodedHeaders bounds headers encoded inside encoded headers.
	maxEncodedHeaders = 4
	// maxCoders bounds the coders of one folder.
	maxCoders = 8
)

var signature = []byte("7z\xbc\xaf\x27\x1c")

// Is7z reports the 7z signature.
func Is7z(head []byte) bool { return bytes.HasPrefix(head, signature) }

// BombError reports an archive over a bound.
type BombError struct{ Reason string }

func (e *BombError) Error() string { return e.Reason }

// UnsupportedError names a coder chain that is not decoded.
type UnsupportedError struct{ Method string }

func (e *UnsupportedError) Error() string { return "7z method " + e.Method + " is not decoded" }

// File is one archive entry.
type File struct {
	Name string
	Size uint64
	Dir  bool
	// folder is the index of the folder holding the content, -1 for empty
	// files and directories.
	folder int
}

type coder struct {
	id        []byte
	nIn, nOut int
	props     []byte
}

type folder struct {
	coders   []coder
	bound    int // number of bind pairs
	nPacked  int
	packIdx  int // index of the folder's first pack stream
	unpack   []uint64
	hasCRC   bool
	nSub     int
	subSizes []uint64
}

func (f *folder) unpackSize() uint64 {
	// With one coder (all that is decoded) there is one output.
	if len(f.unpack) == 0 {
		return 0
	}
	return f.unpack[len(f.unpack)-1]
}

type streams struct {
	packPos   uint64
	packSizes []uint64
	folders   []*folder
}

// Archive is an opened 7z archive.
type Archive struct {
	Files   []File
	r       io.ReaderAt
	size    int64
	streams streams
}

// Open reads the headers of the archive in r.
func Open(r io.ReaderAt, size int64) (*Archive, error) {
	var sh [32]byte
	if _, err := r.ReadAt(sh[:], 0); err != nil {
		return nil, fmt.Errorf("7z signature header: %w", err)
	}
	if !Is7z(sh[:]) {
		return nil, errors.New("not a 7z archive")
	}
	off := binary.LittleEndian.Uint64(sh[12:20])
	n := binary.LittleEndian.Uint64(sh[20:28])
	if n == 0 {
		return &Archive{r: r, size: size}, nil // empty archive
	}
	if n > MaxHeader {
		return nil, &BombError{Reason: fmt.Sprintf("7z header of %d bytes is over the %d-byte limit", n, MaxHeader)}
	}
	if off > uint64(size) || 32+off+n > uint64(size) {
		return nil, fmt.Errorf("7z header at %d+%d is beyond the end of the file (%d bytes)", 32+off, n, size)
	}
	hb := make([]byte, n)
	if _, err := r.ReadAt(hb, int64(32+off)); err != nil {
		return nil, fmt.Errorf("7z header: %w", err)
	}
	a := &Archive{r: r, size: size}
	for depth := 0; ; depth++ {
		p := &parser{b: hb}
		id := p.number()
		switch {
		case p.err != nil:
			return nil, p.err
		case id == kHeader:
			if err := a.header(p); err != nil {
				return nil, err
			}
			return a, nil
		case id == kEncodedHeader && depth < maxEncodedHeaders:
			st, err := p.streamsInfo()
			if err != nil {
				return nil, err
			}
			if len(st.folders) == 0 {
				return nil, errors.New("7z encoded header without folders")
			}
			hb, err = a.decodeAll(st, st.folders[0], MaxHeader)
			if err != nil {
				return nil, fmt.Errorf("7z encoded header: %w", err)
			}
		default:
			return nil, fmt.Errorf("7z header starts with property 0x%x", id)
		}
	}
}

// Property ids.
const (
	kEnd                  = 0x00
	kHeader               = 0x01
	kArchiveProperties    = 0x02
	kAdditionalStreamInfo = 0x03
	kMainStreamsInfo      = 0x04
	kFilesInfo            = 0x05
	kPackInfo             = 0x06
	kUnPackInfo           = 0x07
	kSubStreamsInfo       = 0x08
	kSize                 = 0x09
	kCRC                  = 0x0a
	kFolder               = 0x0b
	kCodersUnPackSize     = 0x0c
	kNumUnPackStream      = 0x0d
	kEmptyStream          = 0x0e
	kEmptyFile            = 0x0f
	kName                 = 0x11
	kEncodedHeader        = 0x17
)

func (a *Archive) header(p *parser) error {
	for {
		id := p.number()
		if p.err != nil {
			return p.err
		}
		switch id {
		case kEnd:
			return a.assign()
		case kArchiveProperties:
			for p.err == nil {
				if t := p.number(); t == kEnd {
					break
				}
				p.skip(p.number())
			}
		case kAdditionalStreamInfo:
			if _, err := p.streamsInfo(); err != nil {
				return err
			}
		case kMainStreamsInfo:
			st, err := p.streamsInfo()
			if err != nil {
				return err
			}
			a.streams = st
		case kFilesInfo:
			if err := a.filesInfo(p); err != nil {
				return err
			}
		default:
			return fmt.Errorf("7z header has unexpected property 0x%x", id)
		}
	}
}

func (a *Archive) filesInfo(p *parser) error {
	n := p.count(MaxFiles)
	var empty, emptyFile []bool
	var names []string
	for p.err == nil {
		t := p.number()
		if t == kEnd {
			break
		}
		size := p.number()
		data := p.bytes(size)
		if p.err != nil {
			break
		}
		switch t {
		case kEmptyStream:
			empty = bits(data, n)
		case kEmptyFile:
			ne := 0
			for _, e := range empty {
				if e {
					ne++
				}
			}
			emptyFile = bits(data, ne)
		case kName:
			if len(data) == 0 || data[0] != 0 {
				return errors.New("7z file names stored outside the header")
			}
			names = utf16Names(data[1:], n)
		}
	}
	if p.err != nil {
		return p.err
	}
	a.Files = make([]File, n)
	ei := 0
	for i := range a.Files {
		f := &a.Files[i]
		f.folder = -1
		if i < len(names) {
			f.Name = names[i]
		}
		if i < len(empty) && empty[i] {
			f.Dir = !(ei < len(emptyFile) && emptyFile[ei])
			ei++
			f.folder = -2 // no stream
		}
	}
	return nil
}

// assign maps the files with content to folders and sub-stream sizes.
func (a *Archive) assign() error {
	fi := 0
	next := func() *File {
		for fi < len(a.Files) {
			f := &a.Files[fi]
			fi++
			if f.folder != -2 {
				return f
			}
		}
		return nil
	}
	for i, fo := range a.streams.folders {
		for _, sz := range fo.subSizes {
			f := next()
			if f == nil {
				return errors.New("7z archive lists more streams than files")
			}
			f.folder, f.Size = i, sz
		}
	}
	for i := range a.Files {
		if a.Files[i].folder < 0 {
			a.Files[i].folder = -1
		}
	}
	return nil
}

// Walk decodes, in archive order, the folders holding a file for which
// want returns true, and calls fn with a reader of each wanted file's
// content (fn need not read it all). Files in folders that are not
// decoded are passed to skip with the reason. Walk stops at the first
// error fn returns, a context error, or a bound (*BombError).
func (a *Archive) Walk(ctx context.Context, want func(*File) bool, fn func(*File, io.Reader) error, skip func(*File, error)) error {
	var total uint64
	byFolder := make([][]*File, len(a.streams.folders))
	for j := range a.Files {
		if f := &a.Files[j]; f.folder >= 0 && f.folder < len(byFolder) {
			byFolder[f.folder] = append(byFolder[f.folder], f)
		}
	}
	for i, fo := range a.streams.folders {
		files := byFolder[i]
		last := -1
		for j, f := range files {
			if want(f) {
				last = j
			}
		}
		if last < 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		u := fo.unpackSize()
		if total+u > MaxTotal || total+u < total {
			return &BombError{Reason: fmt.Sprintf("7z archive unpacks to more than %d bytes", uint64(MaxTotal))}
		}
		total += u
		dec, packed, err := a.decoder(a.streams, fo)
		if err != nil {
			var ue *UnsupportedError
			var de *lzstream.DictionaryError
			if errors.As(err, &ue) || errors.As(err, &de) {
				for _, f := range files[:last+1] {
					if want(f) {
						skip(f, err)
					}
				}
				continue
			}
			return err
		}
		// Decoding a folder runs even for files that are only skipped:
		// honour the caller's time budget.
		dec = lzstream.ContextReader(ctx, dec)
		if u > RatioFloor && packed > 0 && u/packed > MaxRatio {
			return &BombError{Reason: fmt.Sprintf("7z folder compression ratio %d:1 (%d bytes from %d)", u/packed, u, packed)}
		}
		for _, f := range files[:last+1] {
			lr := &io.LimitedReader{R: dec, N: int64(min(f.Size, MaxTotal))}
			if want(f) {
				if err := fn(f, lr); err != nil {
					return err
				}
			}
			if _, err := io.Copy(io.Discard, lr); err != nil {
				return fmt.Errorf("7z %s: %w", f.Name, err)
			}
		}
	}
	return nil
}

// decodeAll decodes a whole folder into memory (encoded headers).
func (a *Archive) decodeAll(st streams, fo *folder, limit uint64) ([]byte, error) {
	if fo.unpackSize() > limit {
		return nil, &BombError{Reason: fmt.Sprintf("7z header unpacks to %d bytes, over the %d-byte limit", fo.unpackSize(), limit)}
	}
	dec, _, err := a.decoder(st, fo)
	if err != nil {
		return nil, err
	}
	b := make([]byte, fo.unpackSize())
	if _, err := io.ReadFull(dec, b); err != nil {
		return nil, err
	}
	return b, nil
}

// decoder returns a reader of a folder's unpacked content and its packed
// size.
func (a *Archive) decoder(st streams, fo *folder) (io.Reader, uint64, error) {
	if len(fo.coders) != 1 || fo.nPacked != 1 || fo.coders[0].nIn != 1 || fo.coders[0].nOut != 1 {
		return nil, 0, &UnsupportedError{Method: methodNames(fo)}
	}
	if fo.packIdx >= len(st.packSizes) {
		return nil, 0, errors.New("7z folder refers to a missing packed stream")
	}
	off := st.packPos
	for _, s := range st.packSizes[:fo.packIdx] {
		off += s
	}
	psize := st.packSizes[fo.packIdx]
	if off+32 < off || off+32 > uint64(a.size) || psize > uint64(a.size)-off-32 {
		return nil, 0, errors.New("7z packed stream beyond the end of the file")
	}
	// Buffered: the LZMA decoders read byte by byte, and r may be a file.
	src := bufio.NewReaderSize(io.NewSectionReader(a.r, int64(off+32), int64(psize)), 64<<10)
	c := fo.coders[0]
	var (
		dec io.Reader
		err error
	)
	switch string(c.id) {
	case "\x00":
		dec = src
	case "\x03\x01\x01":
		dec, err = lzstream.NewRawLZMA(src, c.props, int64(fo.unpackSize()))
	case "\x21":
		if len(c.props) != 1 {
			return nil, 0, errors.New("7z LZMA2 properties malformed")
		}
		dec, err = lzstream.NewRawLZMA2(src, c.props[0])
	case "\x04\x01\x08":
		dec = flate.NewReader(src)
	case "\x04\x02\x02":
		dec = bzip2.NewReader(src)
	default:
		return nil, 0, &UnsupportedError{Method: methodNames(fo)}
	}
	if err != nil {
		return nil, 0, err
	}
	return dec, psize, nil
}

func methodNames(fo *folder) string {
	var s string
	for i, c := range fo.coders {
		if i > 0 {
			s += "+"
		}
		switch string(c.id) {
		case "\x00":
			s += "Copy"
		case "\x03\x01\x01":
			s += "LZMA"
		case "\x21":
			s += "LZMA2"
		case "\x06\xf1\x07\x01":
			s += "AES (encrypted)"
		case "\x03\x03\x01\x03", "\x03\x03\x01\x1b":
			s += "BCJ"
		case "\x03\x04\x01":
			s += "PPMd"
		default:
			s += fmt.Sprintf("%x", c.id)
		}
	}
	return s
}

// parser reads header structures from a byte slice; the first error
// sticks and every later read returns zero values.
type parser struct {
	b   []byte
	i   int
	err error
}

func (p *parser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("7z header: "+format, args...)
	}
}

func (p *parser) byte() byte {
	if p.err != nil || p.i >= len(p.b) {
		p.fail("truncated")
		return 0
	}
	c := p.b[p.i]
	p.i++
	return c
}

// number reads 7z's variable-length integer: the leading one bits of the
// first byte count the bytes that follow.
func (p *parser) number() uint64 {
	first := p.byte()
	var v uint64
	mask := byte(0x80)
	for i := 0; i < 8; i++ {
		if first&mask == 0 {
			return v | uint64(first&(mask-1))<<(8*i)
		}
		v |= uint64(p.byte()) << (8 * i)
		mask >>= 1
	}
	return v
}

// count reads a number that counts items of at least one byte each (or
// bits, when bounded by max), refusing absurd values.
func (p *parser) count(max int) int {
	n := p.number()
	if p.err == nil && (n > uint64(max) || n > uint64(len(p.b))*8) {
		p.fail("count %d out of bounds", n)
		return 0
	}
	return int(n)
}

func (p *parser) bytes(n uint64) []byte {
	if p.err != nil || n > uint64(len(p.b)-p.i) {
		p.fail("truncated")
		return nil
	}
	b := p.b[p.i : p.i+int(n)]
	p.i += int(n)
	return b
}

func (p *parser) skip(n uint64) { p.bytes(n) }

func (p *parser) expect(id uint64) {
	if got := p.number(); p.err == nil && got != id {
		p.fail("property 0x%x where 0x%x was expected", got, id)
	}
}

// digests skips a CRC list of n items and reports which are defined.
func (p *parser) digests(n int) {
	all := p.byte()
	defined := n
	if all == 0 {
		defined = 0
		for _, d := range bits(p.bytes(uint64((n+7)/8)), n) {
			if d {
				defined++
			}
		}
	}
	p.skip(uint64(defined) * 4)
}

func (p *parser) streamsInfo() (streams, error) {
	var st streams
	for p.err == nil {
		switch id := p.number(); id {
		case kEnd:
			return st, p.err
		case kPackInfo:
			st.packPos = p.number()
			n := p.count(MaxFiles)
			for p.err == nil {
				t := p.number()
				if t == kEnd {
					break
				}
				switch t {
				case kSize:
					st.packSizes = make([]uint64, n)
					for i := range st.packSizes {
						st.packSizes[i] = p.number()
					}
				case kCRC:
					p.digests(n)
				default:
					p.fail("pack info property 0x%x", t)
				}
			}
		case kUnPackInfo:
			p.unpackInfo(&st)
		case kSubStreamsInfo:
			p.subStreams(&st)
		default:
			p.fail("streams info property 0x%x", id)
		}
	}
	return st, p.err
}

func (p *parser) unpackInfo(st *streams) {
	p.expect(kFolder)
	n := p.count(MaxFiles)
	if p.byte() != 0 {
		p.fail("folders stored outside the header")
		return
	}
	packIdx := 0
	for i := 0; i < n && p.err == nil; i++ {
		fo := p.folder()
		fo.packIdx = packIdx
		packIdx += fo.nPacked
		st.folders = append(st.folders, fo)
	}
	p.expect(kCodersUnPackSize)
	for _, fo := range st.folders {
		outs := 0
		for _, c := range fo.coders {
			outs += c.nOut
		}
		fo.unpack = make([]uint64, outs)
		for i := range fo.unpack {
			fo.unpack[i] = p.number()
		}
		fo.nSub = 1
		fo.subSizes = []uint64{fo.unpackSize()}
	}
	for p.err == nil {
		t := p.number()
		if t == kEnd {
			return
		}
		if t != kCRC {
			p.fail("unpack info property 0x%x", t)
			return
		}
		all := p.byte()
		def := make([]bool, len(st.folders))
		if all != 0 {
			for i := range def {
				def[i] = true
			}
		} else {
			def = bits(p.bytes(uint64((len(st.folders)+7)/8)), len(st.folders))
		}
		for i, d := range def {
			if d {
				st.folders[i].hasCRC = true
				p.skip(4)
			}
		}
	}
}

func (p *parser) folder() *folder {
	fo := &folder{}
	nc := p.count(maxCoders)
	ins, outs := 0, 0
	for i := 0; i < nc && p.err == nil; i++ {
		flags := p.byte()
		if flags&0x80 != 0 {
			p.fail("alternative coder methods")
			return fo
		}
		c := coder{id: bytes.Clone(p.bytes(uint64(flags & 0x0f))), nIn: 1, nOut: 1}
		if flags&0x10 != 0 {
			c.nIn, c.nOut = p.count(maxCoders), p.count(maxCoders)
		}
		if flags&0x20 != 0 {
			c.props = bytes.Clone(p.bytes(p.number()))
		}
		ins += c.nIn
		outs += c.nOut
		fo.coders = append(fo.coders, c)
	}
	if outs == 0 {
		p.fail("folder without coders")
		return fo
	}
	fo.bound = outs - 1
	for i := 0; i < fo.bound; i++ {
		p.number()
		p.number()
	}
	fo.nPacked = ins - fo.bound
	if fo.nPacked < 1 {
		p.fail("folder without packed streams")
		return fo
	}
	if fo.nPacked > 1 {
		for i := 0; i < fo.nPacked; i++ {
			p.number()
		}
	}
	return fo
}

func (p *parser) subStreams(st *streams) {
	for p.err == nil {
		t := p.number()
		switch t {
		case kEnd:
			return
		case kNumUnPackStream:
			for _, fo := range st.folders {
				fo.nSub = p.count(MaxFiles)
				fo.subSizes = nil
				if fo.nSub == 1 {
					fo.subSizes = []uint64{fo.unpackSize()}
				}
			}
		case kSize:
			for _, fo := range st.folders {
				if fo.nSub <= 1 {
					continue
				}
				fo.subSizes = make([]uint64, fo.nSub)
				var sum uint64
				for i := 0; i < fo.nSub-1; i++ {
					fo.subSizes[i] = p.number()
					sum += fo.subSizes[i]
				}
				if sum > fo.unpackSize() {
					p.fail("sub-stream sizes exceed the folder size")
					return
				}
				fo.subSizes[fo.nSub-1] = fo.unpackSize() - sum
			}
		case kCRC:
			n := 0
			for _, fo := range st.folders {
				if fo.nSub != 1 || !fo.hasCRC {
					n += fo.nSub
				}
			}
			p.digests(n)
		default:
			p.fail("sub-streams property 0x%x", t)
		}
	}
}

// bits unpacks a most-significant-bit-first bit vector of n bits.
func bits(b []byte, n int) []bool {
	out := make([]bool, n)
	for i := range out {
		if i/8 < len(b) {
			out[i] = b[i/8]&(0x80>>(i%8)) != 0
		}
	}
	return out
}

// utf16Names splits NUL-terminated UTF-16LE names.
func utf16Names(b []byte, n int) []string {
	var names []string
	var cur []uint16
	for i := 0; i+1 < len(b) && len(names) < n; i += 2 {
		c := uint16(b[i]) | uint16(b[i+1])<<8
		if c == 0 {
			names = append(names, string(utf16.Decode(cur)))
			cur = cur[:0]
			continue
		}
		cur = append(cur, c)
	}
	return names
}
