package supplychain

import (
	"bytes"
	"encoding/json"
	"path"
	"strings"

	"github.com/socyber/codeaudit/internal/deps/manifest"
)

// lockfiles lists, per manifest, the lockfiles that pin its dependencies.
var lockfiles = map[string][]string{
	"package.json":  {"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"},
	"Gemfile":       {"Gemfile.lock"},
	"gems.rb":       {"gems.locked"},
	"composer.json": {"composer.lock"},
	"Pipfile":       {"Pipfile.lock"},
	"go.mod":        {"go.sum"},
}

// workspaceManifests may have their lockfile in an ancestor directory
// (npm/yarn/pnpm workspaces, Go workspaces share go.sum per module only).
var workspaceManifests = map[string]bool{"package.json": true, "composer.json": false}

func (c *checker) hasLockfile(manifestPath, _ string) bool {
	base := path.Base(manifestPath)
	names := lockfiles[base]
	dir := path.Dir(manifestPath)
	for {
		for _, n := range names {
			if c.present[path.Join(dir, n)] {
				return true
			}
		}
		if !workspaceManifests[base] || dir == "." || dir == "/" {
			return false
		}
		dir = path.Dir(dir)
	}
}

// missingLock reports a manifest that declares dependencies but has no
// lockfile. pyproject.toml and Cargo.toml are left out: libraries in those
// ecosystems are expected to publish without one.
func (c *checker) missingLock(p string, m *manifest.Manifest) {
	base := path.Base(p)
	if _, ok := lockfiles[base]; !ok {
		return
	}
	first := 0
	for _, d := range m.Deps {
		if d.Group == "peerDependencies" || isPlatformRequirement(base, d.Name) {
			continue
		}
		if first == 0 || (d.Line > 0 && d.Line < first) {
			first = d.Line
		}
	}
	if first == 0 || c.hasLockfile(p, m.Ecosystem) {
		return
	}
	c.add(Issue{Kind: KindMissingLock, Path: p, Line: first, Ecosystem: m.Ecosystem,
		Message: base + " declares dependencies but no " + strings.Join(lockfiles[base], ", ") + " pins their versions and hashes"})
}

// isPlatformRequirement matches composer's php and ext-* entries.
func isPlatformRequirement(manifestName, name string) bool {
	return manifestName == "composer.json" && (name == "php" || strings.HasPrefix(name, "ext-") || strings.HasPrefix(name, "lib-"))
}

// packageLock reports packages whose lock entry says hasInstallScript.
func (c *checker) packageLock(p string, content []byte) {
	var lock struct {
		Packages map[string]struct {
			Version          string `json:"version"`
			HasInstallScript bool   `json:"hasInstallScript"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(content, &lock); err != nil {
		c.problems = append(c.problems, Problem{p, "parse: " + err.Error()})
		return
	}
	for key, e := range lock.Packages {
		if key == "" || !e.HasInstallScript {
			continue // "" is the project itself: its own scripts are its business
		}
		name := key[strings.LastIndex(key, "node_modules/")+len("node_modules/"):]
		if !strings.Contains(key, "node_modules/") {
			name = key // a workspace member: still a script that runs on install
		}
		line := 0
		if i := bytes.Index(content, []byte(`"`+key+`"`)); i >= 0 {
			line = bytes.Count(content[:i], []byte("\n")) + 1
		}
		c.add(Issue{Kind: KindInstallScript, Path: p, Line: line, Package: name, Ecosystem: "npm",
			Message: name + " " + e.Version + " runs an install script (preinstall, install or postinstall) when it is installed"})
	}
}

// pnpmLock reports packages marked requiresBuild (pnpm's record of an
// install script), reading the YAML line by line: the flag sits two
// indentation levels below the package key.
func (c *checker) pnpmLock(p string, content []byte) {
	lines := strings.Split(string(content), "\n")
	inPackages, current, currentLine := false, "", 0
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if l == "" {
			continue
		}
		if !strings.HasPrefix(l, " ") {
			inPackages = strings.HasPrefix(l, "packages:") || strings.HasPrefix(l, "snapshots:")
			continue
		}
		if !inPackages {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		t := strings.TrimSpace(l)
		if indent == 2 && strings.HasSuffix(t, ":") {
			current, currentLine = strings.Trim(strings.TrimSuffix(t, ":"), `'"/`), i+1
			continue
		}
		if current != "" && t == "requiresBuild: true" {
			c.add(Issue{Kind: KindInstallScript, Path: p, Line: currentLine, Package: current, Ecosystem: "npm",
				Message: current + " runs an install script (pnpm marks it requiresBuild) when it is installed"})
			current = ""
		}
	}
}
