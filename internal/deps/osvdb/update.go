package osvdb

import (
	"context"
	"crypto/md5" //nolint:gosec // verifies the bucket's published MD5, not a security boundary by itself
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// DefaultBaseURL is the public OSV bucket. It is only a default: tests and
// mirrors pass their own.
const DefaultBaseURL = "https://osv-vulnerabilities.storage.googleapis.com"

// MaxDownloadSize bounds one ecosystem's zip (the largest today, Debian
// and npm, are a few hundred MB).
const MaxDownloadSize = 2 << 30

// DefaultEcosystems lists the ecosystems fetched when neither the caller
// nor the directory names any: those the inventory extracts.
func DefaultEcosystems() []string {
	return []string{"Go", "npm", "PyPI", "Maven", "crates.io", "Packagist", "RubyGems", "NuGet"}
}

// UpdateOptions configure Update.
type UpdateOptions struct {
	// Dir is the database directory.
	Dir string
	// BaseURL serves <BaseURL>/<Ecosystem>/all.zip; empty means
	// DefaultBaseURL.
	BaseURL string
	// Ecosystems to fetch; empty means those already in Dir, or
	// DefaultEcosystems() when Dir has none.
	Ecosystems []string
	// HTTPClient; nil means a client with a generous overall timeout.
	HTTPClient *http.Client
	// Now is the clock recorded as the fetch time; nil means time.Now.
	Now func() time.Time
}

// Update downloads each ecosystem's all.zip into Dir/<Ecosystem>/. A
// download resumes from a previous partial file with a Range request; the
// result is checked (the bucket's MD5 when it sends one, and every entry
// must parse as an OSV advisory within the size bounds) before it replaces
// the old zip with an atomic rename, so a failed or corrupt download never
// damages a working database. The fetch time is recorded beside the zip.
// Errors for individual ecosystems are joined; the others still update.
func Update(ctx context.Context, opts UpdateOptions) error {
	if opts.Dir == "" {
		return errors.New("update OSV database: no directory")
	}
	if opts.BaseURL == "" {
		opts.BaseURL = DefaultBaseURL
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 30 * time.Minute}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	ecos := opts.Ecosystems
	if len(ecos) == 0 {
		if db, err := Open(opts.Dir); err == nil {
			ecos = db.Ecosystems()
		} else {
			ecos = DefaultEcosystems()
		}
	}
	var errs []error
	for _, eco := range ecos {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := updateOne(ctx, opts, eco); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", eco, err))
		}
	}
	return errors.Join(errs...)
}

func updateOne(ctx context.Context, opts UpdateOptions, eco string) error {
	if eco == "" || strings.ContainsAny(eco, `/\`) || eco == "." || eco == ".." {
		return fmt.Errorf("invalid ecosystem name %q", eco)
	}
	dir := filepath.Join(opts.Dir, eco)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	final := filepath.Join(dir, ZipName)
	partial := final + ".partial"
	src := strings.TrimRight(opts.BaseURL, "/") + "/" + url.PathEscape(eco) + "/" + ZipName

	header, err := download(ctx, opts.HTTPClient, src, partial)
	if err != nil {
		return err
	}
	if err := verify(partial, eco, header); err != nil {
		// A corrupt file must not be resumed from: start over next time.
		os.Remove(partial)
		return err
	}
	if err := os.Rename(partial, final); err != nil {
		return fmt.Errorf("install %s: %w", final, err)
	}
	os.Remove(partial + ".etag")
	stamp := filepath.Join(dir, fetchedName)
	tmp := stamp + ".tmp"
	if err := os.WriteFile(tmp, []byte(opts.Now().UTC().Format(time.RFC3339)+"\n"), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, stamp)
}

// download fetches src into partial, resuming when partial already holds
// a prefix of the same object (same ETag). It returns the response header
// of the last request.
func download(ctx context.Context, client *http.Client, src, partial string) (http.Header, error) {
	var offset int64
	if st, err := os.Stat(partial); err == nil {
		offset = st.Size()
	}
	etag, _ := os.ReadFile(partial + ".etag")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, err
	}
	if offset > 0 && len(etag) > 0 {
		req.Header.Set("Range", "bytes="+strconv.FormatInt(offset, 10)+"-")
		req.Header.Set("If-Range", strings.TrimSpace(string(etag)))
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", src, err)
	}
	defer resp.Body.Close()

	flags := os.O_CREATE | os.O_WRONLY
	switch resp.StatusCode {
	case http.StatusPartialContent:
		if !strings.HasPrefix(resp.Header.Get("Content-Range"), "bytes "+strconv.FormatInt(offset, 10)+"-") {
			return nil, fmt.Errorf("download %s: server resumed at an unexpected offset (%s)", src, resp.Header.Get("Content-Range"))
		}
		flags |= os.O_APPEND
	case http.StatusOK:
		flags |= os.O_TRUNC
		offset = 0
	case http.StatusRequestedRangeNotSatisfiable:
		return resp.Header, nil // the partial file is already complete
	default:
		return nil, fmt.Errorf("download %s: %s", src, resp.Status)
	}
	if et := resp.Header.Get("ETag"); et != "" {
		if err := os.WriteFile(partial+".etag", []byte(et), 0o644); err != nil {
			return nil, err
		}
	}
	f, err := os.OpenFile(partial, flags, 0o644)
	if err != nil {
		return nil, err
	}
	n, err := io.Copy(f, io.LimitReader(resp.Body, MaxDownloadSize-offset+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("download %s (kept %d bytes to resume): %w", src, offset+n, err)
	}
	if offset+n > MaxDownloadSize {
		os.Remove(partial)
		return nil, fmt.Errorf("download %s: larger than %d bytes", src, MaxDownloadSize)
	}
	return resp.Header, nil
}

// verify checks the downloaded zip: the MD5 the bucket publishes in
// x-goog-hash (when present), then that every entry parses.
func verify(p, eco string, header http.Header) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if want := googMD5(header); want != "" {
		// codeaudit:ignore go.crypto.weak-hash -- matches the MD5 the storage server publishes; integrity against corruption, not a security boundary
		h := md5.New() //nolint:gosec // see import
		if _, err := io.Copy(h, f); err != nil {
			return err
		}
		if got := base64.StdEncoding.EncodeToString(sum(h)); got != want {
			return fmt.Errorf("downloaded zip has MD5 %s, the server announced %s", got, want)
		}
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	ix, err := LoadZip(context.Background(), f, st.Size(), eco)
	if err != nil {
		return fmt.Errorf("downloaded zip rejected: %w", err)
	}
	if ix.Count == 0 {
		return errors.New("downloaded zip rejected: no advisories")
	}
	return nil
}

func sum(h hash.Hash) []byte { return h.Sum(nil) }

// googMD5 extracts md5=... from Google Cloud Storage's x-goog-hash headers.
func googMD5(h http.Header) string {
	for _, v := range h.Values("X-Goog-Hash") {
		for _, part := range strings.Split(v, ",") {
			if m, ok := strings.CutPrefix(strings.TrimSpace(part), "md5="); ok {
				return m
			}
		}
	}
	return ""
}
