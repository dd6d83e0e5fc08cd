package supplychain

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/source"
)

func check(files map[string]string) []string {
	var list []source.File
	for p, c := range files {
		list = append(list, source.File{Path: p, Size: int64(len(c))})
	}
	issues, problems := Check(context.Background(), list, func(p string) ([]byte, error) { return []byte(files[p]), nil })
	var out []string
	for _, i := range issues {
		out = append(out, fmt.Sprintf("%s %s:%d %s", i.Kind, i.Path, i.Line, i.Package))
	}
	for _, p := range problems {
		out = append(out, "problem "+p.Path+": "+p.Message)
	}
	return out
}

const pkgJSON = `{
  "name": "app",
  "dependencies": {
    "lodash": "^4.17.21",
    "mylib": "git+https://github.com/example/mylib.git#main",
    "pinned": "git+https://github.com/example/pinned.git#3f2c1a9e0b7d4c6a8e1f2b3c4d5e6f708192a3b4",
    "short": "example/short",
    "tarball": "https://example.com/tarball-1.0.0.tgz",
    "aliased": "npm:lodash@4.17.21",
    "local": "file:../local",
    "expres": "4.18.2",
    "@scope/expres": "1.0.0"
  },
  "peerDependencies": {
    "react": "^18"
  }
}
`

func TestPackageJSON(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "no lockfile",
			files: map[string]string{"web/package.json": pkgJSON},
			want: []string{
				"unpinned web/package.json:5 mylib",
				"unpinned web/package.json:7 short",
				"unpinned web/package.json:8 tarball",
				"typosquat web/package.json:11 expres",
				"missing-lockfile web/package.json:4 ",
			},
		},
		{
			name:  "lockfile beside: tarball hashes are recorded there",
			files: map[string]string{"web/package.json": pkgJSON, "web/package-lock.json": `{"packages": {}}`},
			want: []string{
				"unpinned web/package.json:5 mylib",
				"unpinned web/package.json:7 short",
				"typosquat web/package.json:11 expres",
			},
		},
		{
			name:  "workspace member with the lockfile at the root",
			files: map[string]string{"packages/a/package.json": `{"dependencies": {"lodash": "4.17.21"}}`, "yarn.lock": ""},
			want:  nil,
		},
		{
			name:  "only peer dependencies need no lockfile",
			files: map[string]string{"lib/package.json": `{"peerDependencies": {"react": "^18"}}`},
			want:  nil,
		},
		{
			name: "install scripts in package-lock.json",
			files: map[string]string{"package-lock.json": `{
  "lockfileVersion": 3,
  "packages": {
    "": {"name": "app", "hasInstallScript": true},
    "node_modules/bcrypt": {
      "version": "5.1.1",
      "hasInstallScript": true
    },
    "node_modules/lodash": {
      "version": "4.17.21"
    },
    "node_modules/a/node_modules/@esbuild/core": {
      "version": "0.20.2",
      "hasInstallScript": true
    }
  }
}`},
			want: []string{
				"install-script package-lock.json:5 bcrypt",
				"install-script package-lock.json:12 @esbuild/core",
			},
		},
		{
			name:  "composer dev branch",
			files: map[string]string{"composer.json": "{\n \"require\": {\n  \"php\": \">=8.1\",\n  \"acme/lib\": \"dev-main\",\n  \"acme/pinned\": \"dev-main#3f2c1a9e\"\n }\n}\n", "composer.lock": "{}"},
			want:  []string{"unpinned composer.json:4 acme/lib"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := check(tt.files)
			if diff := cmp.Diff(sorted(tt.want), sorted(got)); diff != "" {
				t.Errorf("issues (-want +got):\n%s", diff)
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestResembles(t *testing.T) {
	tests := []struct{ eco, name, want string }{
		{"npm", "lodahs", "lodash"},
		{"npm", "expresss", "express"},
		{"npm", "lodash", ""},
		{"npm", "preact", ""},
		{"npm", "@types/lodash", ""},
		{"npm", "left-pad", ""},
		{"PyPI", "reqeusts", "requests"},
		{"PyPI", "Requests", ""},
		{"PyPI", "python_dateutil", ""},
		{"PyPI", "djanga", "django"},
		{"crates.io", "serde-json", ""},
		{"crates.io", "tokoi", "tokio"},
		// Malicious crates RustSec recorded, and legitimate neighbours.
		{"crates.io", "lazystatic", "lazy_static"},
		{"crates.io", "envlogger", "env_logger"},
		{"crates.io", "oncecell", "once_cell"},
		{"crates.io", "crayon", ""},
		{"PyPI", "pycryptodomex", ""},
		{"PyPI", "authlib", ""},
		{"RubyGems", "railz", "rails"},
		{"RubyGems", "sinatro", "sinatra"},
		{"Go", "github.com/gorilla/muxx", ""},
	}
	for _, tt := range tests {
		if got := Resembles(tt.eco, tt.name); got != tt.want {
			t.Errorf("Resembles(%s, %q) = %q, want %q", tt.eco, tt.name, got, tt.want)
		}
	}
}

func FuzzRequirements(f *testing.F) {
	f.Add("requests==2.19.1\n-e git+https://x/y.git@main#egg=y\n")
	f.Add("a @ https://x/a.tar.gz \\\n --hash=sha256:00\n")
	f.Fuzz(func(t *testing.T, s string) {
		check(map[string]string{"requirements.txt": s, "package.json": s, "pnpm-lock.yaml": s, "Gemfile": s, "Cargo.toml": s, "a/package-lock.json": s, "composer.json": s, "Pipfile": s, "go.mod": s})
	})
}
