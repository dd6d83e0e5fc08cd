// Package safetensors validates the header of a safetensors file: the
// 8-byte little-endian header length, the JSON header, every tensor's
// dtype, shape and data offsets (in bounds, matching the dtype and shape,
// contiguous and non-overlapping) and the __metadata__ map. The tensor data
// is never read.
package safetensors

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/bits"
	"sort"
	"unicode/utf8"
)

const (
	// MaxHeader is the largest header accepted (the reference
	// implementation's limit).
	MaxHeader = 100 << 20
	// MaxMetadataEntries bounds the __metadata__ map.
	MaxMetadataEntries = 10_000
	// MaxMetadataBytes bounds the total size of __metadata__ values.
	MaxMetadataBytes = 10 << 20
	// MaxTensors bounds the tensors listed.
	MaxTensors = 1 << 20
	// MaxProblems bounds the problems collected.
	MaxProblems = 10
)

// dtypeSize is the size in bytes of each dtype; sub-byte types are
// absent and skip the size check.
func dtypeSize(d string) (uint64, bool) {
	switch d {
	case "BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0":
		return 1, true
	case "I16", "U16", "F16", "BF16":
		return 2, true
	case "I32", "U32", "F32":
		return 4, true
	case "I64", "U64", "F64", "C64":
		return 8, true
	}
	return 0, false
}

func knownDtype(d string) bool {
	if _, ok := dtypeSize(d); ok {
		return true
	}
	switch d {
	case "F4", "F6_E2M3", "F6_E3M2":
		return true
	}
	return false
}

// Tensor is one header entry.
type Tensor struct {
	Name        string
	Dtype       string   `json:"dtype"`
	Shape       []uint64 `json:"shape"`
	DataOffsets []uint64 `json:"data_offsets"`
}

// Header is a parsed header.
type Header struct {
	Size     uint64
	Tensors  []Tensor
	Metadata map[string]string
}

// Check reads and validates the header of a file of the given size. It
// returns the problems found; err is only set for read errors.
func Check(r io.ReaderAt, size int64) (*Header, []string, error) {
	var problems []string
	add := func(format string, args ...any) {
		if len(problems) < MaxProblems {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	if size < 8 {
		add("file is %d bytes, shorter than the 8-byte header length", size)
		return nil, problems, nil
	}
	var pre [8]byte
	if _, err := r.ReadAt(pre[:], 0); err != nil {
		return nil, nil, fmt.Errorf("read header length: %w", err)
	}
	n := binary.LittleEndian.Uint64(pre[:])
	h := &Header{Size: n}
	switch {
	case n > MaxHeader:
		add("header length %d is over the %d-byte limit", n, MaxHeader)
		return h, problems, nil
	case n > uint64(size-8):
		add("header length %d runs past the end of the %d-byte file", n, size)
		return h, problems, nil
	case n < 2:
		add("header length %d cannot hold a JSON object", n)
		return h, problems, nil
	}
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, 8); err != nil {
		return nil, nil, fmt.Errorf("read header: %w", err)
	}
	if !utf8.Valid(buf) {
		add("header is not valid UTF-8")
		return h, problems, nil
	}
	// The writer pads the header with spaces; the JSON starts with '{'.
	if buf[0] != '{' {
		add("header does not start with '{'")
		return h, problems, nil
	}
	dataLen := uint64(size-8) - n
	dec := json.NewDecoder(bytes.NewReader(buf))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		add("header is not a JSON object")
		return h, problems, nil
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			add("header JSON is invalid: %v", err)
			return h, problems, nil
		}
		name, _ := tok.(string)
		if seen[name] {
			add("%q is listed twice", name)
		}
		seen[name] = true
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			add("header JSON is invalid: %v", err)
			return h, problems, nil
		}
		if name == "__metadata__" {
			checkMetadata(raw, h, add)
			continue
		}
		if len(h.Tensors) >= MaxTensors {
			add("more than %d tensors", MaxTensors)
			return h, problems, nil
		}
		var t Tensor
		if err := json.Unmarshal(raw, &t); err != nil {
			add("tensor %q: %v", name, err)
			continue
		}
		t.Name = name
		checkTensor(t, dataLen, add)
		h.Tensors = append(h.Tensors, t)
	}
	if _, err := dec.Token(); err != nil {
		add("header JSON is invalid: %v", err)
		return h, problems, nil
	}
	// Trailing bytes may only be the writer's space padding.
	if rest := bytes.TrimRight(buf[dec.InputOffset():], " \x00"); len(rest) > 0 {
		add("%d bytes of data follow the header JSON", len(rest))
	}
	checkLayout(h.Tensors, dataLen, add)
	return h, problems, nil
}

func checkMetadata(raw json.RawMessage, h *Header, add func(string, ...any)) {
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		add("__metadata__ is not an object: %v", err)
		return
	}
	if len(m) > MaxMetadataEntries {
		add("__metadata__ has %d entries, over the limit of %d", len(m), MaxMetadataEntries)
	}
	h.Metadata = map[string]string{}
	total := 0
	for k, v := range m {
		s, ok := v.(string)
		if !ok {
			add("__metadata__ value %q is not a string", k)
			continue
		}
		total += len(k) + len(s)
		h.Metadata[k] = s
	}
	if total > MaxMetadataBytes {
		add("__metadata__ holds %d bytes, over the limit of %d", total, MaxMetadataBytes)
	}
}

func checkTensor(t Tensor, dataLen uint64, add func(string, ...any)) {
	if !knownDtype(t.Dtype) {
		add("tensor %q has unknown dtype %q", t.Name, t.Dtype)
	}
	if len(t.DataOffsets) != 2 {
		add("tensor %q has %d data offsets, want 2", t.Name, len(t.DataOffsets))
		return
	}
	begin, end := t.DataOffsets[0], t.DataOffsets[1]
	if end < begin {
		add("tensor %q ends (%d) before it begins (%d)", t.Name, end, begin)
		return
	}
	if end > dataLen {
		add("tensor %q ends at %d, past the %d bytes of data", t.Name, end, dataLen)
	}
	size, ok := dtypeSize(t.Dtype)
	if !ok {
		return
	}
	n := size
	for _, d := range t.Shape {
		hi, lo := bits.Mul64(n, d)
		if hi != 0 {
			add("tensor %q: shape %v overflows", t.Name, t.Shape)
			return
		}
		n = lo
	}
	if n != end-begin {
		add("tensor %q: %s%v needs %d bytes but its offsets span %d", t.Name, t.Dtype, t.Shape, n, end-begin)
	}
}

// checkLayout requires the tensors to tile the data buffer: sorted by
// offset, each starts where the previous ended, the last ends at the end.
func checkLayout(ts []Tensor, dataLen uint64, add func(string, ...any)) {
	var valid []Tensor
	for _, t := range ts {
		if len(t.DataOffsets) == 2 && t.DataOffsets[0] <= t.DataOffsets[1] {
			valid = append(valid, t)
		}
	}
	sort.Slice(valid, func(i, j int) bool {
		if valid[i].DataOffsets[0] != valid[j].DataOffsets[0] {
			return valid[i].DataOffsets[0] < valid[j].DataOffsets[0]
		}
		return valid[i].DataOffsets[1] < valid[j].DataOffsets[1]
	})
	var pos uint64
	for i, t := range valid {
		b := t.DataOffsets[0]
		switch {
		case b < pos:
			add("tensor %q overlaps %q", t.Name, valid[i-1].Name)
		case b > pos:
			add("%d unused bytes before tensor %q", b-pos, t.Name)
		}
		pos = max(pos, t.DataOffsets[1])
	}
	if pos < dataLen && len(valid) == len(ts) {
		add("%d bytes after the last tensor are not described by the header", dataLen-pos)
	}
}
