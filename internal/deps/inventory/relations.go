package inventory

import (
	"encoding/json"
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
	nuget := map[string]map[string]string{}
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
		if path.Base(p.Path) == "packages.lock.json" {
			p.Relation = nugetRelation(p.Path, p.Name, read, nuget)
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

// nugetRelation reads the "type" NuGet records for each package in
// packages.lock.json ("Direct", "Transitive", "Project"); cache holds
// each lockfile's name -> type map.
func nugetRelation(lockPath, name string, read func(string) ([]byte, error), cache map[string]map[string]string) Relation {
	types, ok := cache[lockPath]
	if !ok {
		types = map[string]string{}
		if b, err := read(lockPath); err == nil {
			var lock struct {
				Dependencies map[string]map[string]struct {
					Type string `json:"type"`
				} `json:"dependencies"`
			}
			if json.Unmarshal(b, &lock) == nil {
				for _, fw := range lock.Dependencies {
					for n, d := range fw {
						n = strings.ToLower(n)
						if types[n] != "Direct" { // direct in any framework wins
							types[n] = d.Type
						}
					}
				}
			}
		}
		cache[lockPath] = types
	}
	switch types[strings.ToLower(name)] {
	case "Direct", "Project":
		return Direct
	case "Transitive", "CentralTransitive":
		return Transitive
	}
	return Unknown
}
