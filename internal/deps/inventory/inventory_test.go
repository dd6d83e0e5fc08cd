package inventory

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

// walk lists the files under dir the way the engine would hand them over.
func walk(t testing.TB, dir string) []source.File {
	t.Helper()
	var files []source.File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		st, err := d.Info()
		if err != nil {
			return err
		}
		files = append(files, source.File{Path: filepath.ToSlash(rel), Abs: p, Size: st.Size()})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func reader(root string) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) { return os.ReadFile(filepath.Join(root, filepath.FromSlash(p))) }
}

func TestExtractProjects(t *testing.T) {
	root, _ := filepath.Abs("../testdata/projects")
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	inv, problems := x.Extract(context.Background(), root, walk(t, root), reader(root))
	for _, p := range problems {
		t.Errorf("problem: %s: %s", p.Path, p.Message)
	}
	var b strings.Builder
	for _, p := range inv.Packages {
		fmt.Fprintf(&b, "%s:%d\t%s\t%s\t%s\t%s\t%s\tlocked=%v\trequires=%v\n", p.Path, p.Line, p.Ecosystem, p.Name, p.Version, p.Relation, p.PURL, p.Locked, p.Requires)
	}
	golden := filepath.Join("testdata", "projects.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("inventory (-want +got):\n%s", diff)
	}
}

func FuzzExtractFile(f *testing.F) {
	for _, p := range []string{"go.mod", "package-lock.json", "yarn.lock", "requirements.txt", "Cargo.lock", "poetry.lock", "composer.lock", "Gemfile.lock", "pom.xml", "pyproject.toml", "Pipfile"} {
		f.Add(p, "")
	}
	f.Add("Cargo.lock", "[[package]]\nname = \"smallvec\"\nversion = \"1.6.0\"\n")
	f.Add("package-lock.json", `{"lockfileVersion":3,"packages":{"node_modules/a":{"version":"1.0.0"}}}`)
	f.Add("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"requests[socks]==2.19.1 ; python_version > '3'\"]\n")
	f.Add("Pipfile", "[packages]\ndjango = \"==3.2.0\"\n")
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name, content string) {
		if strings.ContainsAny(name, "/\\") || name == "" {
			return
		}
		sf := source.File{Path: name, Size: int64(len(content))}
		x.ExtractFile(context.Background(), &sf, []byte(content))
	})
}

func TestPinnedVersion(t *testing.T) {
	tests := []struct {
		spec   string
		poetry bool
		want   string
	}{
		{"==2.19.1", false, "2.19.1"},
		{"===2.19.1", false, "2.19.1"},
		{" == 2.19.1 ", false, "2.19.1"},
		{"[async]==3.0", false, "3.0"},
		{"==2.10 ; python_version >= '3.8'", false, "2.10"},
		{"(==1.0.post1)", false, "1.0.post1"},
		{">=2.0", false, ""},
		{"==2.*", false, ""},
		{"==1.0,!=1.0.1", false, ""},
		{"~=8.0", false, ""},
		{"2.19.1", false, ""}, // not a PEP 508 pin
		{"2.19.1", true, "2.19.1"},
		{"^2.19", true, ""},
		{"*", true, ""},
		{"", true, ""},
	}
	for _, tt := range tests {
		if got := pinnedVersion(tt.spec, tt.poetry); got != tt.want {
			t.Errorf("pinnedVersion(%q, %v) = %q, want %q", tt.spec, tt.poetry, got, tt.want)
		}
	}
}

func TestPinnedPoetryAndPipfile(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"a/pyproject.toml": "[tool.poetry.dependencies]\npython = \"^3.9\"\nrequests = \"2.19.1\"\nflask = \"^2\"\n",
		"b/Pipfile":        "[packages]\ndjango = \"==3.2.0\"\nsqlparse = \"*\"\n",
		"c/pyproject.toml": "[project]\nname = \"c\"\ndependencies = [\"requests==2.19.1\"]\n",
		"c/poetry.lock":    "",
	}
	for p, c := range files {
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	inv, _ := x.Extract(context.Background(), root, walk(t, root), reader(root))
	var got []string
	for _, p := range inv.Packages {
		got = append(got, fmt.Sprintf("%s:%d %s %s %s locked=%v", p.Path, p.Line, p.Name, p.Version, p.Relation, p.Locked))
	}
	want := []string{
		"a/pyproject.toml:3 requests 2.19.1 direct locked=false",
		"b/Pipfile:2 django 3.2.0 direct locked=false",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
}
