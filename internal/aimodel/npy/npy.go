// Package npy reads the header of a NumPy .npy file (format versions 1 to
// 3) to tell whether its array has an object dtype, in which case the body
// is a pickle. Only the header is read; the array is never loaded.
package npy

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Magic starts every .npy file.
const Magic = "\x93NUMPY"

// MaxHeader bounds the header read (NumPy itself refuses headers over
// 10,000 bytes unless told otherwise).
const MaxHeader = 1 << 20

// Header is a parsed .npy header.
type Header struct {
	Major, Minor byte
	// Descr is the text of the 'descr' entry as written.
	Descr string
	// Object is set when the dtype, or a field of a structured dtype, is
	// the object type 'O': the body is then a pickle.
	Object bool
	// DataOffset is where the array body starts.
	DataOffset int64
}

// ErrNotNPY is returned when the magic string is missing.
var ErrNotNPY = errors.New("not a .npy file")

var objectType = regexp.MustCompile(`['"][|<>=]?O\d*['"]`)

// ReadHeader parses the header at the start of r.
func ReadHeader(r io.Reader) (*Header, error) {
	var pre [10]byte
	if _, err := io.ReadFull(r, pre[:8]); err != nil {
		return nil, ErrNotNPY
	}
	if string(pre[:6]) != Magic {
		return nil, ErrNotNPY
	}
	h := &Header{Major: pre[6], Minor: pre[7]}
	var n uint64
	switch h.Major {
	case 1:
		if _, err := io.ReadFull(r, pre[8:10]); err != nil {
			return nil, fmt.Errorf("npy header length: %w", err)
		}
		n = uint64(binary.LittleEndian.Uint16(pre[8:10]))
		h.DataOffset = 10 + int64(n)
	case 2, 3:
		var l [4]byte
		if _, err := io.ReadFull(r, l[:]); err != nil {
			return nil, fmt.Errorf("npy header length: %w", err)
		}
		n = uint64(binary.LittleEndian.Uint32(l[:]))
		h.DataOffset = 12 + int64(n)
	default:
		return nil, fmt.Errorf("npy format version %d.%d is not supported", h.Major, h.Minor)
	}
	if n > MaxHeader {
		return nil, fmt.Errorf("npy header of %d bytes is over the %d-byte limit", n, MaxHeader)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, fmt.Errorf("npy header truncated: %w", err)
	}
	text := string(buf)
	i := strings.Index(text, "'descr'")
	if i < 0 {
		i = strings.Index(text, `"descr"`)
	}
	if i < 0 {
		return nil, errors.New("npy header has no 'descr' entry")
	}
	d := text[i+len("'descr'"):]
	for _, k := range []string{"'fortran_order'", "'shape'", `"fortran_order"`, `"shape"`} {
		if j := strings.Index(d, k); j >= 0 {
			d = d[:j]
		}
	}
	h.Descr = strings.Trim(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(d), ":")), ", ")
	h.Object = objectType.MatchString(h.Descr)
	return h, nil
}
