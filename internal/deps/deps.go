package deps

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/deps/inventory"
	"github.com/socyber/codeaudit/internal/deps/osvdb"
	"github.com/socyber/codeaudit/internal/deps/sbom"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/source"
)

// StaleAfter is the database age past which a scan warns.
const StaleAfter = 7 * 24 * time.Hour

// SBOMRequest asks for an SBOM file.
type SBOMRequest struct {
	// Format is "cyclonedx" (CycloneDX 1.6 JSON) or "spdx" (SPDX 2.3 JSON).
	Format string
	// Path is the file to write.
	Path string
}

// Options configure the analyzer.
type Options struct {
	// DBDir is the OSV database directory (DIR/<Ecosystem>/all.zip);
	// empty means DefaultDBDir().
	DBDir string
	// Offline is accepted for the CLI's --offline: scanning never uses the
	// network whatever its value (only UpdateDB does).
	Offline bool
	// Reachability marks Go findings whose vulnerable symbols are called
	// (golang.org/x/vuln); unreached ones drop to low severity.
	Reachability bool
	// SBOMs are written after the scan.
	SBOMs []SBOMRequest
	// Now is the clock (tests); nil means time.Now.
	Now func() time.Time
	// Logger receives debug details; nil discards them.
	Logger *slog.Logger
	// ToolVersion is recorded in SBOMs as the generating tool's version.
	ToolVersion string
	// Models lists the project's AI model files for the AI-BOM in
	// CycloneDX SBOMs; nil leaves them out. The registry connects it to the
	// models analyzer, so neither package depends on the other.
	Models func(ctx context.Context, files []source.File) ([]sbom.Model, error)
}

// Analyzer is the dependency analyzer. It is a ProjectAnalyzer: lockfiles
// and manifests are read together after discovery.
type Analyzer struct {
	opts      Options
	extractor *inventory.Extractor
}

var _ analyzer.ProjectAnalyzer = (*Analyzer)(nil)

// DefaultDBDir is the user cache directory's codeaudit/osv.
func DefaultDBDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "codeaudit", "osv")
}

// New validates the options and builds the analyzer.
func New(opts Options) (*Analyzer, error) {
	if opts.DBDir == "" {
		opts.DBDir = DefaultDBDir()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	for _, r := range opts.SBOMs {
		if r.Format != FormatCycloneDX && r.Format != FormatSPDX {
			return nil, fmt.Errorf("sbom format %q: want %s or %s", r.Format, FormatCycloneDX, FormatSPDX)
		}
		if r.Path == "" {
			return nil, fmt.Errorf("sbom %s: no output path", r.Format)
		}
	}
	x, err := inventory.New()
	if err != nil {
		return nil, err
	}
	return &Analyzer{opts: opts, extractor: x}, nil
}

// Info describes the analyzer.
func (a *Analyzer) Info() analyzer.Info {
	return analyzer.Info{
		Name:        AnalyzerName,
		Scanner:     analyzer.ScannerDeps,
		Description: "Dependencies: OSV advisories (offline), supply-chain checks, SBOMs",
	}
}

// Rules lists the rules.
func (a *Analyzer) Rules() []finding.Rule { return slices.Clone(rules) }

// EcosystemInfo describes one ecosystem of the database.
type EcosystemInfo struct {
	Ecosystem string    `json:"ecosystem"`
	FetchedAt time.Time `json:"fetched_at"`
	// Age is how old the data was at the time of the call.
	Age time.Duration `json:"age"`
}

// Database describes the OSV database the analyzer reads: one entry per
// ecosystem with its fetch time, for the report ("advisories as of ...").
// It returns an error wrapping osvdb.ErrNoDatabase when there is none.
func (a *Analyzer) Database() ([]EcosystemInfo, error) {
	db, err := osvdb.Open(a.opts.DBDir)
	if err != nil {
		return nil, err
	}
	now := a.opts.Now()
	var out []EcosystemInfo
	for _, e := range db.Ecosystems() {
		t, _ := db.FetchedAt(e)
		out = append(out, EcosystemInfo{Ecosystem: e, FetchedAt: t, Age: now.Sub(t)})
	}
	return out, nil
}

// DataSources reports the OSV database's ecosystems and their age for the
// scan result (analyzer.DataSourcer). No database means no entries; the
// scan warns about that separately.
func (a *Analyzer) DataSources() []result.DataSource {
	infos, err := a.Database()
	if err != nil {
		return nil
	}
	out := make([]result.DataSource, 0, len(infos))
	for _, e := range infos {
		out = append(out, result.DataSource{
			Name:      "osv/" + e.Ecosystem,
			Analyzer:  AnalyzerName,
			FetchedAt: e.FetchedAt.UTC(),
			AgeDays:   int(e.Age.Hours() / 24),
		})
	}
	return out
}

// AnalyzeProject extracts the inventory, matches it against the database,
// runs the supply-chain checks and writes the SBOMs.
func (a *Analyzer) AnalyzeProject(ctx context.Context, p *analyzer.Project, out analyzer.Emitter) error {
	// Manifests are read by extraction, relation resolution and the
	// supply-chain checks: read each file once per scan.
	cached := *p
	cached.ReadFile = memoize(p.ReadFile)
	p = &cached
	inv, problems := a.extractor.Extract(ctx, p.Root, p.Files, p.ReadFile)
	for _, pr := range problems {
		out.Warn(pr.Path, "dependencies: "+pr.Message)
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	vulns, err := a.matchAll(ctx, inv.Packages, out)
	if err != nil {
		return err
	}
	if a.opts.Reachability {
		a.applyReachability(ctx, p, vulns, out)
	}
	for _, v := range vulns {
		out.Emit(v.finding())
	}

	for _, f := range a.supplyChain(ctx, p, inv, out) {
		out.Emit(f)
	}

	var models []sbom.Model
	if len(a.opts.SBOMs) > 0 && a.opts.Models != nil {
		var err error
		if models, err = a.opts.Models(ctx, p.Files); err != nil {
			out.Warn("", "AI-BOM: "+err.Error())
		}
	}
	var errs []error
	for _, r := range a.opts.SBOMs {
		if err := a.writeSBOM(r, p, inv, models); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// matchAll matches every package with a version against its ecosystem's
// advisories. Each ecosystem's zip is loaded once.
func (a *Analyzer) matchAll(ctx context.Context, pkgs []inventory.Package, out analyzer.Emitter) ([]*vulnFinding, error) {
	ecos := map[string]bool{}
	names := map[string][]string{}
	for _, p := range pkgs {
		if p.Version != "" && p.Ecosystem != "" {
			ecos[p.Ecosystem] = true
			names[p.Ecosystem] = append(names[p.Ecosystem], p.Name)
		}
	}
	if len(ecos) == 0 {
		return nil, nil
	}
	db, err := osvdb.Open(a.opts.DBDir)
	if err != nil {
		if errors.Is(err, osvdb.ErrNoDatabase) {
			out.Warn("", fmt.Sprintf("no OSV database at %s; run `codeaudit db update` or pass --db", a.opts.DBDir))
			return nil, nil
		}
		out.Warn("", fmt.Sprintf("OSV database at %s: %v", a.opts.DBDir, err))
		return nil, nil
	}
	now := a.opts.Now()
	indexes := map[string]*osvdb.Index{}
	fetched := map[string]string{}
	for _, eco := range sortedKeys(ecos) {
		if !db.Has(eco) {
			out.Warn("", fmt.Sprintf("the OSV database at %s has no %s advisories; %s packages were not checked (run `codeaudit db update`)", a.opts.DBDir, eco, eco))
			continue
		}
		t, ok := db.FetchedAt(eco)
		if ok {
			fetched[eco] = t.UTC().Format(time.RFC3339)
		}
		if ok && now.Sub(t) > StaleAfter {
			out.Warn("", fmt.Sprintf("the %s advisories in %s are %d days old (fetched %s); run `codeaudit db update`",
				eco, a.opts.DBDir, int(now.Sub(t).Hours()/24), t.UTC().Format("2006-01-02")))
		}
		start := time.Now()
		ix, err := db.LoadFor(ctx, eco, names[eco])
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			out.Warn("", fmt.Sprintf("OSV %s advisories not loaded: %v", eco, err))
			continue
		}
		a.opts.Logger.Debug("loaded OSV advisories", "ecosystem", eco, "count", ix.Count, "took", time.Since(start))
		indexes[eco] = ix
	}

	type key struct{ eco, name, version string }
	cache := map[key][]osvdb.Match{}
	var found []*vulnFinding
	for i, p := range pkgs {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		ix := indexes[p.Ecosystem]
		if ix == nil || p.Version == "" {
			continue
		}
		version := matchVersion(p)
		k := key{p.Ecosystem, osvdb.NormalizeName(p.Ecosystem, p.Name), version}
		ms, ok := cache[k]
		if !ok {
			ms, err = ix.Match(p.Name, version)
			if err != nil {
				// An unparsable version (a range left in a manifest, a
				// local path) cannot be matched: say so, go on.
				out.Warn(p.Path, fmt.Sprintf("dependencies: %s: %v", p.Name, err))
			}
			cache[k] = ms
		}
		for i := range ms {
			found = append(found, &vulnFinding{pkg: p, match: &ms[i], dbFetched: fetched[p.Ecosystem]})
		}
	}
	return found, nil
}

// matchVersion is the version a package is matched at. A go.mod "go 1.22"
// directive names a language version, satisfied by any 1.22.x toolchain:
// like osv-scanner, match the standard library at the last patch release
// of that line (1.22.99) so fixes in later patches are not reported.
func matchVersion(p inventory.Package) string {
	if p.Ecosystem == "Go" && p.Name == "stdlib" && strings.Count(p.Version, ".") == 1 {
		return p.Version + ".99"
	}
	return p.Version
}

// memoize caches a reader's results for one scan. Not safe for
// concurrent use; AnalyzeProject reads sequentially.
func memoize(read func(string) ([]byte, error)) func(string) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	seen := map[string]result{}
	return func(path string) ([]byte, error) {
		if r, ok := seen[path]; ok {
			return r.b, r.err
		}
		b, err := read(path)
		seen[path] = result{b, err}
		return b, err
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// osvURL is the public page of an advisory (a reference link only; the
// scan never fetches it).
func osvURL(id string) string { return "https://osv.dev/vulnerability/" + id }

func joinComma(s []string) string { return strings.Join(s, ", ") }
