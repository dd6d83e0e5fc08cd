package testmodels

import (
	"bytes"
	"io"

	"github.com/ulikunitz/xz"
	"github.com/ulikunitz/xz/lzma"
)

// XZ compresses b as Python's lzma module does with format=FORMAT_XZ
// (joblib compress="xz"); blockSize > 0 splits it into several blocks.
func XZ(b []byte, blockSize int64) []byte {
	return compress(b, func(buf *bytes.Buffer) (io.WriteCloser, error) {
		return xz.WriterConfig{BlockSize: blockSize, DictCap: 1 << 20}.NewWriter(buf)
	})
}

// LZMA compresses b in the classic .lzma format (joblib compress="lzma").
func LZMA(b []byte) []byte {
	return compress(b, func(buf *bytes.Buffer) (io.WriteCloser, error) {
		return lzma.WriterConfig{DictCap: 1 << 20}.NewWriter(buf)
	})
}

// LZMA2 compresses b as a raw LZMA2 stream (a 7z coder) with a 1 MiB
// dictionary; DictProp is the matching property byte.
func LZMA2(b []byte) []byte {
	return compress(b, func(buf *bytes.Buffer) (io.WriteCloser, error) {
		return lzma.Writer2Config{DictCap: 1 << 20}.NewWriter2(buf)
	})
}

// compress writes b through the writer newWriter makes; fixtures are built
// from constants, so a failure is a programming error.
func compress(b []byte, newWriter func(*bytes.Buffer) (io.WriteCloser, error)) []byte {
	var buf bytes.Buffer
	w, err := newWriter(&buf)
	if err != nil {
		panic(err)
	}
	if _, err := w.Write(b); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// DictProp is the LZMA2 dictionary property byte of LZMA2's output.
const DictProp = 16 // 1 MiB
