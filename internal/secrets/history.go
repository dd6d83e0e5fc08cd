package secrets

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/secrets/gitdiff"
	"github.com/socyber/codeaudit/internal/source"
	"github.com/socyber/codeaudit/internal/suppress"
)

// maxHistoryFindings caps the distinct secrets kept from history; beyond it
// the scan warns and stops collecting.
const maxHistoryFindings = 100_000

// maxGitStderr caps the git error output kept for a warning.
const maxGitStderr = 4096

// patchArgs are the options shared by history and staged mode: zero lines
// of context, no colour, no external diff or text conversion drivers (they
// would run programs configured by the scanned repository), paths relative
// to the scan root, deletions left out.
var patchArgs = []string{"-p", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--relative", "--diff-filter=ACMRT"}

// gitCommand builds a git command in dir with a fixed argument list (no
// shell) and settings that make its output stable whatever the user's
// configuration.
func (a *Analyzer) gitCommand(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := append([]string{"-C", dir, "-c", "core.quotePath=false", "-c", "diff.noprefix=false",
		"-c", "diff.mnemonicPrefix=false", "-c", "log.showSignature=false", "-c", "core.fsmonitor=false"}, args...)
	// codeaudit:ignore go.lang.exec-non-constant-command -- the git executable comes from the operator's own option, never from scanned content
	cmd := exec.CommandContext(ctx, a.opts.Git, full...)
	cmd.Env = append(cmd.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	return cmd
}

// isRepo reports whether dir is inside a git work tree.
func (a *Analyzer) isRepo(ctx context.Context, dir string) bool {
	out, err := a.gitCommand(ctx, dir, "rev-parse", "--is-inside-work-tree").Output()
	return err == nil && strings.TrimSpace(string(out)) == "true"
}

// streamGit runs git and hands its stdout to gitdiff.Parse.
func (a *Analyzer) streamGit(ctx context.Context, dir string, fn func(*gitdiff.Chunk) error, args ...string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := a.gitCommand(ctx, dir, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("secrets: git %s: %w", args[0], err)
	}
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("secrets: starting git: %w", err)
	}
	perr := gitdiff.Parse(ctx, stdout, fn)
	if perr != nil {
		cancel()
		_, _ = io.Copy(io.Discard, stdout)
	}
	werr := cmd.Wait()
	if perr != nil {
		return fmt.Errorf("secrets: reading git %s: %w", args[0], perr)
	}
	if werr != nil {
		return fmt.Errorf("secrets: git %s: %w: %s", args[0], werr, strings.TrimSpace(stderr.String()))
	}
	return nil
}

type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := maxGitStderr - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// histRecord is the earliest commit that added one secret to one path.
type histRecord struct {
	f   finding.Finding
	seq int
}

func histKey(hash, path string) string { return hash + "\x00" + path }

// scanHistory scans every commit reachable from any ref, then the working
// tree, and reports each secret once per path: tree findings carry the
// commit that introduced them, secrets gone from the tree are reported at
// their place in that commit with in_history_only=true.
func (a *Analyzer) scanHistory(ctx context.Context, p *analyzer.Project, out analyzer.Emitter) error {
	hist := map[string]*histRecord{}
	if _, err := exec.LookPath(a.opts.Git); err != nil {
		out.Warn("", fmt.Sprintf("git not found (%v): --git-history scanned the working tree only", err))
	} else if a.isRepo(ctx, p.Root) {
		var err error
		hist, err = a.collectHistory(ctx, p.Root, newExcludedPaths(p.Skipped), out)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			out.Warn("", fmt.Sprintf("git history only partly scanned: %v", err))
		}
	} else {
		out.Warn("", "not a git repository: --git-history scanned the working tree only")
	}
	tree, err := a.scanTree(ctx, p, out)
	if err != nil {
		return err
	}
	inTree := map[string]bool{}
	for _, f := range p.Files {
		inTree[f.Path] = true
	}
	attach := func(f *finding.Finding, r *histRecord) {
		for _, p := range []string{"commit", "author", "date"} {
			f.Properties[p] = r.f.Properties[p]
		}
		f.Properties["in_history_only"] = "false"
		f.Message += " It was committed in " + shortHash(r.f.Properties["commit"]) + " by " + r.f.Properties["author"] + " on " + r.f.Properties["date"] + "."
	}
	for i := range tree {
		k := histKey(tree[i].Properties["secret_hash"], tree[i].Location.Path)
		if r, ok := hist[k]; ok {
			attach(&tree[i], r)
			delete(hist, k)
		}
	}
	// A secret whose file was renamed or copied without the secret's line
	// changing was added under the old path: it is still in the tree, so
	// the tree finding takes the commit and no history-only finding is
	// reported for it.
	byHash := map[string]int{}
	for i := range tree {
		if _, ok := tree[i].Properties["commit"]; !ok {
			if _, seen := byHash[tree[i].Properties["secret_hash"]]; !seen {
				byHash[tree[i].Properties["secret_hash"]] = i
			}
		}
	}
	for k, r := range hist {
		if i, ok := byHash[r.f.Properties["secret_hash"]]; ok && tree[i].RuleID == r.f.RuleID {
			if _, done := tree[i].Properties["commit"]; !done {
				attach(&tree[i], r)
				tree[i].Properties["introduced_path"] = r.f.Location.Path
			}
			delete(hist, k)
		}
	}
	for _, f := range tree {
		out.Emit(f)
	}
	rest := make([]*histRecord, 0, len(hist))
	for _, r := range hist {
		rest = append(rest, r)
	}
	sortRecords(rest)
	for _, r := range rest {
		r.f.Properties["in_history_only"] = "true"
		r.f.Location.Revision = r.f.Properties["commit"]
		note := "is no longer in the file but stays in the git history, where anyone with a clone can read it; rotating it is the only fix"
		if inTree[r.f.Location.Path] {
			note = "was later removed from the file but stays in the git history, where anyone with a clone can read it; rotating it is the only fix"
		}
		r.f.Message = strings.Replace(r.f.Message, "Anyone who can read this file or its git history can use it.", "It "+note+".", 1)
		out.Emit(r.f)
	}
	return nil
}

// vendoredDirs hold third-party code; discovery skips them in the working
// tree by default, and history mode does the same for consistency.
var vendoredDirs = map[string]bool{
	"node_modules": true, "vendor": true, "third_party": true, "bower_components": true,
	".yarn": true, "Pods": true, ".venv": true, "venv": true, "site-packages": true,
}

func vendored(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if vendoredDirs[part] {
			return true
		}
	}
	return false
}

// excludedPaths holds the files and directories the operator excluded from
// discovery (--exclude, the configuration's exclude list, .codeauditignore),
// so history mode leaves out the same paths. .gitignore is not among them:
// a file committed by mistake and ignored afterwards (.env) is the commonest
// secret in history.
type excludedPaths struct {
	files map[string]bool
	dirs  []string // with a trailing slash
}

func newExcludedPaths(skipped []source.Skipped) *excludedPaths {
	x := &excludedPaths{files: map[string]bool{}}
	for _, s := range skipped {
		if !s.Excluded {
			continue
		}
		if s.Dir {
			x.dirs = append(x.dirs, strings.TrimSuffix(s.Path, "/")+"/")
		} else {
			x.files[s.Path] = true
		}
	}
	return x
}

func (x *excludedPaths) match(p string) bool {
	if x == nil {
		return false
	}
	if x.files[p] {
		return true
	}
	for _, d := range x.dirs {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}

func shortHash(h string) string { return h[:min(len(h), 12)] }

// earlier reports whether a commit (author date, stream position) came
// before another: by author date, which cherry-picks and rebases keep, and
// by stream position (later in `git log` output is older) on ties or
// unreadable dates.
func earlier(dateA string, seqA int, dateB string, seqB int) bool {
	ta, errA := time.Parse(time.RFC3339, dateA)
	tb, errB := time.Parse(time.RFC3339, dateB)
	if errA == nil && errB == nil && !ta.Equal(tb) {
		return ta.Before(tb)
	}
	return seqA > seqB
}

// collectHistory streams `git log --all -p` through a pool of scanners and
// keeps, per secret and path, the finding of the earliest commit.
func (a *Analyzer) collectHistory(ctx context.Context, root string, excl *excludedPaths, out analyzer.Emitter) (map[string]*histRecord, error) {
	args := append([]string{"log", "--all", "-M", gitdiff.Format}, patchArgs...)
	if a.opts.MaxCommits > 0 {
		args = append(args, "--max-count="+strconv.Itoa(a.opts.MaxCommits))
	}
	var (
		mu      sync.Mutex
		hist    = map[string]*histRecord{}
		capped  bool
		workers = max(1, runtime.GOMAXPROCS(0))
	)
	chunks := make(chan *gitdiff.Chunk, workers*2)
	g, gctx := errgroup.WithContext(ctx)
	for range workers {
		g.Go(func() error {
			for c := range chunks {
				fs, err := a.scanChunk(gctx, c)
				if err != nil {
					return err
				}
				mu.Lock()
				for _, f := range fs {
					k := histKey(f.Properties["secret_hash"], f.Location.Path)
					if r, ok := hist[k]; ok {
						if earlier(f.Properties["date"], c.Seq, r.f.Properties["date"], r.seq) {
							r.f, r.seq = f, c.Seq
						}
						continue
					}
					if len(hist) >= maxHistoryFindings {
						capped = true
						continue
					}
					hist[k] = &histRecord{f: f, seq: c.Seq}
				}
				mu.Unlock()
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(chunks)
		return a.streamGit(gctx, root, func(c *gitdiff.Chunk) error {
			if skipFile(c.Path) || vendored(c.Path) || excl.match(c.Path) {
				return nil
			}
			cp := &gitdiff.Chunk{Commit: c.Commit, Seq: c.Seq, Path: c.Path, Text: bytes.Clone(c.Text), Lines: append([]int(nil), c.Lines...)}
			select {
			case chunks <- cp:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		}, args...)
	})
	err := g.Wait()
	if capped {
		out.Warn("", fmt.Sprintf("more than %d distinct secrets in git history; the rest were not reported", maxHistoryFindings))
	}
	return hist, err
}

// scanChunk scans the added lines of one file in one commit (or in the
// index) and returns findings placed at their line in that version.
func (a *Analyzer) scanChunk(ctx context.Context, c *gitdiff.Chunk) ([]finding.Finding, error) {
	ms, err := a.sc.Scan(ctx, c.Path, c.Text)
	if errors.Is(err, ErrPartial) {
		err = nil // keep what was found; history chunks are bounded anyway
	}
	if err != nil || len(ms) == 0 {
		return nil, err
	}
	x := newTextIndex(c.Text)
	inl := suppress.ParseInline(c.Path, c.Text)
	out := make([]finding.Finding, 0, len(ms))
	for i := range ms {
		f := newFinding(c.Path, x, &ms[i], ms)
		// Map chunk lines to the lines of the file version.
		sl, el := f.Location.StartLine, f.Location.EndLine
		f.Location.StartLine, f.Location.EndLine = c.Lines[sl-1], c.Lines[el-1]
		var lines []string
		for n := sl; n <= el && len(lines) < 2*finding.SnippetContext+8; n++ {
			lines = append(lines, x.redactedLine(n, &ms[i], ms))
		}
		f.Snippet = &finding.Snippet{StartLine: f.Location.StartLine, Lines: lines}
		if c.Commit != nil {
			f.Properties["commit"] = c.Commit.Hash
			f.Properties["author"] = c.Commit.Author + " <" + c.Commit.Email + ">"
			f.Properties["date"] = c.Commit.Date
			f.Message = strings.Replace(f.Message, " is hard-coded here", " was committed in "+shortHash(c.Commit.Hash)+" by "+c.Commit.Author+" on "+c.Commit.Date, 1)
		}
		if sup := inlineIgnore(inl, &f, sl, c.Lines); sup != nil {
			sup.Source = c.Path + ":" + strconv.Itoa(f.Location.StartLine)
			if c.Commit != nil {
				sup.Source += "@" + shortHash(c.Commit.Hash)
			}
			f.Suppression = sup
		}
		out = append(out, f)
	}
	return out, nil
}

// inlineIgnore applies `codeaudit:ignore RULE-ID -- reason` comments (see
// package suppress) to findings the engine cannot check itself: those of
// history and staged mode, whose lines are not the working tree's. A
// comment on its own line covers the next line only when that line follows
// it in the file, not just in the chunk of added lines.
func inlineIgnore(inl *suppress.Inline, f *finding.Finding, chunkLine int, lines []int) *finding.Suppression {
	if inl == nil {
		return nil
	}
	probe := *f
	probe.Location.StartLine = chunkLine
	sup := inl.Match(&probe)
	if sup == nil {
		return nil
	}
	if strings.HasSuffix(sup.Source, ":"+strconv.Itoa(chunkLine-1)) && (chunkLine < 2 || lines[chunkLine-2] != lines[chunkLine-1]-1) {
		return nil
	}
	return sup
}

// scanStaged reports the secrets on lines added in the index.
func (a *Analyzer) scanStaged(ctx context.Context, p *analyzer.Project, out analyzer.Emitter) error {
	if _, err := exec.LookPath(a.opts.Git); err != nil {
		return fmt.Errorf("secrets: --staged needs git: %w", err)
	}
	if !a.isRepo(ctx, p.Root) {
		out.Warn("", "not a git repository: --staged has nothing to scan")
		return nil
	}
	args := append([]string{"diff", "--cached"}, patchArgs...)
	excl := newExcludedPaths(p.Skipped)
	return a.streamGit(ctx, p.Root, func(c *gitdiff.Chunk) error {
		if skipFile(c.Path) || vendored(c.Path) || excl.match(c.Path) {
			return nil
		}
		fs, err := a.scanChunk(ctx, c)
		if err != nil {
			return err
		}
		for _, f := range fs {
			out.Emit(f)
		}
		return nil
	}, args...)
}

// StagedFiles lists the files added, copied, modified or renamed in the
// index, relative to dir, so a caller can restrict discovery to them. A
// directory outside any git work tree has nothing staged: no files and no
// error (the analyzer then warns that --staged had nothing to scan).
func StagedFiles(ctx context.Context, dir string) ([]string, error) {
	a := New(Options{})
	if _, err := exec.LookPath(a.opts.Git); err != nil {
		return nil, fmt.Errorf("secrets: --staged needs git: %w", err)
	}
	if !a.isRepo(ctx, dir) {
		return nil, nil
	}
	cmd := a.gitCommand(ctx, dir, "diff", "--cached", "--name-only", "-z", "--relative", "--diff-filter=ACMRT")
	outb, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("secrets: git diff --cached: %w: %s", err, strings.TrimSpace(string(ee.Stderr)))
		}
		return nil, fmt.Errorf("secrets: git diff --cached: %w", err)
	}
	var files []string
	for _, f := range strings.Split(string(outb), "\x00") {
		if f != "" {
			files = append(files, f)
		}
	}
	return files, nil
}

// scanTree scans the inventory's files with a bounded pool (history mode,
// where the file phase is skipped).
func (a *Analyzer) scanTree(ctx context.Context, p *analyzer.Project, out analyzer.Emitter) ([]finding.Finding, error) {
	var (
		mu  sync.Mutex
		all []finding.Finding
	)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(1, runtime.GOMAXPROCS(0)))
	for _, f := range p.Files {
		if f.Binary || skipFile(f.Path) || p.ReadFile == nil {
			continue
		}
		g.Go(func() error {
			content, err := p.ReadFile(f.Path)
			if err != nil {
				out.Warn(f.Path, fmt.Sprintf("secrets: reading file: %v", err))
				return nil
			}
			fs, err := a.ScanText(gctx, f.Path, content)
			if err != nil {
				if gctx.Err() != nil {
					return gctx.Err()
				}
				out.Warn(f.Path, err.Error())
			}
			// The engine reads only the files some analyzer wants, and in
			// history mode this one wants none: apply the file's inline
			// ignores here, as the file phase would have.
			if inl := suppress.ParseInline(f.Path, content); inl != nil {
				for i := range fs {
					if fs[i].Suppression == nil {
						fs[i].Suppression = inl.Match(&fs[i])
					}
				}
			}
			mu.Lock()
			all = append(all, fs...)
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	sortFindings(all)
	return all, nil
}
