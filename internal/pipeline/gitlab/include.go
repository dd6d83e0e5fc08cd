package gitlab

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
)

// nullEmitter drops everything; it is used to read the includes of files
// that are audited on their own elsewhere.
type nullEmitter struct{}

func (nullEmitter) Emit(finding.Finding) {}
func (nullEmitter) Warn(_, _ string)     {}

// AuditIncludes follows include: local: from the root pipeline files
// (already audited on their own) through the project's files and audits
// every included file that skip does not claim, each once. Nesting is
// bounded by MaxIncludeDepth and the number of files by MaxIncludes.
// read returns a file's content by its repository-relative path.
func (a *Auditor) AuditIncludes(ctx context.Context, roots, files []string, read func(string) ([]byte, error), skip func(string) bool, out analyzer.Emitter) error {
	type item struct {
		path  string
		depth int
	}
	seen := map[string]bool{}
	var queue []item
	for _, r := range roots {
		seen[r] = true
		queue = append(queue, item{r, 0})
	}
	audited := 0
	for len(queue) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		it := queue[0]
		queue = queue[1:]
		content, err := read(it.path)
		if err != nil {
			out.Warn(it.path, fmt.Sprintf("cannot read included pipeline file: %v", err))
			continue
		}
		var em analyzer.Emitter = out
		if it.depth == 0 || skip(it.path) {
			em = nullEmitter{}
		}
		incs, err := a.Audit(ctx, it.path, content, em)
		if err != nil && em == out {
			out.Warn(it.path, err.Error())
		}
		if it.depth >= MaxIncludeDepth {
			if len(incs) > 0 {
				out.Warn(it.path, fmt.Sprintf("includes nested deeper than %d levels were not followed", MaxIncludeDepth))
			}
			continue
		}
		for _, inc := range incs {
			for _, f := range matchInclude(inc, files) {
				if seen[f] {
					continue
				}
				seen[f] = true
				if audited++; audited > MaxIncludes {
					out.Warn(it.path, fmt.Sprintf("more than %d included files; the rest were not audited", MaxIncludes))
					return nil
				}
				queue = append(queue, item{f, it.depth + 1})
			}
		}
	}
	return nil
}

// matchInclude resolves a local include (absolute from the repository
// root, wildcards * and ** allowed) against the project's files.
func matchInclude(pattern string, files []string) []string {
	p := strings.TrimPrefix(strings.TrimSpace(pattern), "/")
	if p == "" || strings.Contains(p, "$") || strings.Contains(p, "..") {
		return nil
	}
	if !strings.ContainsAny(p, "*?[") {
		for _, f := range files {
			if f == p {
				return []string{f}
			}
		}
		return nil
	}
	var out []string
	for _, f := range files {
		if globMatch(p, f) {
			out = append(out, f)
		}
	}
	return out
}

// globMatch matches GitLab include globs: path.Match per segment, with **
// spanning directories.
func globMatch(pattern, name string) bool {
	if i := strings.Index(pattern, "**"); i >= 0 {
		prefix, suffix := pattern[:i], pattern[i+2:]
		if strings.HasPrefix(suffix, "/") {
			suffix = suffix[1:]
		} else {
			suffix = "*" + suffix // dir/**.yml: any file below dir ending in .yml
		}
		if !strings.HasPrefix(name, prefix) {
			return false
		}
		rest := name[len(prefix):]
		for {
			if ok, _ := path.Match(suffix, rest); ok {
				return true
			}
			j := strings.IndexByte(rest, '/')
			if j < 0 {
				return false
			}
			rest = rest[j+1:]
		}
	}
	ok, _ := path.Match(pattern, name)
	return ok
}
