package source

import (
	"os"
	"path/filepath"
)

// maxAncestors bounds the climb from the scan root to its repository root.
const maxAncestors = 64

// repoRoot returns the nearest directory above root (root excluded) that
// holds a .git entry, and root's path components below it; ok is false when
// root is not inside a git work tree (or is its top).
func repoRoot(root string) (repo string, prefix []string, ok bool) {
	dir := root
	for range maxAncestors {
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, false
		}
		prefix = append([]string{filepath.Base(dir)}, prefix...)
		dir = parent
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir, prefix, true
		}
	}
	return "", nil, false
}

// loadAncestorIgnores makes a scan of a directory inside a git work tree see
// what git sees there: the repository's .git/info/exclude and the ignore
// files of the directories from the repository root down to the scan root's
// parent. Paths are then matched with root's components (relative to the
// repository root) in front. If those rules ignore the scan root itself the
// user has asked for an ignored directory explicitly: the rules are dropped
// and the root is scanned as a tree of its own.
func (w *walker) loadAncestorIgnores(root string) {
	repo, prefix, ok := repoRoot(root)
	if !ok {
		return
	}
	var saved [layerCount]int
	for l := range saved {
		saved[l] = len(w.ign.layers[l])
	}
	w.loadIgnore(filepath.Join(repo, ".git", "info", "exclude"), filepath.Join(repo, ".git", "info", "exclude"), 0, layerGit)
	dir := repo
	for depth := 0; depth < len(prefix); depth++ {
		for _, f := range []struct {
			name  string
			layer ignoreLayer
		}{{gitignoreName, layerGit}, {codeauditIgnore, layerCodeaudit}} {
			p := filepath.Join(dir, f.name)
			w.loadIgnore(p, p, depth, f.layer)
		}
		dir = filepath.Join(dir, prefix[depth])
	}
	for n := 1; n <= len(prefix); n++ {
		if r, ignored := w.ign.match(prefix[:n], true); ignored {
			w.debug(".", "ignored-root", "scan root is ignored by "+r.source+": "+r.text+"; ignore files above it are not applied")
			for l, n := range saved {
				w.ign.layers[l] = w.ign.layers[l][:n]
			}
			return
		}
	}
	// The option layer was parsed relative to the scan root.
	for i := range w.ign.layers[layerOption] {
		w.ign.layers[layerOption][i].depth = len(prefix)
	}
	w.comps = append(w.comps, prefix...)
}
