package inventory

import (
	"path"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/deps/manifest"
	"github.com/socyber/codeaudit/internal/deps/osvdb"
)

// manifestsFor lists, per ecosystem, the manifests that name a lockfile's
// direct dependencies when they sit in the same directory.
var manifestsFor = map[string][]string{
	"npm":       {"package.json"},
	"PyPI":      {"pyproject.toml", "Pipfile"},
	"crates.io": {"Cargo.toml"},
	"Packagist": {"composer.json"},
	"RubyGems":  {"Gemfile", "gems.rb"},
}

// resolveRelations marks lockfile packages direct when the manifest beside
// the lockfile names them, transitive otherwise; go.mod's own "// indirect"
// comments decide for Go. Without a manifest the relation stays unknown.
func resolveRelations(pkgs []Package, present map[string]bool, read func(string) ([]byte, error)) []Package {
	type key struct{ dir, eco string }
	direct := map[key]map[string]bool{}
	roots := map[key]string{}
	lookup := func(dir, eco string) map[string]bool {
		k := key{dir, eco}
		if names, ok := direct[k]; ok {
			return names
		}
		var names map[string]bool
		files := manifestsFor[eco]
		if eco == "Go" {
			files = []string{"go.mod"}
		}
		for _, mf := range files {
			p := path.Join(dir, mf)
			if !present[p] {
				continue
			}
			content, err := read(p)
			if err != nil {
				continue
			}
			m, err := manifest.Parse(p, content)
			if err != nil {
				continue
			}
			if names == nil {
				names = map[string]bool{}
			}
			if m.Name != "" {
				roots[k] = osvdb.NormalizeName(eco, m.Name)
			}
			for _, d := range m.Deps {
				if !d.Indirect {
					names[osvdb.NormalizeName(eco, d.Name)] = true
				}
			}
		}
		direct[k] = names
		return names
	}
	for i := range pkgs {
		p := &pkgs[i]
		if p.Relation != Unknown {
			continue
		}
		if p.Ecosystem == "Go" && p.Name == "stdlib" {
			p.Relation = Direct
			continue
		}
		if p.Ecosystem == "Go" && strings.HasSuffix(p.Path, "go.sum") {
			p.Relation = Transitive
			continue
		}
		names := lookup(path.Dir(p.Path), p.Ecosystem)
		if names == nil {
			continue
		}
		norm := osvdb.NormalizeName(p.Ecosystem, p.Name)
		if roots[key{path.Dir(p.Path), p.Ecosystem}] == norm {
			p.Relation = Root
			continue
		}
		if names[norm] {
			p.Relation = Direct
		} else {
			p.Relation = Transitive
		}
	}
	return slices.DeleteFunc(pkgs, func(p Package) bool { return p.Relation == Root })
}
