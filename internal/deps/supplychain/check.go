package supplychain

import (
	"context"
	"path"
	"strings"

	"github.com/socyber/codeaudit/internal/deps/manifest"
	"github.com/socyber/codeaudit/internal/source"
)

// Kinds of issue.
const (
	KindUnpinned      = "unpinned"
	KindInstallScript = "install-script"
	KindMissingLock   = "missing-lockfile"
	KindTyposquat     = "typosquat"
)

// MaxFileSize bounds the files read here.
const MaxFileSize = 32 << 20

// Issue is one supply-chain problem.
type Issue struct {
	Kind    string
	Path    string
	Line    int
	Message string
	// Package is the dependency concerned, when there is one.
	Package   string
	Ecosystem string
	// Similar is the popular name a typosquat resembles.
	Similar string
}

// Problem is a file that could not be read or parsed.
type Problem struct {
	Path    string
	Message string
}

// Check runs every check over the discovered files.
func Check(ctx context.Context, files []source.File, read func(string) ([]byte, error)) ([]Issue, []Problem) {
	c := &checker{read: read, present: map[string]bool{}, dirs: map[string]bool{}}
	for _, f := range files {
		c.present[f.Path] = true
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		f := &files[i]
		if f.Size > MaxFileSize {
			continue
		}
		base := path.Base(f.Path)
		switch {
		case base == "package-lock.json" || base == "npm-shrinkwrap.json":
			c.withContent(f.Path, c.packageLock)
		case base == "pnpm-lock.yaml":
			c.withContent(f.Path, c.pnpmLock)
		case isRequirements(f.Path):
			c.withContent(f.Path, c.requirements)
		case manifest.EcosystemOf(base) != "":
			c.withContent(f.Path, c.manifest)
		}
	}
	return c.issues, c.problems
}

type checker struct {
	read     func(string) ([]byte, error)
	present  map[string]bool
	dirs     map[string]bool
	issues   []Issue
	problems []Problem
}

func (c *checker) withContent(p string, fn func(string, []byte)) {
	b, err := c.read(p)
	if err != nil {
		c.problems = append(c.problems, Problem{p, "read: " + err.Error()})
		return
	}
	fn(p, b)
}

func (c *checker) add(i Issue) { c.issues = append(c.issues, i) }

// isRequirements matches pip requirement files: requirements*.txt and
// *.txt inside a requirements/ directory.
func isRequirements(p string) bool {
	base := path.Base(p)
	if !strings.HasSuffix(base, ".txt") {
		return false
	}
	return strings.HasPrefix(base, "requirements") || strings.HasSuffix(base, "-requirements.txt") ||
		path.Base(path.Dir(p)) == "requirements"
}

func (c *checker) manifest(p string, content []byte) {
	m, err := manifest.Parse(p, content)
	if err != nil {
		c.problems = append(c.problems, Problem{p, err.Error()})
		return
	}
	base := path.Base(p)
	for _, d := range m.Deps {
		if msg := unpinnedSpec(base, d.Spec); msg != "" && !(base == "package.json" && isTarball(d.Spec) && c.hasLockfile(p, m.Ecosystem)) {
			c.add(Issue{Kind: KindUnpinned, Path: p, Line: d.Line, Package: d.Name, Ecosystem: m.Ecosystem,
				Message: d.Name + " " + msg})
		}
		if !d.Indirect {
			c.typosquat(p, d.Line, m.Ecosystem, d.Name)
		}
	}
	c.missingLock(p, m)
}
