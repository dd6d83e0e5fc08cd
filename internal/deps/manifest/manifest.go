package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/mod/modfile"
)

// MaxManifestSize bounds the manifests parsed here.
const MaxManifestSize = 16 << 20

// Dep is one declared dependency.
type Dep struct {
	Name string
	// Spec is the version requirement or source as written: "^1.2.0",
	// "git+https://...#v1", "==2.19.1", "https://x/y.tgz".
	Spec string
	// Group is the section it is declared in: "dependencies",
	// "devDependencies", "require-dev", "dev-packages"...
	Group string
	// Line is the 1-based line of the entry, 0 when unknown.
	Line int
	// Indirect marks go.mod requirements with an "// indirect" comment.
	Indirect bool
}

// Manifest is what a manifest declares.
type Manifest struct {
	// Ecosystem is the OSV ecosystem of the dependencies.
	Ecosystem string
	// Name is the project's own package name where the manifest gives one.
	Name string
	Deps []Dep
	// Scripts are package.json lifecycle scripts by name.
	Scripts map[string]string
	// Private is package.json's "private": true.
	Private bool
	// Workspaces is set when package.json declares workspaces.
	Workspaces bool
}

// ErrNotManifest is returned for files this package does not read.
var ErrNotManifest = errors.New("not a known manifest")

// EcosystemOf returns the ecosystem of a manifest file name known here,
// or "".
func EcosystemOf(base string) string { return ecosystems[base] }

// ecosystems names the manifest files known here and their ecosystem.
var ecosystems = map[string]string{
	"package.json":   "npm",
	"composer.json":  "Packagist",
	"Cargo.toml":     "crates.io",
	"pyproject.toml": "PyPI",
	"Pipfile":        "PyPI",
	"Gemfile":        "RubyGems",
	"gems.rb":        "RubyGems",
	"go.mod":         "Go",
}

// Parse reads the manifest at p (its base name decides the format).
func Parse(p string, content []byte) (*Manifest, error) {
	if len(content) > MaxManifestSize {
		return nil, fmt.Errorf("%s is %d bytes, over the %d limit", p, len(content), MaxManifestSize)
	}
	base := path.Base(p)
	eco, ok := ecosystems[base]
	if !ok {
		return nil, ErrNotManifest
	}
	var m *Manifest
	var err error
	switch base {
	case "package.json":
		m, err = parseJSONManifest(content, []string{"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"})
	case "composer.json":
		m, err = parseJSONManifest(content, []string{"require", "require-dev"})
	case "Cargo.toml":
		m, err = parseCargo(content)
	case "pyproject.toml":
		m, err = parsePyproject(content)
	case "Pipfile":
		m, err = parsePipfile(content)
	case "Gemfile", "gems.rb":
		m = parseGemfile(content)
	case "go.mod":
		m, err = parseGoMod(p, content)
	}
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", p, err)
	}
	m.Ecosystem = eco
	return m, nil
}

// Names returns the declared dependency names.
func (m *Manifest) Names() map[string]bool {
	out := make(map[string]bool, len(m.Deps))
	for _, d := range m.Deps {
		out[d.Name] = true
	}
	return out
}

// lineAt returns the 1-based line of byte offset off.
func lineAt(content []byte, off int64) int {
	if off > int64(len(content)) {
		off = int64(len(content))
	}
	return bytes.Count(content[:off], []byte("\n")) + 1
}

// parseJSONManifest walks the top-level object with a token decoder so
// each dependency keeps its line (encoding/json's Unmarshal loses offsets).
func parseJSONManifest(content []byte, groups []string) (*Manifest, error) {
	m := &Manifest{}
	dec := json.NewDecoder(bytes.NewReader(content))
	dec.UseNumber()
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	for dec.More() {
		key, err := stringToken(dec)
		if err != nil {
			return nil, err
		}
		switch {
		case containsStr(groups, key):
			if err := readStringMap(dec, content, func(name, value string, line int) {
				m.Deps = append(m.Deps, Dep{Name: name, Spec: value, Group: key, Line: line})
			}); err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
		case key == "scripts":
			m.Scripts = map[string]string{}
			if err := readStringMap(dec, content, func(name, value string, _ int) { m.Scripts[name] = value }); err != nil {
				return nil, fmt.Errorf("scripts: %w", err)
			}
		case key == "name":
			var n any
			if err := dec.Decode(&n); err != nil {
				return nil, err
			}
			m.Name, _ = n.(string)
		case key == "private":
			var b any
			if err := dec.Decode(&b); err != nil {
				return nil, err
			}
			m.Private = b == true
		case key == "workspaces":
			var w any
			if err := dec.Decode(&w); err != nil {
				return nil, err
			}
			m.Workspaces = w != nil
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return fmt.Errorf("expected %q, found %v", d, tok)
	}
	return nil
}

func stringToken(dec *json.Decoder) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", err
	}
	s, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("expected a string, found %v", tok)
	}
	return s, nil
}

// readStringMap reads an object of strings; values of other types are
// skipped. A non-object value is skipped entirely.
func readStringMap(dec *json.Decoder, content []byte, fn func(key, value string, line int)) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		if d, ok := tok.(json.Delim); ok && d == '[' {
			return skipRest(dec, 1)
		}
		return nil
	}
	for dec.More() {
		key, err := stringToken(dec)
		if err != nil {
			return err
		}
		line := lineAt(content, dec.InputOffset())
		var v any
		if err := dec.Decode(&v); err != nil {
			return err
		}
		if s, ok := v.(string); ok {
			fn(key, s, line)
		}
	}
	_, err = dec.Token() // closing brace
	return err
}

func skipRest(dec *json.Decoder, depth int) error {
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
		}
	}
	return nil
}

// tomlLines finds the line of each "name =" key in TOML dependency
// tables; BurntSushi/toml's metadata gives keys but not positions.
func tomlKeyLine(content []byte, table, key string) int {
	lines := strings.Split(string(content), "\n")
	in := table == ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			in = strings.Trim(t, "[] ") == table
			continue
		}
		if !in {
			continue
		}
		k, _, ok := strings.Cut(t, "=")
		if ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			return i + 1
		}
	}
	return 0
}

func parseCargo(content []byte) (*Manifest, error) {
	var doc map[string]any
	if _, err := toml.Decode(string(content), &doc); err != nil {
		return nil, err
	}
	m := &Manifest{}
	if pkg, ok := doc["package"].(map[string]any); ok {
		m.Name, _ = pkg["name"].(string)
	}
	add := func(table string, deps any) {
		tbl, ok := deps.(map[string]any)
		if !ok {
			return
		}
		for name, v := range tbl {
			d := Dep{Name: name, Group: table, Line: tomlKeyLine(content, table, name)}
			switch v := v.(type) {
			case string:
				d.Spec = v
			case map[string]any:
				if p, ok := v["package"].(string); ok {
					d.Name = p
				}
				d.Spec = cargoSpec(v)
			}
			m.Deps = append(m.Deps, d)
		}
	}
	for _, g := range []string{"dependencies", "dev-dependencies", "build-dependencies"} {
		add(g, doc[g])
	}
	if ws, ok := doc["workspace"].(map[string]any); ok {
		add("workspace.dependencies", ws["dependencies"])
	}
	if tg, ok := doc["target"].(map[string]any); ok {
		for name, t := range tg {
			if tt, ok := t.(map[string]any); ok {
				for _, g := range []string{"dependencies", "dev-dependencies", "build-dependencies"} {
					add("target."+name+"."+g, tt[g])
				}
			}
		}
	}
	sortDeps(m.Deps)
	return m, nil
}

// cargoSpec renders an inline Cargo dependency table as one spec string:
// "git=URL rev=REV" for git sources, the version otherwise.
func cargoSpec(v map[string]any) string {
	if g, ok := v["git"].(string); ok {
		s := "git=" + g
		for _, k := range []string{"rev", "tag", "branch"} {
			if r, ok := v[k].(string); ok {
				s += " " + k + "=" + r
			}
		}
		return s
	}
	if ver, ok := v["version"].(string); ok {
		return ver
	}
	return ""
}

var pep508Name = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9._-]*)`)

func parsePyproject(content []byte) (*Manifest, error) {
	var doc struct {
		Project struct {
			Name                 string              `toml:"name"`
			Dependencies         []string            `toml:"dependencies"`
			OptionalDependencies map[string][]string `toml:"optional-dependencies"`
		} `toml:"project"`
		DependencyGroups map[string][]any `toml:"dependency-groups"`
		Tool             struct {
			Poetry struct {
				Dependencies    map[string]any `toml:"dependencies"`
				DevDependencies map[string]any `toml:"dev-dependencies"`
				Group           map[string]struct {
					Dependencies map[string]any `toml:"dependencies"`
				} `toml:"group"`
			} `toml:"poetry"`
		} `toml:"tool"`
	}
	if _, err := toml.Decode(string(content), &doc); err != nil {
		return nil, err
	}
	m := &Manifest{Name: doc.Project.Name}
	addReq := func(group, req string) {
		if n := pep508Name.FindStringSubmatch(req); n != nil {
			m.Deps = append(m.Deps, Dep{Name: n[1], Spec: strings.TrimSpace(req[len(n[0]):]), Group: group, Line: findLine(content, req)})
		}
	}
	for _, r := range doc.Project.Dependencies {
		addReq("dependencies", r)
	}
	for g, rs := range doc.Project.OptionalDependencies {
		for _, r := range rs {
			addReq("optional-dependencies."+g, r)
		}
	}
	for g, rs := range doc.DependencyGroups {
		for _, r := range rs {
			if s, ok := r.(string); ok {
				addReq("dependency-groups."+g, s)
			}
		}
	}
	addPoetry := func(table string, deps map[string]any) {
		for name, v := range deps {
			if name == "python" {
				continue
			}
			spec, _ := v.(string)
			m.Deps = append(m.Deps, Dep{Name: name, Spec: spec, Group: table, Line: tomlKeyLine(content, table, name)})
		}
	}
	addPoetry("tool.poetry.dependencies", doc.Tool.Poetry.Dependencies)
	addPoetry("tool.poetry.dev-dependencies", doc.Tool.Poetry.DevDependencies)
	for g, t := range doc.Tool.Poetry.Group {
		addPoetry("tool.poetry.group."+g+".dependencies", t.Dependencies)
	}
	sortDeps(m.Deps)
	return m, nil
}

func parsePipfile(content []byte) (*Manifest, error) {
	var doc map[string]any
	if _, err := toml.Decode(string(content), &doc); err != nil {
		return nil, err
	}
	m := &Manifest{}
	for _, g := range []string{"packages", "dev-packages"} {
		tbl, _ := doc[g].(map[string]any)
		for name, v := range tbl {
			spec, _ := v.(string)
			if t, ok := v.(map[string]any); ok {
				if gurl, ok := t["git"].(string); ok {
					spec = "git=" + gurl
					if r, ok := t["ref"].(string); ok {
						spec += " ref=" + r
					}
				}
			}
			m.Deps = append(m.Deps, Dep{Name: name, Spec: spec, Group: g, Line: tomlKeyLine(content, g, name)})
		}
	}
	sortDeps(m.Deps)
	return m, nil
}

var gemLine = regexp.MustCompile(`^\s*gem\s*\(?\s*["']([^"']+)["']\s*(.*)$`)

func parseGemfile(content []byte) *Manifest {
	m := &Manifest{}
	for i, l := range strings.Split(string(content), "\n") {
		if g := gemLine.FindStringSubmatch(l); g != nil {
			rest := g[2]
			if c := strings.Index(rest, "#"); c >= 0 {
				rest = rest[:c]
			}
			m.Deps = append(m.Deps, Dep{Name: g[1], Spec: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ",")), Group: "gems", Line: i + 1})
		}
	}
	return m
}

func parseGoMod(p string, content []byte) (*Manifest, error) {
	f, err := modfile.ParseLax(p, content, nil)
	if err != nil {
		return nil, err
	}
	m := &Manifest{}
	for _, r := range f.Require {
		m.Deps = append(m.Deps, Dep{Name: r.Mod.Path, Spec: r.Mod.Version, Group: "require", Line: r.Syntax.Start.Line, Indirect: r.Indirect})
	}
	return m, nil
}

func findLine(content []byte, s string) int {
	i := bytes.Index(content, []byte(s))
	if i < 0 {
		return 0
	}
	return lineAt(content, int64(i))
}

func sortDeps(deps []Dep) {
	slices.SortFunc(deps, func(a, b Dep) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return strings.Compare(a.Name, b.Name)
	})
}
