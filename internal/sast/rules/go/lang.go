//go:build ignore

package fixtures

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"compress/zlib"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"
)

func conversions(b []byte, s string) {
	// ruleid: go.lang.unsafe-package
	str := *(*string)(unsafe.Pointer(&b))
	// ruleid: go.lang.unsafe-package
	bs := unsafe.Slice(unsafe.StringData(s), len(s))
	// ok: go.lang.unsafe-package
	str2 := string(b)
	// ok: go.lang.unsafe-package
	size := unsafe.Sizeof(b)
	// ruleid: go.lang.unsafe-package
	next := unsafe.Pointer(uintptr(unsafe.Pointer(&b[0])) + 1)
	// ok: go.lang.unsafe-package
	ptr := (*byte)(unsafe.Pointer(&b[0]))
	_, _, _, _, _, _ = str, bs, str2, size, next, ptr
}

func ports(s, t string) (int32, uint16, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, 0, err
	}
	// ruleid: go.lang.parsed-int-truncated
	a := int32(n)
	m, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		return 0, 0, err
	}
	// ruleid: go.lang.parsed-int-truncated
	return a, uint16(m), nil
}

func portsChecked(s, t string) (int32, uint16, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, 0, err
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, 0, errors.New("out of range")
	}
	// ok: go.lang.parsed-int-truncated
	a := int32(n)
	m, err := strconv.ParseUint(t, 10, 16)
	if err != nil {
		return 0, 0, err
	}
	// ok: go.lang.parsed-int-truncated
	return a, uint16(m), nil
}

func perms(f *os.File, p string, data []byte) {
	// ruleid: go.lang.chmod-world-writable
	os.Chmod(p, 0777)
	// ruleid: go.lang.chmod-world-writable
	f.Chmod(0o666)
	// ok: go.lang.chmod-world-writable
	os.Chmod(p, 0o644)
	// ok: go.lang.chmod-world-writable
	os.Chmod(p, 0755)
	// ruleid: go.lang.create-world-writable
	os.WriteFile(p, data, 0777)
	// ruleid: go.lang.create-world-writable
	os.OpenFile(p, os.O_CREATE|os.O_WRONLY, os.FileMode(0o777))
	// ok: go.lang.create-world-writable
	os.WriteFile(p, data, 0666)
	// ok: go.lang.create-world-writable
	os.MkdirAll(p, 0o777)
	// ok: go.lang.create-world-writable
	os.WriteFile(p, data, 0o600)
	// ok: go.lang.create-world-writable
	os.MkdirAll(p, 0o755)
	// ok: go.lang.create-world-writable
	os.OpenFile(p, os.O_CREATE|os.O_WRONLY, 0644)
}

func temps(data []byte) error {
	// ruleid: go.lang.predictable-temp-file
	f, err := os.Create("/tmp/report.json")
	if err != nil {
		return err
	}
	defer f.Close()
	// ruleid: go.lang.predictable-temp-file
	os.WriteFile(filepath.Join(os.TempDir(), "cache.bin"), data, 0o600)
	// ok: go.lang.predictable-temp-file
	g, err := os.CreateTemp("", "report-*.json")
	if err != nil {
		return err
	}
	defer g.Close()
	// ok: go.lang.predictable-temp-file
	d, err := os.MkdirTemp("", "build-")
	_ = d
	return err
}

const maxSize = 100 << 20

func gunzip(dst io.Writer, src io.Reader) error {
	zr, err := gzip.NewReader(src)
	if err != nil {
		return err
	}
	// ruleid: go.lang.decompression-bomb
	_, err = io.Copy(dst, zr)
	return err
}

func inflateAll(src io.Reader) ([]byte, error) {
	rc, err := zlib.NewReader(src)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// ruleid: go.lang.decompression-bomb
	return io.ReadAll(rc)
}

func gunzipLimited(dst io.Writer, src io.Reader) error {
	zr, err := gzip.NewReader(src)
	if err != nil {
		return err
	}
	// ok: go.lang.decompression-bomb
	n, err := io.Copy(dst, io.LimitReader(zr, maxSize+1))
	if n > maxSize {
		return errors.New("too large")
	}
	return err
}

func readPlain(dst io.Writer, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	// ok: go.lang.decompression-bomb
	_, err = io.Copy(dst, f)
	return err
}

func extractZip(r *zip.Reader, dir string) {
	for _, f := range r.File {
		// ruleid: go.lang.archive-path-traversal
		dst := filepath.Join(dir, f.Name)
		_ = dst
	}
}

func extractTar(tr *tar.Reader, dir string) {
	for {
		hdr, err := tr.Next()
		if err != nil {
			return
		}
		// ruleid: go.lang.archive-path-traversal
		out := filepath.Join(dir, hdr.Name)
		_ = out
	}
}

func extractZipSafe(r *zip.Reader, dir string) error {
	for _, f := range r.File {
		if !filepath.IsLocal(f.Name) {
			return fmt.Errorf("bad entry %q", f.Name)
		}
		// ok: go.lang.archive-path-traversal
		dst := filepath.Join(dir, f.Name)
		_ = dst
	}
	return nil
}

func extractTarSafe(tr *tar.Reader, dir string) error {
	for {
		hdr, err := tr.Next()
		if err != nil {
			return err
		}
		// ok: go.lang.archive-path-traversal
		out := filepath.Join(dir, hdr.Name)
		if !strings.HasPrefix(out, filepath.Clean(dir)+string(os.PathSeparator)) {
			return fmt.Errorf("bad entry %q", hdr.Name)
		}
	}
}

func queries(ctx context.Context, db *sql.DB, email, table string, id int) {
	// ruleid: go.sql.format-string-query
	db.Query(fmt.Sprintf("SELECT id FROM users WHERE email = '%s'", email))
	// ruleid: go.sql.format-string-query
	db.ExecContext(ctx, "DELETE FROM sessions WHERE user = '"+email+"'")
	q := fmt.Sprintf("UPDATE %s SET seen = 1 WHERE id = %d", table, id)
	// ruleid: go.sql.format-string-query
	db.Exec(q)
	// ok: go.sql.format-string-query
	db.QueryContext(ctx, "SELECT id FROM users WHERE email = $1", email)
	// ok: go.sql.format-string-query
	db.Exec("UPDATE users SET seen = 1 WHERE id = ?", id)
	// ok: go.sql.format-string-query
	fmt.Println(fmt.Sprintf("SELECT is a keyword: %s", email))
}
