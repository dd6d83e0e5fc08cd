package supplychain

import (
	"regexp"
	"strings"
)

var (
	fullCommit   = regexp.MustCompile(`^[0-9a-fA-F]{40}$`)
	commitPrefix = regexp.MustCompile(`^[0-9a-fA-F]{7,40}$`)
	npmShorthand = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(#.*)?$`)
	gemRef       = regexp.MustCompile(`(?:\bref:|:ref\s*=>)\s*["']([^"']+)["']`)
	gemGit       = regexp.MustCompile(`(?:\b(?:git|github|gitlab|bitbucket):|:(?:git|github)\s*=>)`)
	pipGitURL    = regexp.MustCompile(`git\+[a-z]+://[^\s#;]+`)
	pipArchive   = regexp.MustCompile(`https?://\S+\.(?:tar\.gz|tgz|tar\.bz2|zip|whl)\b\S*`)
)

var npmGitPrefixes = []string{"git+", "git://", "git@", "github:", "gitlab:", "bitbucket:", "gist:"}

func isTarball(spec string) bool {
	return strings.HasPrefix(spec, "http://") || strings.HasPrefix(spec, "https://")
}

// unpinnedSpec says what is wrong with a manifest dependency's source, or
// "" when it is a registry version or a pinned source.
func unpinnedSpec(manifestName, spec string) string {
	spec = strings.TrimSpace(spec)
	switch manifestName {
	case "package.json":
		return npmSpec(spec)
	case "Cargo.toml", "Pipfile":
		if rest, ok := strings.CutPrefix(spec, "git="); ok {
			return gitFields(rest)
		}
	case "Gemfile", "gems.rb":
		if gemGit.MatchString(spec) {
			if m := gemRef.FindStringSubmatch(spec); m != nil && commitPrefix.MatchString(m[1]) {
				return ""
			}
			return "is installed from git without `ref:` set to a commit, so it follows a branch or tag"
		}
	case "composer.json":
		if strings.HasPrefix(spec, "dev-") {
			if _, h, ok := strings.Cut(spec, "#"); ok && commitPrefix.MatchString(h) {
				return ""
			}
			return "requires the development branch " + `"` + spec + `"` + " rather than a release or a commit (`dev-main#<commit>`)"
		}
	case "pyproject.toml":
		return pipLine(spec)
	}
	return ""
}

func npmSpec(spec string) string {
	for _, p := range []string{"npm:", "file:", "link:", "workspace:", "portal:", "patch:", "catalog:"} {
		if strings.HasPrefix(spec, p) {
			return ""
		}
	}
	isGit := npmShorthand.MatchString(spec)
	for _, p := range npmGitPrefixes {
		if strings.HasPrefix(spec, p) {
			isGit = true
		}
	}
	if isGit {
		_, frag, ok := strings.Cut(spec, "#")
		frag = strings.TrimPrefix(frag, "commit=")
		if ok && fullCommit.MatchString(frag) {
			return ""
		}
		if ok && frag != "" {
			return `is installed from git at "` + frag + `", a branch, tag or range that can move, not a commit`
		}
		return "is installed from git's default branch, not a pinned commit"
	}
	if isTarball(spec) {
		return "is downloaded from a URL with no integrity hash and no lockfile to record one"
	}
	return ""
}

// gitFields judges "URL rev=R tag=T branch=B" (Cargo.toml, Pipfile).
func gitFields(s string) string {
	fields := strings.Fields(s)
	for _, f := range fields[min(1, len(fields)):] {
		k, v, _ := strings.Cut(f, "=")
		if (k == "rev" || k == "ref") && commitPrefix.MatchString(v) {
			return ""
		}
		if k == "tag" || k == "branch" || k == "rev" || k == "ref" {
			return `is installed from git at ` + k + ` "` + v + `", which can move; pin rev to a commit`
		}
	}
	return "is installed from git's default branch, not a pinned commit"
}

// pipLine judges one requirement (continuation lines already joined).
func pipLine(line string) string {
	if u := pipGitURL.FindString(line); u != "" {
		// git+https://host/org/repo.git@REF
		rest := u[strings.Index(u, "://")+3:]
		if at := strings.LastIndex(rest, "@"); at >= 0 && !strings.Contains(rest[at:], "/") {
			ref := rest[at+1:]
			if fullCommit.MatchString(ref) {
				return ""
			}
			return `is installed from git at "` + ref + `", a branch or tag that can move, not a commit`
		}
		return "is installed from git's default branch, not a pinned commit"
	}
	if pipArchive.MatchString(line) && !strings.Contains(line, "--hash=") && !strings.Contains(line, "#sha256=") &&
		!strings.Contains(line, "#sha384=") && !strings.Contains(line, "#sha512=") {
		return "is downloaded from a URL with no hash (add `--hash=sha256:...` or `#sha256=...`)"
	}
	return ""
}

var reqName = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[=<>!~;@ ]|$)`)
var eggName = regexp.MustCompile(`#egg=([A-Za-z0-9._-]+)`)

// requirements checks a pip requirements file line by line.
func (c *checker) requirements(p string, content []byte) {
	lines := strings.Split(string(content), "\n")
	for i := 0; i < len(lines); i++ {
		start := i
		line := strings.TrimRight(lines[i], "\r")
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, `\`) + " " + strings.TrimRight(lines[i], "\r")
		}
		code := line
		if j := strings.Index(code, " #"); j >= 0 && !strings.Contains(code[j:], "#sha") && !strings.Contains(code[j:], "#egg") {
			code = code[:j]
		}
		t := strings.TrimSpace(code)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		name := ""
		if m := reqName.FindStringSubmatch(t); m != nil && !strings.HasPrefix(t, "-") {
			name = m[1]
		} else if m := eggName.FindStringSubmatch(t); m != nil {
			name = m[1]
		}
		if msg := pipLine(t); msg != "" {
			who := name
			if who == "" {
				who = "a requirement"
			}
			c.add(Issue{Kind: KindUnpinned, Path: p, Line: start + 1, Package: name, Ecosystem: "PyPI", Message: who + " " + msg})
		}
		if name != "" && !strings.HasPrefix(t, "-") {
			c.typosquat(p, start+1, "PyPI", name)
		}
	}
}
