package osvdb

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

// Bounds on what a database zip may hold. The real Go zip has ~4,300
// entries of at most a few hundred KB; these leave ample room while
// keeping a hostile zip from exhausting memory.
const (
	// MaxEntrySize is the largest advisory JSON read (uncompressed).
	MaxEntrySize = 8 << 20
	// MaxEntries is the most advisories read from one zip.
	MaxEntries = 500_000
	// MaxTotalSize is the most uncompressed bytes read from one zip.
	MaxTotalSize = 4 << 30
	// ZipName is the file name of an ecosystem's archive.
	ZipName = "all.zip"
	// fetchedName records when Update fetched an ecosystem's zip.
	fetchedName = "fetched"
)

// ErrNoDatabase is returned by Open when the directory holds no ecosystem.
var ErrNoDatabase = errors.New("no OSV database")

// DB is an offline OSV database directory.
type DB struct {
	Dir  string
	zips map[string]string // ecosystem -> zip path
}

// Open lists the ecosystems present in dir (sub-directories holding an
// all.zip). It reads no advisories. ErrNoDatabase is returned (wrapped)
// when there are none.
func Open(dir string) (*DB, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s", ErrNoDatabase, dir)
		}
		return nil, fmt.Errorf("open OSV database: %w", err)
	}
	db := &DB{Dir: dir, zips: map[string]string{}}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name(), ZipName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			db.zips[e.Name()] = p
		}
	}
	if len(db.zips) == 0 {
		return nil, fmt.Errorf("%w at %s", ErrNoDatabase, dir)
	}
	return db, nil
}

// Ecosystems lists the ecosystems present, sorted.
func (db *DB) Ecosystems() []string {
	out := make([]string, 0, len(db.zips))
	for e := range db.zips {
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}

// Has reports whether the ecosystem's zip is present.
func (db *DB) Has(ecosystem string) bool {
	_, ok := db.zips[ecosystem]
	return ok
}

// FetchedAt says when the ecosystem's zip was downloaded: the time Update
// recorded, else the zip's modification time. ok is false when the
// ecosystem is absent.
func (db *DB) FetchedAt(ecosystem string) (t time.Time, ok bool) {
	p, ok := db.zips[ecosystem]
	if !ok {
		return time.Time{}, false
	}
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(p), fetchedName)); err == nil {
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(string(b))); err == nil {
			return t, true
		}
	}
	st, err := os.Stat(p)
	if err != nil {
		return time.Time{}, false
	}
	return st.ModTime(), true
}

// Load reads one ecosystem's advisories into an index.
func (db *DB) Load(ctx context.Context, ecosystem string) (*Index, error) {
	return db.LoadFor(ctx, ecosystem, nil)
}

// LoadFor reads the advisories of one ecosystem that may concern the
// named packages (all of them when names is nil). Entries that mention
// none of the names are skipped before JSON decoding, which is most of
// the work of a load.
func (db *DB) LoadFor(ctx context.Context, ecosystem string, names []string) (*Index, error) {
	p, ok := db.zips[ecosystem]
	if !ok {
		return nil, fmt.Errorf("OSV database %s has no %s advisories", db.Dir, ecosystem)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("open %s advisories: %w", ecosystem, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("open %s advisories: %w", ecosystem, err)
	}
	var keep map[string]bool
	if names != nil {
		keep = make(map[string]bool, len(names))
		for _, n := range names {
			keep[NormalizeName(ecosystem, n)] = true
		}
	}
	ix, err := loadZip(ctx, f, st.Size(), ecosystem, keep)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return ix, nil
}

// Index holds one ecosystem's advisories by normalised package name.
type Index struct {
	Ecosystem string
	// Count is the number of advisories read (withdrawn ones included).
	Count  int
	byName map[string][]*Vulnerability
}

// Lookup returns the advisories that name the package, withdrawn ones
// excluded. The result is shared: do not modify it.
func (ix *Index) Lookup(name string) []*Vulnerability {
	if ix == nil {
		return nil
	}
	return ix.byName[NormalizeName(ix.Ecosystem, name)]
}

// LoadZip reads an all.zip. Entries that are not valid OSV JSON make the
// whole load fail: a corrupt database must not silently hide advisories.
func LoadZip(ctx context.Context, r io.ReaderAt, size int64, ecosystem string) (*Index, error) {
	return loadZip(ctx, r, size, ecosystem, nil)
}

// loadZip reads the zip; with keep set, entries whose "name" values are
// all absent from keep (normalised) are not decoded.
func loadZip(ctx context.Context, r io.ReaderAt, size int64, ecosystem string, keep map[string]bool) (*Index, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("read zip: %w", err)
	}
	var files []*zip.File
	var total uint64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		if f.UncompressedSize64 > MaxEntrySize {
			return nil, fmt.Errorf("entry %s is %d bytes, over the %d limit", f.Name, f.UncompressedSize64, MaxEntrySize)
		}
		total += f.UncompressedSize64
		files = append(files, f)
	}
	if len(files) > MaxEntries {
		return nil, fmt.Errorf("%d entries, over the %d limit", len(files), MaxEntries)
	}
	if total > MaxTotalSize {
		return nil, fmt.Errorf("%d uncompressed bytes, over the %d limit", total, MaxTotalSize)
	}

	vulns := make([]*Vulnerability, len(files))
	g, gctx := errgroup.WithContext(ctx)
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(files) + workers - 1) / max(workers, 1)
	for start := 0; start < len(files); start += max(chunk, 1) {
		end := min(start+chunk, len(files))
		g.Go(func() error {
			buf := make([]byte, 0, 64<<10)
			for i := start; i < end; i++ {
				if i%256 == 0 && gctx.Err() != nil {
					return gctx.Err()
				}
				v, b, err := readEntry(files[i], buf, ecosystem, keep)
				buf = b
				if err != nil {
					return err
				}
				vulns[i] = v
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}

	ix := &Index{Ecosystem: ecosystem, Count: len(vulns), byName: map[string][]*Vulnerability{}}
	for _, v := range vulns {
		if v == nil {
			continue // skipped by the name filter
		}
		if v.Withdrawn != nil && !v.Withdrawn.IsZero() {
			continue
		}
		seen := map[string]bool{}
		for _, a := range v.Affected {
			if BaseEcosystem(a.Package.Ecosystem) != ecosystem {
				continue
			}
			key := NormalizeName(ecosystem, a.Package.Name)
			if seen[key] {
				continue
			}
			seen[key] = true
			ix.byName[key] = append(ix.byName[key], v)
		}
	}
	return ix, nil
}

var errTooLarge = errors.New("entry larger than declared")

func readEntry(f *zip.File, buf []byte, ecosystem string, keep map[string]bool) (*Vulnerability, []byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, buf, fmt.Errorf("entry %s: %w", f.Name, err)
	}
	defer rc.Close()
	buf = buf[:0]
	// Read at most one byte past the limit so a lying header is caught.
	lr := io.LimitReader(rc, MaxEntrySize+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, buf, fmt.Errorf("entry %s: %w", f.Name, err)
		}
	}
	if len(buf) > MaxEntrySize {
		return nil, buf, fmt.Errorf("entry %s: %w", f.Name, errTooLarge)
	}
	if keep != nil && !mentionsAny(buf, ecosystem, keep) {
		return nil, buf, nil
	}
	v := new(Vulnerability)
	if err := json.Unmarshal(buf, v); err != nil {
		return nil, buf, fmt.Errorf("entry %s: %w", f.Name, err)
	}
	if v.ID == "" {
		return nil, buf, fmt.Errorf("entry %s: advisory has no id", f.Name)
	}
	return v, buf, nil
}

// BaseEcosystem strips an ecosystem's ":suffix" ("Debian:12" -> "Debian").
func BaseEcosystem(e string) string {
	base, _, _ := strings.Cut(e, ":")
	return base
}

// NormalizeName returns the form package names are compared in: PEP 503
// for PyPI, lower case for ecosystems whose registries ignore case, the
// name unchanged elsewhere.
func NormalizeName(ecosystem, name string) string {
	switch ecosystem {
	case "PyPI":
		return pep503(name)
	case "Packagist", "NuGet", "Pub", "Hex":
		return strings.ToLower(name)
	}
	return name
}

func pep503(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	sep := false
	for _, r := range strings.ToLower(name) {
		if r == '-' || r == '_' || r == '.' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteRune(r)
	}
	return b.String()
}

// Names lists the normalised package names the index has advisories for.
func (ix *Index) Names() []string {
	out := make([]string, 0, len(ix.byName))
	for n := range ix.byName {
		out = append(out, n)
	}
	return out
}

var nameKey = []byte(`"name"`)

// mentionsAny reports whether some "name": "..." value in the raw JSON is
// in keep after normalisation. It errs on the side of true: any value
// with an escape sequence, or JSON it cannot follow, counts as a mention,
// so the entry is decoded properly.
func mentionsAny(b []byte, ecosystem string, keep map[string]bool) bool {
	for {
		i := bytes.Index(b, nameKey)
		if i < 0 {
			return false
		}
		b = b[i+len(nameKey):]
		j := 0
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
			j++
		}
		if j >= len(b) || b[j] != ':' {
			continue // "name" was a value, not a key
		}
		j++
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
			j++
		}
		if j >= len(b) || b[j] != '"' {
			continue
		}
		end := bytes.IndexByte(b[j+1:], '"')
		if end < 0 {
			return true
		}
		val := b[j+1 : j+1+end]
		if bytes.IndexByte(val, '\\') >= 0 || keep[NormalizeName(ecosystem, string(val))] {
			return true
		}
		b = b[j+1+end:]
	}
}
