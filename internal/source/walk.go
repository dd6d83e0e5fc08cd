package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Bounds on the tree itself.
const (
	// maxDepth is the deepest directory nesting walked; deeper directories
	// are skipped with SkipError. Symbolic links are never followed, so
	// only a real (and absurd) tree gets there.
	maxDepth = 256
	// maxDirEntries is how many entries of one directory are considered;
	// the rest are dropped with a SkipError entry for the directory.
	maxDirEntries = 1 << 20
)

// Walk discovers the files under opts.Root in one pass and returns them
// sorted by Path, with everything it left out in Skipped (sorted by Path).
//
// Root is made absolute and its symbolic links are resolved (the root itself
// is the one link ever followed). When Root is a single file, Inventory.Root
// is its directory and the file's Path is its base name; ignore files are not
// read then, but Exclude and the content checks apply. A missing root is an
// error wrapping os.ErrNotExist; any problem below the root (unreadable
// files and directories, special files, links) is a Skipped entry, never an
// error. Walk returns ctx's error when ctx is cancelled.
func Walk(ctx context.Context, opts Options) (*Inventory, error) {
	root := opts.Root
	if root == "" {
		root = "."
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("scan root %q: %w", root, err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("scan root %q: %w", root, err)
	}
	info, err := os.Lstat(real)
	if err != nil {
		return nil, fmt.Errorf("scan root %q: %w", root, err)
	}

	rootDir := real
	if !info.IsDir() {
		rootDir = filepath.Dir(real)
	}
	w := &walker{
		ctx:  ctx,
		opts: &opts,
		inv:  &Inventory{Root: rootDir},
		head: make([]byte, HeadSize),
	}
	for _, p := range opts.Exclude {
		if r, ok := newIgnoreRule(normalizeExclude(p, rootDir), 0, "--exclude"); ok {
			r.layer = layerOption
			w.ign.layers[layerOption] = append(w.ign.layers[layerOption], r)
		}
	}

	if info.IsDir() {
		if !opts.NoIgnoreFiles {
			if _, err := os.Lstat(filepath.Join(real, ".git")); err == nil {
				w.loadIgnore(filepath.Join(real, ".git", "info", "exclude"), ".git/info/exclude", 0, layerGit)
			} else {
				w.loadAncestorIgnores(real)
			}
		}
		w.walkDir(real, "")
	} else {
		name := filepath.Base(real)
		w.comps = append(w.comps, name)
		w.visit(rootDir, name, name, info.Mode().Type(), nil)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("walk %s: %w", real, err)
	}
	slices.SortFunc(w.inv.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	slices.SortStableFunc(w.inv.Skipped, func(a, b Skipped) int { return strings.Compare(a.Path, b.Path) })
	return w.inv, nil
}

// normalizeExclude accepts the ways people write a path on a command line:
// "./testdata" and "/abs/root/testdata" both mean the root's testdata, which
// in gitignore syntax is "/testdata".
func normalizeExclude(p, root string) string {
	neg := ""
	if strings.HasPrefix(p, "!") {
		neg, p = "!", p[1:]
	}
	if rest, ok := strings.CutPrefix(p, "./"); ok {
		return neg + "/" + rest
	}
	if rootSlash := filepath.ToSlash(root) + "/"; len(p) > len(rootSlash) && strings.HasPrefix(p, rootSlash) {
		return neg + "/" + p[len(rootSlash):]
	}
	return neg + p
}

// CheckPattern reports whether an exclude pattern is well formed. Walk
// accepts any pattern (a malformed one simply never matches); the CLI can
// call this to reject a mistyped --exclude.
func CheckPattern(p string) error {
	body := strings.TrimSuffix(strings.TrimPrefix(p, "!"), "/")
	for _, part := range strings.Split(body, "/") {
		if _, err := path.Match(part, ""); err != nil {
			return fmt.Errorf("exclude pattern %q: %w", p, err)
		}
	}
	return nil
}

// SizeLimit returns the size cap in bytes for a file with the given name
// (or path): MaxFileSize with its default applied, raised to at least 64 MiB
// for lockfiles, manifests and SBOMs, which dependency analysis needs
// whatever their size. Negative means no cap. Readers of inventory files
// should use the same limit.
func (o *Options) SizeLimit(name string) int64 {
	limit := o.MaxFileSize
	switch {
	case limit == 0:
		limit = DefaultMaxFileSize
	case limit < 0:
		return -1
	}
	if isDependencyFile(path.Base(strings.ReplaceAll(name, "\\", "/"))) {
		limit = max(limit, lockfileMinCap)
	}
	return limit
}

// walker is the state of one Walk. It is used by one goroutine.
type walker struct {
	ctx   context.Context
	opts  *Options
	inv   *Inventory
	ign   ignoreSet
	comps []string // path components of the entry being visited
	head  []byte   // HeadSize scratch buffer
}

// walkDir walks the directory absDir, whose relative path is rel ("" for
// the root); w.comps holds rel's components.
func (w *walker) walkDir(absDir, rel string) {
	entries, err := readDir(absDir)
	if err != nil && len(entries) == 0 {
		w.skip(relOrDot(rel), SkipError, err.Error(), true)
		return
	}
	if err != nil {
		w.skip(relOrDot(rel), SkipError, "listing incomplete: "+err.Error(), true)
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })

	if rel != "" {
		if reason, detail := w.classifyDirContent(absDir, entries); reason != "" {
			w.skip(rel, reason, detail, true)
			return
		}
	}

	var saved [layerCount]int
	for l := range saved {
		saved[l] = len(w.ign.layers[l])
	}
	defer func() {
		for l, n := range saved {
			w.ign.layers[l] = w.ign.layers[l][:n]
		}
	}()
	if !w.opts.NoIgnoreFiles {
		for _, e := range entries {
			var layer ignoreLayer
			switch e.Name() {
			case gitignoreName:
				layer = layerGit
			case codeauditIgnore:
				layer = layerCodeaudit
			default:
				continue
			}
			if e.Type().IsRegular() {
				w.loadIgnore(absDir+string(filepath.Separator)+e.Name(), joinRel(rel, e.Name()), len(w.comps), layer)
			}
		}
	}

	for _, e := range entries {
		if w.ctx.Err() != nil {
			return
		}
		name := e.Name()
		w.comps = append(w.comps, name)
		w.visit(absDir, name, joinRel(rel, name), e.Type(), entries)
		w.comps = w.comps[:len(w.comps)-1]
	}
}

// visit handles one directory entry. siblings are the entries of its
// directory (nil for a single-file root).
func (w *walker) visit(absDir, name, rel string, typ fs.FileMode, siblings []fs.DirEntry) {
	abs := absDir + string(filepath.Separator) + name
	if vcsDirs[name] {
		w.debug(rel, "vcs", "version-control metadata")
		return
	}
	isDir := typ.IsDir()
	if r, ignored := w.ign.match(w.comps, isDir); ignored {
		w.skipIgnored(rel, r, isDir)
		return
	}
	switch {
	case typ&fs.ModeSymlink != 0:
		detail := "symbolic link, not followed"
		if target, err := os.Readlink(abs); err == nil {
			detail += " (-> " + target + ")"
		}
		w.skip(rel, SkipSymlink, detail, false)
	case isDir:
		if !w.opts.IncludeVendored && vendoredDirs[name] {
			w.skip(rel, SkipVendored, "vendored directory "+name, true)
			return
		}
		if !w.opts.IncludeGenerated {
			if detail := generatedDir(name, siblings); detail != "" {
				w.skip(rel, SkipGenerated, detail, true)
				return
			}
		}
		if len(w.comps) > maxDepth {
			w.skip(rel, SkipError, fmt.Sprintf("nested deeper than %d directories", maxDepth), true)
			return
		}
		w.walkDir(abs, rel)
	case typ.IsRegular():
		w.visitFile(abs, name, rel)
	default:
		w.skip(rel, SkipSpecial, "special file ("+typ.String()+")", false)
	}
}

// visitFile classifies a regular file by name, size and head.
func (w *walker) visitFile(abs, name, rel string) {
	opts := w.opts
	lower := strings.ToLower(name)
	dep := isDependencyFile(name)
	checkGenerated := !opts.IncludeGenerated && !dep && !isPipelineFile(rel)
	keepBinary := func() bool {
		return opts.IncludeBinary || w.claim(opts.KeepBinary, "KeepBinary", rel)
	}

	binary := false
	if ext := path.Ext(lower); binaryExtensions[ext] && !dep {
		if !keepBinary() {
			w.skip(rel, SkipBinary, "binary file type "+ext, false)
			return
		}
		binary = true
	}
	if !opts.IncludeMinified && !dep {
		if s, ok := matchSuffix(lower, minifiedSuffixes); ok {
			w.skip(rel, SkipMinified, "name ends in "+s, false)
			return
		}
	}
	if checkGenerated {
		if s, ok := matchSuffix(lower, generatedSuffixes); ok {
			w.skip(rel, SkipGenerated, "name ends in "+s, false)
			return
		}
	}

	f, err := openRegular(abs)
	if err != nil {
		w.skip(rel, SkipError, err.Error(), false)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		w.skip(rel, SkipError, err.Error(), false)
		return
	}
	if !st.Mode().IsRegular() { // replaced since it was listed
		w.skip(rel, SkipSpecial, "special file ("+st.Mode().Type().String()+")", false)
		return
	}
	size := st.Size()
	if limit := w.opts.SizeLimit(name); limit >= 0 && size > limit && !w.claim(w.opts.KeepLarge, "KeepLarge", rel) {
		w.skip(rel, SkipOversize, fmt.Sprintf("%d bytes, over the %d-byte limit", size, limit), false)
		return
	}
	n, err := io.ReadFull(f, w.head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		w.skip(rel, SkipError, err.Error(), false)
		return
	}
	head := w.head[:n]
	if !binary && !IsText(head) {
		if !keepBinary() {
			w.skip(rel, SkipBinary, fmt.Sprintf("NUL byte in the first %d bytes", HeadSize), false)
			return
		}
		binary = true
	}
	lang := DetectLanguage(rel, head)
	if !binary {
		if checkGenerated {
			if m := generatedMarker(head); m != "" {
				w.skip(rel, SkipGenerated, "generated-code marker "+m, false)
				return
			}
		}
		if !opts.IncludeMinified && !dep && minifiable(lang) {
			if l := minifiedLine(head); l > 0 {
				w.skip(rel, SkipMinified, fmt.Sprintf("line of %d bytes in the first %d bytes", l, HeadSize), false)
				return
			}
		}
	}
	w.inv.Files = append(w.inv.Files, File{Path: rel, Abs: abs, Size: size, Language: lang, Binary: binary})
}

// claim asks Options.KeepBinary or KeepLarge, which run analyzers' code:
// a panic there counts as "no" and is logged, and never ends the walk.
func (w *walker) claim(fn func(string) bool, name, rel string) (keep bool) {
	if fn == nil {
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			w.warn(rel, fmt.Sprintf("%s panicked: %v", name, r))
			keep = false
		}
	}()
	return fn(rel)
}

// classifyDirContent recognises a directory by marker files inside it: a
// Python virtual environment (pyvenv.cfg) or a cache directory
// (CACHEDIR.TAG, as Cargo's target/ and many tools' caches carry).
func (w *walker) classifyDirContent(absDir string, entries []fs.DirEntry) (SkipReason, string) {
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		switch e.Name() {
		case virtualenvFile:
			if !w.opts.IncludeVendored {
				return SkipVendored, "Python virtual environment (" + virtualenvFile + ")"
			}
		case cacheDirTag:
			if !w.opts.IncludeGenerated && hasCacheDirSignature(absDir+string(filepath.Separator)+cacheDirTag) {
				return SkipGenerated, "cache directory (" + cacheDirTag + ")"
			}
		}
	}
	return "", ""
}

// generatedDir returns why a directory named name, next to siblings, holds
// build output, or "".
func generatedDir(name string, siblings []fs.DirEntry) string {
	if frameworkOutputDirs[name] {
		return "framework build output " + name
	}
	for _, owner := range buildOutputOwners[name] {
		for _, s := range siblings {
			if s.Name() == owner && s.Type().IsRegular() {
				return "build output next to " + owner
			}
		}
	}
	return ""
}

func hasCacheDirSignature(p string) bool {
	f, err := openRegular(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, len(cacheDirTagSig))
	_, err = io.ReadFull(f, buf)
	return err == nil && string(buf) == cacheDirTagSig
}

// loadIgnore reads one ignore file into layer, scoped to depth.
func (w *walker) loadIgnore(abs, rel string, depth int, layer ignoreLayer) {
	f, err := openRegular(abs)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.warn(rel, "ignore file not read: "+err.Error())
		}
		return
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return
	}
	content, err := io.ReadAll(io.LimitReader(f, maxIgnoreFileSize+1))
	if err != nil {
		w.warn(rel, "ignore file not read: "+err.Error())
		return
	}
	rules, truncated := parseIgnore(content, depth, rel)
	if truncated {
		w.warn(rel, fmt.Sprintf("ignore file truncated (limits: %d bytes, %d patterns)", maxIgnoreFileSize, maxIgnorePatterns))
	}
	for i := range rules {
		rules[i].layer = layer
	}
	w.ign.layers[layer] = append(w.ign.layers[layer], rules...)
}

// readDir lists up to maxDirEntries entries of dir, unsorted.
func readDir(dir string) ([]fs.DirEntry, error) {
	f, err := openDir(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(maxDirEntries + 1)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	if len(entries) > maxDirEntries {
		entries = entries[:maxDirEntries]
		err = fmt.Errorf("more than %d entries", maxDirEntries)
	}
	return entries, err
}

func (w *walker) skip(rel string, reason SkipReason, detail string, dir bool) {
	w.inv.Skipped = append(w.inv.Skipped, Skipped{Path: rel, Reason: reason, Detail: detail, Dir: dir})
	w.debug(rel, string(reason), detail)
}

// skipIgnored records an entry an ignore rule left out, and whether the
// rule is the operator's (an exclude pattern or .codeauditignore) rather
// than git's.
func (w *walker) skipIgnored(rel string, r *ignoreRule, dir bool) {
	detail := r.source + ": " + r.text
	w.inv.Skipped = append(w.inv.Skipped, Skipped{Path: rel, Reason: SkipIgnored, Detail: detail, Dir: dir, Excluded: r.layer != layerGit})
	w.debug(rel, string(SkipIgnored), detail)
}

func (w *walker) debug(rel, reason, detail string) {
	if w.opts.Logger != nil {
		w.opts.Logger.LogAttrs(w.ctx, slog.LevelDebug, "skipped",
			slog.String("path", rel), slog.String("reason", reason), slog.String("detail", detail))
	}
}

func (w *walker) warn(rel, msg string) {
	if w.opts.Logger != nil {
		w.opts.Logger.LogAttrs(w.ctx, slog.LevelWarn, msg, slog.String("path", rel))
	}
}

func joinRel(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

func relOrDot(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}
