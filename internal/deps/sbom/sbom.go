package sbom

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/socyber/codeaudit/internal/deps/inventory"
)

// Document is what an SBOM describes.
type Document struct {
	// Name is the scanned project's name (the scan root's base name).
	Name string
	// ToolName and ToolVersion identify the generator ("codeaudit").
	ToolName, ToolVersion string
	// Timestamp is the creation time.
	Timestamp time.Time
	// Packages is the inventory; duplicates (same package URL in several
	// files) become one component listing every file.
	Packages []inventory.Package
	// Models are AI model files, written as CycloneDX
	// machine-learning-model components (SPDX output omits them).
	Models []Model
}

// Model is one model file of the AI-BOM.
type Model struct {
	Name   string // file name
	Path   string // relative path in the scan
	Format string // "safetensors", "pytorch", "onnx", ...
	SHA256 string // lower-case hex digest
}

// component is one deduplicated package.
type component struct {
	ref      string // unique id: the package URL, else ecosystem/name@version
	pkg      inventory.Package
	files    []string
	direct   bool
	supplier string
	// requires are the refs of the components this one requires.
	requires []string
}

func (d *Document) components() []component {
	byRef := map[string]*component{}
	var order []string
	for _, p := range d.Packages {
		ref := refFor(p)
		c, ok := byRef[ref]
		if !ok {
			c = &component{ref: ref, pkg: p, supplier: supplierOf(p)}
			byRef[ref] = c
			order = append(order, ref)
		}
		loc := p.Path
		if p.Line > 0 {
			loc = fmt.Sprintf("%s:%d", p.Path, p.Line)
		}
		if !slices.Contains(c.files, loc) {
			c.files = append(c.files, loc)
		}
		// Direct when any file says so, or when nothing tells.
		if p.Relation == inventory.Direct || p.Relation == inventory.Unknown {
			c.direct = true
		}
	}
	// Resolve lockfile edges (name@version within one ecosystem) to refs.
	refOf := map[string]string{}
	for r, c := range byRef {
		refOf[c.pkg.Ecosystem+"\x00"+c.pkg.Name+"@"+c.pkg.Version] = r
	}
	for _, p := range d.Packages {
		from := byRef[refFor(p)]
		for _, req := range p.Requires {
			if to, ok := refOf[p.Ecosystem+"\x00"+req]; ok && to != from.ref && !slices.Contains(from.requires, to) {
				from.requires = append(from.requires, to)
			}
		}
	}
	slices.Sort(order)
	out := make([]component, 0, len(order))
	for _, r := range order {
		c := byRef[r]
		slices.Sort(c.requires)
		out = append(out, *c)
	}
	return out
}

func refFor(p inventory.Package) string {
	if p.PURL != "" {
		return p.PURL
	}
	return fmt.Sprintf("%s/%s@%s", p.Ecosystem, p.Name, p.Version)
}

// registries names the default supplier per ecosystem: the registry that
// distributed the package, when the package names no publisher.
var registries = map[string]string{
	"npm":       "npm registry (registry.npmjs.org)",
	"PyPI":      "Python Package Index (pypi.org)",
	"crates.io": "crates.io",
	"Go":        "Go module proxy (proxy.golang.org)",
	"Maven":     "Maven Central",
	"Packagist": "Packagist (packagist.org)",
	"RubyGems":  "RubyGems (rubygems.org)",
	"NuGet":     "NuGet Gallery (nuget.org)",
}

// supplierOf names who supplies the package: the namespace its name
// carries (Maven groupId, npm scope, Composer vendor, Go module host
// path), else the registry.
func supplierOf(p inventory.Package) string {
	switch p.Ecosystem {
	case "Maven":
		if g, _, ok := strings.Cut(p.Name, ":"); ok {
			return g
		}
	case "npm":
		if strings.HasPrefix(p.Name, "@") {
			if s, _, ok := strings.Cut(p.Name, "/"); ok {
				return s
			}
		}
	case "Packagist":
		if v, _, ok := strings.Cut(p.Name, "/"); ok {
			return v
		}
	case "Go":
		parts := strings.Split(p.Name, "/")
		if len(parts) >= 2 && strings.Contains(parts[0], ".") {
			return parts[0] + "/" + parts[1]
		}
	}
	if r, ok := registries[p.Ecosystem]; ok {
		return r
	}
	return "NOASSERTION"
}

// serial derives a stable identifier from the document's content, so the
// same inventory at the same time yields the same SBOM (reproducible
// builds, golden tests).
func (d *Document) serial() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\n", d.Name, d.ToolVersion, d.Timestamp.UTC().Format(time.RFC3339))
	for _, p := range d.Packages {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\n", p.PURL, p.Name, p.Version, p.Path)
	}
	b := h.Sum(nil)
	b[6] = (b[6] & 0x0f) | 0x50 // version 5 style (name-based, SHA)
	b[8] = (b[8] & 0x3f) | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
