// Package zipguard opens zip archives from untrusted model files with
// bounds: entry count, declared and actual uncompressed sizes, compression
// ratio and a running total over the archive, so that a decompression bomb
// is reported instead of exhausting memory or time. It wraps archive/zip,
// which does the parsing; only the limits are ours.
package zipguard

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
)

// Limits bound one archive. Zero fields take the defaults below.
type Limits struct {
	// MaxEntries is the most entries an archive may list.
	MaxEntries int
	// MaxEntrySize is the most bytes read from one entry.
	MaxEntrySize int64
	// MaxTotal is the most bytes read from all entries together.
	MaxTotal int64
	// MaxRatio is the highest uncompressed/compressed ratio accepted for
	// entries larger than RatioFloor.
	MaxRatio int64
}

// Defaults.
const (
	DefaultMaxEntries   = 100_000
	DefaultMaxEntrySize = 4 << 30
	DefaultMaxTotal     = 16 << 30
	DefaultMaxRatio     = 200
	// RatioFloor: entries smaller than this are not checked for ratio
	// (tiny text files compress very well).
	RatioFloor = 1 << 20
)

func (l Limits) withDefaults() Limits {
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	if l.MaxEntrySize <= 0 {
		l.MaxEntrySize = DefaultMaxEntrySize
	}
	if l.MaxTotal <= 0 {
		l.MaxTotal = DefaultMaxTotal
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	return l
}

// BombError reports an entry or archive over a limit.
type BombError struct {
	Entry  string
	Reason string
}

func (e *BombError) Error() string {
	if e.Entry == "" {
		return "decompression bomb: " + e.Reason
	}
	return fmt.Sprintf("decompression bomb in %s: %s", e.Entry, e.Reason)
}

// ErrNotZip is returned when the data is not a zip archive.
var ErrNotZip = errors.New("not a zip archive")

// Archive is an opened zip with a byte budget shared by its entries. It is
// not safe for concurrent use.
type Archive struct {
	Files []*zip.File
	lim   Limits
	read  int64
}

// Open reads the central directory. A *BombError is returned when the
// archive lists too many entries.
func Open(r io.ReaderAt, size int64, lim Limits) (*Archive, error) {
	lim = lim.withDefaults()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) {
			return nil, fmt.Errorf("%w: %w", ErrNotZip, err)
		}
		// archive/zip refuses insecure names with ErrInsecurePath while
		// still returning a usable reader.
		if !errors.Is(err, zip.ErrInsecurePath) || zr == nil {
			return nil, fmt.Errorf("read zip: %w", err)
		}
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, &BombError{Reason: fmt.Sprintf("%d entries, more than the limit of %d", len(zr.File), lim.MaxEntries)}
	}
	return &Archive{Files: zr.File, lim: lim}, nil
}

// Check reports whether an entry's declared sizes break the limits, before
// anything is decompressed.
func (a *Archive) Check(f *zip.File) error {
	u, c := int64(f.UncompressedSize64), int64(f.CompressedSize64)
	if f.UncompressedSize64 > uint64(a.lim.MaxEntrySize) {
		return &BombError{Entry: f.Name, Reason: fmt.Sprintf("declares %d bytes uncompressed, more than the limit of %d", f.UncompressedSize64, a.lim.MaxEntrySize)}
	}
	if u > RatioFloor && f.Method != zip.Store {
		if c <= 0 || u/c > a.lim.MaxRatio {
			return &BombError{Entry: f.Name, Reason: fmt.Sprintf("compression ratio %d:1 (%d bytes from %d)", u/max(c, 1), u, c)}
		}
	}
	if a.read+u > a.lim.MaxTotal {
		return &BombError{Entry: f.Name, Reason: fmt.Sprintf("archive expands to more than %d bytes", a.lim.MaxTotal)}
	}
	return nil
}

// Open opens an entry after Check. The returned reader stops with a
// *BombError when the entry yields more than it declared or the limits
// allow, whatever its headers say.
func (a *Archive) Open(f *zip.File) (io.ReadCloser, error) {
	if err := a.Check(f); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", f.Name, err)
	}
	limit := min(a.lim.MaxEntrySize, int64(f.UncompressedSize64))
	return &bounded{rc: rc, a: a, name: f.Name, left: limit}, nil
}

type bounded struct {
	rc   io.ReadCloser
	a    *Archive
	name string
	left int64
}

func (b *bounded) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One more byte means the entry lied about its size.
		var one [1]byte
		if n, _ := b.rc.Read(one[:]); n > 0 {
			return 0, &BombError{Entry: b.name, Reason: "yields more bytes than it declares"}
		}
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	b.a.read += int64(n)
	if b.a.read > b.a.lim.MaxTotal {
		return n, &BombError{Entry: b.name, Reason: fmt.Sprintf("archive expands to more than %d bytes", b.a.lim.MaxTotal)}
	}
	return n, err
}

func (b *bounded) Close() error { return b.rc.Close() }

// ReadAll reads a whole entry of at most max bytes, for entries that must
// be parsed in memory (a nested archive, a JSON config).
func (a *Archive) ReadAll(f *zip.File, max int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("%s: %d bytes, more than the %d read into memory", f.Name, f.UncompressedSize64, max)
	}
	rc, err := a.Open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s: more than the %d bytes read into memory", f.Name, max)
	}
	return b, nil
}
