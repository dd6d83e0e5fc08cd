package inventory

import (
	"encoding/json"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// The osv-scalibr extractors return flat package lists. Where a lockfile
// records which package requires which, readGraph recovers those edges
// for the SBOM's dependency graph: package-lock.json (v2/v3 "packages"),
// pnpm-lock.yaml, Cargo.lock, poetry.lock and uv.lock.

// key names a package within one lockfile.
func key(name, version string) string { return name + "@" + version }

// readGraph returns, for a lockfile's content, each package's requirements
// as name@version keys; nil when the format records no graph.
func readGraph(filePath string, content []byte) map[string][]string {
	switch path.Base(filePath) {
	case "package-lock.json", "npm-shrinkwrap.json":
		return npmGraph(content)
	case "Cargo.lock":
		return cargoGraph(content)
	case "poetry.lock", "uv.lock":
		return pythonLockGraph(content)
	case "pnpm-lock.yaml":
		return pnpmGraph(content)
	}
	return nil
}

// pythonLockGraph reads poetry.lock ([package.dependencies] tables) and
// uv.lock (dependencies = [{ name = ... }] arrays). Both name requirements
// without versions; a lockfile holds one version per name, so the name
// resolves.
func pythonLockGraph(content []byte) map[string][]string {
	var lock struct {
		Package []struct {
			Name         string `toml:"name"`
			Version      string `toml:"version"`
			Dependencies any    `toml:"dependencies"`
		} `toml:"package"`
	}
	if _, err := toml.Decode(string(content), &lock); err != nil {
		return nil
	}
	version, spelled := map[string]string{}, map[string]string{}
	for _, p := range lock.Package {
		version[pep503Key(p.Name)] = p.Version
		spelled[pep503Key(p.Name)] = p.Name
	}
	graph := map[string][]string{}
	for _, p := range lock.Package {
		var names []string
		switch d := p.Dependencies.(type) {
		case map[string]any: // poetry
			for n := range d {
				names = append(names, n)
			}
		case []map[string]any: // uv
			for _, e := range d {
				if n, ok := e["name"].(string); ok {
					names = append(names, n)
				}
			}
		case []any:
			for _, e := range d {
				if m, ok := e.(map[string]any); ok {
					if n, ok := m["name"].(string); ok {
						names = append(names, n)
					}
				}
			}
		}
		from := key(p.Name, p.Version)
		for _, n := range names {
			if v, ok := version[pep503Key(n)]; ok {
				graph[from] = append(graph[from], key(spelled[pep503Key(n)], v))
			}
		}
		slices.Sort(graph[from])
	}
	return graph
}

func pep503Key(n string) string {
	return strings.NewReplacer("_", "-", ".", "-").Replace(strings.ToLower(n))
}

// pnpmGraph reads pnpm-lock.yaml: v5/v6 "packages" keys "/name@version"
// or "/name/version", v9 "snapshots" keys "name@version", each with a
// dependencies map of name -> version (possibly with a peer suffix).
func pnpmGraph(content []byte) map[string][]string {
	var lock struct {
		Packages  map[string]pnpmEntry `yaml:"packages"`
		Snapshots map[string]pnpmEntry `yaml:"snapshots"`
	}
	if yaml.Unmarshal(content, &lock) != nil {
		return nil
	}
	entries := lock.Snapshots
	if len(entries) == 0 {
		entries = lock.Packages
	}
	graph := map[string][]string{}
	for k, e := range entries {
		name, version := pnpmKey(k)
		if name == "" {
			continue
		}
		from := key(name, version)
		for _, deps := range []map[string]string{e.Dependencies, e.OptionalDependencies} {
			for n, v := range deps {
				graph[from] = append(graph[from], key(n, stripPeer(v)))
			}
		}
		slices.Sort(graph[from])
	}
	return graph
}

type pnpmEntry struct {
	Dependencies         map[string]string `yaml:"dependencies"`
	OptionalDependencies map[string]string `yaml:"optionalDependencies"`
}

// pnpmKey splits "/@scope/name@1.2.3(peer@1)" or "/name/1.2.3" or
// "name@1.2.3" into name and version.
func pnpmKey(k string) (string, string) {
	k = strings.TrimPrefix(stripPeer(k), "/")
	if i := strings.LastIndex(k, "@"); i > 0 {
		return k[:i], k[i+1:]
	}
	if i := strings.LastIndex(k, "/"); i > 0 {
		return k[:i], k[i+1:]
	}
	return "", ""
}

func stripPeer(v string) string {
	if i := strings.IndexAny(v, "(_"); i > 0 {
		return v[:i]
	}
	return v
}

func npmGraph(content []byte) map[string][]string {
	var lock struct {
		Packages map[string]struct {
			Name                 string            `json:"name"`
			Version              string            `json:"version"`
			Link                 bool              `json:"link"`
			Dependencies         map[string]string `json:"dependencies"`
			OptionalDependencies map[string]string `json:"optionalDependencies"`
			DevDependencies      map[string]string `json:"devDependencies"`
		} `json:"packages"`
	}
	if json.Unmarshal(content, &lock) != nil || len(lock.Packages) == 0 {
		return nil
	}
	nameOf := func(p string) string {
		if i := strings.LastIndex(p, "node_modules/"); i >= 0 {
			return p[i+len("node_modules/"):]
		}
		return ""
	}
	// resolve finds the entry a require of dep from the package at p
	// uses: the nearest node_modules/dep walking up from p.
	resolve := func(p, dep string) string {
		dir := p
		for {
			cand := path.Join(dir, "node_modules", dep)
			if dir == "" {
				cand = "node_modules/" + dep
			}
			if _, ok := lock.Packages[cand]; ok {
				return cand
			}
			if dir == "" {
				return ""
			}
			i := strings.LastIndex(dir, "node_modules/")
			if i <= 0 {
				dir = ""
			} else {
				dir = strings.TrimSuffix(dir[:i], "/")
			}
		}
	}
	graph := map[string][]string{}
	for p, e := range lock.Packages {
		if p == "" || e.Link {
			continue
		}
		from := key(nameOf(p), e.Version)
		for _, deps := range []map[string]string{e.Dependencies, e.OptionalDependencies} {
			for dep := range deps {
				to := resolve(p, dep)
				if to == "" {
					continue
				}
				k := key(dep, lock.Packages[to].Version)
				if !slices.Contains(graph[from], k) {
					graph[from] = append(graph[from], k)
				}
			}
		}
	}
	for _, v := range graph {
		slices.Sort(v)
	}
	return graph
}

func cargoGraph(content []byte) map[string][]string {
	var lock struct {
		Package []struct {
			Name         string   `toml:"name"`
			Version      string   `toml:"version"`
			Dependencies []string `toml:"dependencies"`
		} `toml:"package"`
	}
	if _, err := toml.Decode(string(content), &lock); err != nil {
		return nil
	}
	versions := map[string][]string{}
	for _, p := range lock.Package {
		versions[p.Name] = append(versions[p.Name], p.Version)
	}
	graph := map[string][]string{}
	for _, p := range lock.Package {
		from := key(p.Name, p.Version)
		for _, d := range p.Dependencies {
			// "name", "name version" or "name version (source)".
			f := strings.Fields(d)
			if len(f) == 0 {
				continue
			}
			v := ""
			if len(f) > 1 {
				v = f[1]
			} else if vs := versions[f[0]]; len(vs) == 1 {
				v = vs[0]
			}
			if v != "" {
				graph[from] = append(graph[from], key(f[0], v))
			}
		}
		slices.Sort(graph[from])
	}
	return graph
}
