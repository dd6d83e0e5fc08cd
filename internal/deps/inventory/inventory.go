package inventory

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	cpb "github.com/google/osv-scalibr/binary/proto/config_go_proto"
	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/csproj"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/packagesconfig"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/packageslockjson"
	"github.com/google/osv-scalibr/extractor/filesystem/language/golang/gomod"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/gradlelockfile"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/pomxml"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/bunlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/packagelockjson"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/pnpmlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/yarnlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/php/composerlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/pdmlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/pipfilelock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/poetrylock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/pylock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/requirements"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/uvlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/ruby/gemfilelock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/rust/cargolock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/rust/cargotoml"
	scalibrfs "github.com/google/osv-scalibr/fs"

	"github.com/socyber/codeaudit/internal/source"
)

// Relation says how a package reaches the project.
type Relation string

// Relations.
const (
	Direct     Relation = "direct"
	Transitive Relation = "transitive"
	Unknown    Relation = "unknown"
	// Root marks the project's own package listed in its lockfile; such
	// entries are dropped from the inventory.
	Root Relation = "root"
)

// Package is one dependency at one version, as declared in one file.
type Package struct {
	Name    string
	Version string
	// Ecosystem is the OSV ecosystem name: Go, npm, PyPI, Maven,
	// crates.io, Packagist, RubyGems, NuGet.
	Ecosystem string
	PURL      string
	// Path is the lockfile or manifest (relative, slash-separated); Line
	// is the 1-based line of the package's entry, 0 when unknown.
	Path string
	Line int
	// Relation is direct, transitive or unknown.
	Relation Relation
	// Locked is true when the version comes from a lockfile (exact), false
	// for a manifest's declared version.
	Locked bool
	// Extractor is the osv-scalibr extractor that produced the package.
	Extractor string
	// Requires lists the packages this one requires in the same file, as
	// "name@version", where the lockfile records it (package-lock.json,
	// Cargo.lock); nil otherwise.
	Requires []string
}

// Problem is a file that could not be (fully) read.
type Problem struct {
	Path    string
	Message string
}

// Inventory is every package found, sorted by path, line and name.
type Inventory struct {
	Packages []Package
	// Files lists the dependency files read, sorted.
	Files []string
}

// kind describes one file format.
type kind struct {
	newExtractor func(*cpb.PluginConfig) (filesystem.Extractor, error)
	locked       bool
	// manifestFor is the ecosystem for manifests that yield to a lockfile
	// of that ecosystem in the same directory; "" for lockfiles.
	yieldsTo string
}

// kinds lists the extractors used, in the order they are tried.
var kinds = []kind{
	{newExtractor: gomod.New, locked: true},
	{newExtractor: packagelockjson.New, locked: true},
	{newExtractor: yarnlock.New, locked: true},
	{newExtractor: pnpmlock.New, locked: true},
	{newExtractor: bunlock.New, locked: true},
	{newExtractor: requirements.New, locked: true},
	{newExtractor: pipfilelock.New, locked: true},
	{newExtractor: poetrylock.New, locked: true},
	{newExtractor: uvlock.New, locked: true},
	{newExtractor: pdmlock.New, locked: true},
	{newExtractor: pylock.New, locked: true},
	{newExtractor: pomxml.New, locked: false},
	{newExtractor: gradlelockfile.New, locked: true},
	{newExtractor: cargolock.New, locked: true},
	{newExtractor: cargotoml.New, locked: false, yieldsTo: "crates.io"},
	{newExtractor: composerlock.New, locked: true},
	{newExtractor: gemfilelock.New, locked: true},
	{newExtractor: packageslockjson.New, locked: true},
	{newExtractor: packagesconfig.New, locked: false, yieldsTo: "NuGet"},
	{newExtractor: csproj.New, locked: false, yieldsTo: "NuGet"},
}

// Extractor reads dependency files. Create one with New; it is safe for
// concurrent use (the osv-scalibr extractors used keep no state).
type Extractor struct {
	exts   []filesystem.Extractor
	locked []bool
	yields []string
}

// New builds the extractors.
func New() (*Extractor, error) {
	quietScalibr()
	e := &Extractor{}
	for _, k := range kinds {
		x, err := k.newExtractor(&cpb.PluginConfig{})
		if err != nil {
			return nil, fmt.Errorf("create extractor: %w", err)
		}
		e.exts = append(e.exts, x)
		e.locked = append(e.locked, k.locked)
		e.yields = append(e.yields, k.yieldsTo)
	}
	return e, nil
}

// Wants reports whether some extractor reads the file.
func (e *Extractor) Wants(f *source.File) bool {
	return e.pick(f) >= 0
}

func (e *Extractor) pick(f *source.File) int {
	api := fileAPI{f: f}
	for i, x := range e.exts {
		if x.FileRequired(api) {
			return i
		}
	}
	return -1
}

// lockfileNames lists, per ecosystem, the lockfiles a manifest yields to.
var lockfileNames = map[string][]string{
	"crates.io": {"Cargo.lock"},
	"NuGet":     {"packages.lock.json"},
}

// Extract reads every dependency file among files. root is the absolute
// scan root (some extractors read a sibling file, e.g. go.sum); read
// returns a file's content. Problems name files that failed to parse; the
// others' packages are still returned.
func (e *Extractor) Extract(ctx context.Context, root string, files []source.File, read func(string) ([]byte, error)) (*Inventory, []Problem) {
	inv := &Inventory{}
	var problems []Problem
	present := map[string]bool{}
	for _, f := range files {
		present[f.Path] = true
	}
	var fsys scalibrfs.FS
	if root != "" {
		fsys = scalibrfs.DirFS(root)
	}
	for i := range files {
		if ctx.Err() != nil {
			problems = append(problems, Problem{Message: fmt.Sprintf("dependency extraction stopped: %v", ctx.Err())})
			break
		}
		f := &files[i]
		k := e.pick(f)
		if k < 0 {
			if pinnedManifests[path.Base(f.Path)] && !hasSibling(present, f.Path, pythonLockfiles) {
				if content, err := read(f.Path); err == nil {
					if pkgs, err := pinnedPackages(f.Path, content); err == nil && len(pkgs) > 0 {
						inv.Files = append(inv.Files, f.Path)
						inv.Packages = append(inv.Packages, pkgs...)
					}
				}
			}
			continue
		}
		if eco := e.yields[k]; eco != "" && hasSibling(present, f.Path, lockfileNames[eco]) {
			continue
		}
		content, err := read(f.Path)
		if err != nil {
			problems = append(problems, Problem{Path: f.Path, Message: fmt.Sprintf("read: %v", err)})
			continue
		}
		pkgs, err := e.extractOne(ctx, k, fsys, root, f, content)
		if err != nil {
			problems = append(problems, Problem{Path: f.Path, Message: fmt.Sprintf("%s: %v", e.exts[k].Name(), err)})
		}
		inv.Files = append(inv.Files, f.Path)
		inv.Packages = append(inv.Packages, pkgs...)
	}
	inv.Packages = resolveRelations(inv.Packages, present, read)
	slices.SortFunc(inv.Packages, func(a, b Package) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.Version, b.Version)
	})
	inv.Packages = slices.CompactFunc(inv.Packages, func(a, b Package) bool {
		return a.Path == b.Path && a.Name == b.Name && a.Version == b.Version && a.Ecosystem == b.Ecosystem
	})
	return inv, problems
}

// ExtractFile reads one file's packages; it is Extract for a single file
// without sibling lookups (tests, fuzzing): a pyproject.toml or Pipfile
// gives its pinned requirements as if no lockfile sat beside it.
func (e *Extractor) ExtractFile(ctx context.Context, f *source.File, content []byte) ([]Package, error) {
	k := e.pick(f)
	if k < 0 {
		if pinnedManifests[path.Base(f.Path)] {
			return pinnedPackages(f.Path, content)
		}
		return nil, nil
	}
	return e.extractOne(ctx, k, nil, "", f, content)
}

func (e *Extractor) extractOne(ctx context.Context, k int, fsys scalibrfs.FS, root string, f *source.File, content []byte) (pkgs []Package, err error) {
	x := e.exts[k]
	defer func() {
		// Third-party parsers: a panic on hostile input becomes an error.
		if r := recover(); r != nil {
			err = fmt.Errorf("parser panicked: %v", r)
		}
	}()
	in := &filesystem.ScanInput{
		FS:     fsys,
		Path:   f.Path,
		Root:   root,
		Info:   fileInfo{f: f},
		Reader: bytes.NewReader(content),
	}
	got, err := x.Extract(ctx, in)
	lines := newLineFinder(content)
	graph := readGraph(f.Path, content)
	for _, p := range got.Packages {
		if p == nil || p.Name == "" {
			continue
		}
		pkg := convert(p, f.Path, x.Name(), e.locked[k], lines)
		pkg.Requires = graph[key(pkg.Name, pkg.Version)]
		pkgs = append(pkgs, pkg)
	}
	return pkgs, err
}

func convert(p *extractor.Package, filePath, extractorName string, locked bool, lines *lineFinder) Package {
	out := Package{
		Name:      p.Name,
		Version:   p.Version,
		Ecosystem: p.Ecosystem().String(),
		Path:      filePath,
		Relation:  Unknown,
		Locked:    locked,
		Extractor: extractorName,
	}
	if u := p.PURL(); u != nil {
		out.PURL = u.String()
	}
	if d := p.Location.Descriptor; d != nil && d.File != nil {
		if sib := siblingPath(filePath, d.File.Path); sib != "" {
			// The extractor read the package from a file beside the one
			// scanned (go.mod's go.sum for go < 1.17): name that file.
			out.Path = sib
		}
		if d.File.LineNumber > 0 {
			out.Line = d.File.LineNumber
		}
	}
	if out.Line == 0 {
		out.Line = lines.find(p.Name, p.Version)
	}
	if base := path.Base(filePath); strings.HasPrefix(base, "requirements") || strings.HasSuffix(base, ".txt") {
		out.Relation = Direct // a requirements file lists what the project asks for
	}
	if !locked {
		out.Relation = Direct // manifests declare direct dependencies
	}
	return out
}

// siblingPath returns other, cleaned, when it names a different file in
// the same directory as scanned; "" otherwise.
func siblingPath(scanned, other string) string {
	if other == "" {
		return ""
	}
	other = path.Clean(strings.ReplaceAll(other, "\\", "/"))
	if other == scanned || path.Dir(other) != path.Dir(scanned) {
		return ""
	}
	return other
}

func hasSibling(present map[string]bool, p string, names []string) bool {
	dir := path.Dir(p)
	for _, n := range names {
		if present[path.Join(dir, n)] {
			return true
		}
	}
	return false
}

// fileAPI adapts a discovered file to osv-scalibr's FileAPI.
type fileAPI struct{ f *source.File }

func (a fileAPI) Path() string               { return a.f.Path }
func (a fileAPI) Stat() (fs.FileInfo, error) { return fileInfo(a), nil }

type fileInfo struct{ f *source.File }

func (i fileInfo) Name() string       { return path.Base(i.f.Path) }
func (i fileInfo) Size() int64        { return i.f.Size }
func (i fileInfo) Mode() fs.FileMode  { return 0o444 }
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }
