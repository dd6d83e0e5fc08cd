package npy_test

import (
	"bytes"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/aimodel/npy"
)

func TestReadHeader(t *testing.T) {
	tests := []struct {
		descr  string
		object bool
	}{
		{"<f4", false},
		{"|O", true},
		{"|u1", false},
		{"|S10", false},
	}
	for _, tt := range tests {
		b := testmodels.NPY(tt.descr, []byte("body"))
		h, err := npy.ReadHeader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", tt.descr, err)
		}
		if h.Object != tt.object || h.Descr != "'"+tt.descr+"'" {
			t.Errorf("%s: object %v descr %q", tt.descr, h.Object, h.Descr)
		}
		if got := string(b[h.DataOffset:]); got != "body" {
			t.Errorf("%s: body at %d is %q", tt.descr, h.DataOffset, got)
		}
		if h.DataOffset%64 != 0 {
			t.Errorf("%s: header not aligned: %d", tt.descr, h.DataOffset)
		}
	}
	structured := []byte("\x93NUMPY\x01\x00\x3a\x00{'descr': [('a', '<i4'), ('b', '|O')], 'fortran_order': False, 'shape': (2,), }\n")
	h, err := npy.ReadHeader(bytes.NewReader(structured))
	if err != nil || !h.Object {
		t.Errorf("structured object field: %v %+v", err, h)
	}
}

func TestBadHeaders(t *testing.T) {
	for _, b := range [][]byte{
		nil,
		[]byte("\x93NUMPY"),
		[]byte("\x93NUMPY\x09\x00\x10\x00"),
		[]byte("\x93NUMPY\x02\x00\xff\xff\xff\xff"),
		[]byte("\x93NUMPY\x01\x00\x05\x00{}   "),
	} {
		if _, err := npy.ReadHeader(bytes.NewReader(b)); err == nil {
			t.Errorf("%q accepted", b)
		}
	}
}

func FuzzReadHeader(f *testing.F) {
	f.Add(testmodels.NPY("|O", []byte("\x80\x02N.")))
	f.Add(testmodels.NPY("<f8", nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := npy.ReadHeader(bytes.NewReader(b))
		if err == nil && h.DataOffset < 10 {
			t.Fatalf("data offset %d", h.DataOffset)
		}
	})
}
