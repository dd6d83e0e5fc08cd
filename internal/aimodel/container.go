package aimodel

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/socyber/codeaudit/internal/aimodel/lzstream"
	"github.com/socyber/codeaudit/internal/aimodel/npy"
	"github.com/socyber/codeaudit/internal/aimodel/sevenz"
	"github.com/socyber/codeaudit/internal/aimodel/zipguard"
)

const (
	// MaxDecompressed bounds what a compressed pickle (joblib with
	// compress=...) may expand to.
	MaxDecompressed = 8 << 30
	// maxTarEntries bounds the entries read from a tar (legacy PyTorch).
	maxTarEntries = 10_000
)

// zip scans a zip archive: PyTorch checkpoints (*/data.pkl), NumPy .npz,
// Keras .keras, TorchServe .mar and plain archives of models.
func (s *scan) zip(ctx context.Context, r io.ReaderAt, size int64, name, inner string, depth int) error {
	a, err := zipguard.Open(r, size, s.a.opts.Zip)
	if err != nil {
		return s.archiveError(inner, err)
	}
	isKeras := strings.HasSuffix(strings.ToLower(name), ".keras")
	for _, f := range a.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if f.FileInfo().IsDir() {
			continue
		}
		ename := entryName(inner, f.Name)
		lower := strings.ToLower(f.Name)
		switch {
		case lower == "config.json" && (isKeras || hasEntry(a.Files, "metadata.json")):
			b, err := a.ReadAll(f, MaxConfigJSON)
			if err != nil {
				if err := s.archiveError(ename, err); err != nil {
					return err
				}
				continue
			}
			s.kerasConfig(b, ename, true)
		case path.Ext(lower) == ".pkl" || path.Ext(lower) == ".pickle":
			if err := s.zipStream(ctx, a, f, ename, func(rc io.Reader) error { return s.pickle(ctx, rc, ename, 0) }); err != nil {
				return err
			}
		case path.Ext(lower) == ".npy":
			if err := s.zipStream(ctx, a, f, ename, func(rc io.Reader) error { return s.npy(ctx, rc, ename) }); err != nil {
				return err
			}
		case formatOf(lower) != formatNone:
			if err := s.nested(ctx, a, f, ename, depth); err != nil {
				return err
			}
		}
	}
	return nil
}

func hasEntry(fs []*zip.File, name string) bool {
	for _, f := range fs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// zipStream opens an entry and hands its reader to fn.
func (s *scan) zipStream(ctx context.Context, a *zipguard.Archive, f *zip.File, ename string, fn func(io.Reader) error) error {
	rc, err := a.Open(f)
	if err != nil {
		return s.archiveError(ename, err)
	}
	defer rc.Close()
	if err := fn(rc); err != nil {
		var bomb *zipguard.BombError
		if errors.As(err, &bomb) {
			return s.archiveError(ename, err)
		}
		return err
	}
	return nil
}

// nested scans a model file or archive inside an archive.
func (s *scan) nested(ctx context.Context, a *zipguard.Archive, f *zip.File, ename string, depth int) error {
	if depth+1 > MaxNesting {
		s.warn(ename, "archive nesting deeper than %d; not scanned", MaxNesting)
		return nil
	}
	if f.UncompressedSize64 > MaxInMemory {
		// Too large to hold: only a pickle can still be streamed.
		return s.zipStream(ctx, a, f, ename, func(rc io.Reader) error {
			br := bufio.NewReader(rc)
			head, _ := br.Peek(2)
			if len(head) == 2 && head[0] == 0x80 && head[1] <= 5 {
				return s.pickle(ctx, br, ename, 0)
			}
			s.warn(ename, "nested entry of %d bytes is over the %d-byte in-memory limit; not scanned", f.UncompressedSize64, MaxInMemory)
			return nil
		})
	}
	b, err := a.ReadAll(f, MaxInMemory)
	if err != nil {
		return s.archiveError(ename, err)
	}
	return s.blob(ctx, bytes.NewReader(b), int64(len(b)), f.Name, ename, depth+1)
}

// archiveError turns a bomb into a finding and other archive errors into a
// warning; only context errors stop the scan.
func (s *scan) archiveError(inner string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var bomb *zipguard.BombError
	if errors.As(err, &bomb) {
		s.emit(RuleArchiveBomb, s.loc(),
			fmt.Sprintf("%s: %s; the rest of the archive was not scanned.", where(s.path, inner), bomb.Reason),
			props(inner, "entry", bomb.Entry))
		return nil
	}
	s.warn(inner, "archive not fully read: %v", err)
	return nil
}

// tar scans a legacy PyTorch tar checkpoint (sys_info_p, pickle, tensors,
// storages) or a tar of model files: every entry that starts like a
// pickle is walked, model files are scanned as nested files.
func (s *scan) tar(ctx context.Context, r io.Reader, name, inner string, depth int) error {
	tr := tar.NewReader(r)
	for i := 0; ; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if i == maxTarEntries {
			s.warn(inner, "tar has more than %d entries; the rest was not scanned", maxTarEntries)
			return nil
		}
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			s.warn(inner, "tar not fully read: %v", err)
			return nil
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		ename := entryName(inner, h.Name)
		br := bufio.NewReader(tr)
		head, _ := br.Peek(2)
		switch {
		case len(head) == 2 && head[0] == 0x80 && head[1] <= 5:
			if err := s.pickle(ctx, br, ename, 0); err != nil {
				return err
			}
		case formatOf(h.Name) != formatNone && depth+1 <= MaxNesting && h.Size <= MaxInMemory:
			b, err := io.ReadAll(io.LimitReader(br, MaxInMemory))
			if err != nil {
				s.warn(ename, "tar entry not read: %v", err)
				continue
			}
			if err := s.blob(ctx, bytes.NewReader(b), int64(len(b)), h.Name, ename, depth+1); err != nil {
				return err
			}
		}
	}
}

// compressed decompresses a joblib-style compressed pickle (gzip, zlib,
// bzip2, xz, lzma) or a compressed model file (model.pkl.xz, a .tar.xz of
// a legacy checkpoint) with a bound on the output, and walks the pickle
// or tar inside.
func (s *scan) compressed(ctx context.Context, r io.Reader, head []byte, name, inner string, depth int) error {
	var (
		dr  io.Reader
		err error
	)
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		dr, err = gzip.NewReader(r)
	case bytes.HasPrefix(head, []byte("BZh")):
		dr = bzip2.NewReader(r)
	case lzstream.IsXZ(head):
		dr, err = lzstream.NewXZ(r)
	case lzstream.IsLZMA(head):
		dr, err = lzstream.NewLZMA(r)
	default:
		dr, err = zlib.NewReader(r)
	}
	if err != nil {
		s.warn(inner, "compressed stream not readable: %v", err)
		return nil
	}
	lr := &io.LimitedReader{R: dr, N: MaxDecompressed}
	// Skipping through a large compressed tar decompresses everything it
	// skips: stop when the time budget ends.
	er := &errReader{r: lzstream.ContextReader(ctx, lr)}
	br := bufio.NewReaderSize(er, 64<<10)
	peek, _ := br.Peek(512)
	switch {
	case len(peek) >= 262 && string(peek[257:262]) == "ustar":
		if err := s.tar(ctx, br, name, inner, depth); err != nil {
			return err
		}
	case len(peek) >= 2 && peek[0] == 0x80 && peek[1] <= 5, formatOf(name) == formatPickleName,
		formatOf(strings.TrimSuffix(name, path.Ext(name))) == formatPickleName:
		if err := s.pickle(ctx, br, inner, 0); err != nil {
			return err
		}
	default:
		// Neither a pickle nor a tar: nothing to inspect.
		return nil
	}
	if er.err != nil {
		if errors.Is(er.err, context.Canceled) || errors.Is(er.err, context.DeadlineExceeded) {
			return er.err
		}
		s.warn(inner, "compressed stream only partly read: %v", er.err)
	}
	if lr.N <= 0 {
		s.emit(RuleArchiveBomb, s.loc(),
			fmt.Sprintf("%s expands to more than %d bytes; the rest was not scanned.", where(s.path, inner), int64(MaxDecompressed)),
			props(inner))
	}
	return nil
}

// errReader keeps the first error other than io.EOF of a decompressor and
// reports io.ErrUnexpectedEOF instead, so that the pickle walker stops
// with "truncated" and the scan warns with the real cause.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	if e.err != nil {
		return 0, io.ErrUnexpectedEOF
	}
	n, err := e.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		e.err = err
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// sevenZip scans the model files inside a 7z archive. Folders are decoded
// only when they hold a model file; files packed with a method that is
// not decoded (encryption, BCJ, PPMd) are reported as unscanned.
func (s *scan) sevenZip(ctx context.Context, r io.ReaderAt, size int64, inner string, depth int) error {
	a, err := sevenz.Open(r, size)
	if err != nil {
		var bomb *sevenz.BombError
		if errors.As(err, &bomb) {
			s.emit(RuleArchiveBomb, s.loc(), fmt.Sprintf("%s: %s; the archive was not scanned.", where(s.path, inner), bomb.Reason), props(inner))
			return nil
		}
		s.emit(RuleArchiveUnscanned, s.loc(),
			fmt.Sprintf("%s is a 7z archive that could not be opened (%v); model files inside it were not checked.", where(s.path, inner), err),
			props(inner, "archive", "7z"))
		return nil
	}
	var skipped []string
	var method string
	want := func(f *sevenz.File) bool { return !f.Dir && formatOf(f.Name) != formatNone }
	fn := func(f *sevenz.File, rc io.Reader) error {
		ename := entryName(inner, f.Name)
		br := bufio.NewReaderSize(rc, 64<<10)
		head, _ := br.Peek(512)
		if sniff(head, f.Name) == formatPickle {
			// Streamed: pickles may be larger than what is held in memory.
			return s.pickle(ctx, br, ename, 0)
		}
		if depth+1 > MaxNesting {
			s.warn(ename, "archive nesting deeper than %d; not scanned", MaxNesting)
			return nil
		}
		if f.Size > MaxInMemory {
			s.warn(ename, "7z entry of %d bytes is over the %d-byte in-memory limit; not scanned", f.Size, MaxInMemory)
			return nil
		}
		b, err := io.ReadAll(br)
		if err != nil {
			s.warn(ename, "7z entry not fully read: %v", err)
			return nil
		}
		return s.blob(ctx, bytes.NewReader(b), int64(len(b)), f.Name, ename, depth+1)
	}
	skip := func(f *sevenz.File, err error) {
		skipped = append(skipped, f.Name)
		method = err.Error()
	}
	if err := a.Walk(ctx, want, fn, skip); err != nil {
		var bomb *sevenz.BombError
		switch {
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return err
		case errors.As(err, &bomb):
			s.emit(RuleArchiveBomb, s.loc(), fmt.Sprintf("%s: %s; the rest of the archive was not scanned.", where(s.path, inner), bomb.Reason), props(inner))
		default:
			s.warn(inner, "7z archive not fully read: %v", err)
		}
	}
	if len(skipped) > 0 {
		s.emit(RuleArchiveUnscanned, s.loc(),
			fmt.Sprintf("%s holds model files that were not checked (%s): %s.", where(s.path, inner), method, list(skipped)),
			props(inner, "archive", "7z", "entries", strings.Join(skipped, ",")))
	}
	return nil
}

// npy reads a .npy header; an object array's body is a pickle.
func (s *scan) npy(ctx context.Context, r io.Reader, inner string) error {
	br := bufio.NewReader(r)
	h, err := npy.ReadHeader(br)
	if err != nil {
		s.warn(inner, "%v", err)
		return nil
	}
	if !h.Object {
		return nil
	}
	return s.pickle(ctx, br, inner, h.DataOffset)
}
