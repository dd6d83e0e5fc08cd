package manifest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		path, content string
		want          []Dep
	}{
		{"package.json", "{\n \"name\": \"x\",\n \"dependencies\": {\n  \"a\": \"^1\",\n  \"b\": \"git+https://h/b.git\"\n },\n \"devDependencies\": {\"c\": \"2\"}\n}", []Dep{
			{Name: "a", Spec: "^1", Group: "dependencies", Line: 4},
			{Name: "b", Spec: "git+https://h/b.git", Group: "dependencies", Line: 5},
			{Name: "c", Spec: "2", Group: "devDependencies", Line: 7},
		}},
		{"Cargo.toml", "[package]\nname = \"x\"\n\n[dependencies]\nserde = \"1\"\nfoo = { git = \"https://h/foo\", branch = \"dev\" }\n", []Dep{
			{Name: "serde", Spec: "1", Group: "dependencies", Line: 5},
			{Name: "foo", Spec: "git=https://h/foo branch=dev", Group: "dependencies", Line: 6},
		}},
		{"pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\n  \"requests>=2\",\n  \"Flask[async]==3.0\",\n]\n", []Dep{
			{Name: "requests", Spec: ">=2", Group: "dependencies", Line: 4},
			{Name: "Flask", Spec: "[async]==3.0", Group: "dependencies", Line: 5},
		}},
		{"Gemfile", "source \"https://rubygems.org\"\ngem 'rails', '7.1' # web\ngem \"x\", git: \"https://h/x\"\n", []Dep{
			{Name: "rails", Spec: "'7.1'", Group: "gems", Line: 2},
			{Name: "x", Spec: `git: "https://h/x"`, Group: "gems", Line: 3},
		}},
		{"go.mod", "module m\n\nrequire (\n\ta.b/c v1.0.0\n\td.e/f v0.1.0 // indirect\n)\n", []Dep{
			{Name: "a.b/c", Spec: "v1.0.0", Group: "require", Line: 4},
			{Name: "d.e/f", Spec: "v0.1.0", Group: "require", Line: 5, Indirect: true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			m, err := Parse(tt.path, []byte(tt.content))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, m.Deps); diff != "" {
				t.Errorf("deps (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("package.json", `{"dependencies":{"a":"1"},"scripts":{"postinstall":"x"}}`)
	f.Add("Cargo.toml", "[dependencies]\na = { git = \"u\" }\n")
	f.Add("pyproject.toml", "[project]\ndependencies=[\"a\"]\n")
	f.Add("Pipfile", "[packages]\na = \"*\"\n")
	f.Add("go.mod", "module m\nrequire a v1\n")
	f.Add("Gemfile", "gem 'a'\n")
	f.Fuzz(func(t *testing.T, name, content string) {
		for _, p := range []string{"package.json", "composer.json", "Cargo.toml", "pyproject.toml", "Pipfile", "Gemfile", "go.mod"} {
			Parse(p, []byte(content))
		}
	})
}
