package secrets

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// mixedLines are realistic lines of code and configuration: most hold no
// secret but many hold keywords (token, password, key, URLs) so the
// prefilter and the windows are exercised as on real code.
var mixedLines = []string{
	"func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {",
	"\tpassword := r.FormValue(\"password\")",
	"\tif err := s.auth.Verify(ctx, user, password); err != nil {",
	"\t\treturn fmt.Errorf(\"verify token for %s: %w\", user, err)",
	"    token = request.headers.get('Authorization', '').removeprefix('Bearer ')",
	"    def get_secret(self, name: str) -> str: return self.client.access_secret_version(name=name)",
	"const apiBase = 'https://api.example.com/v1/payments?currency=EUR&limit=100';",
	"  \"dependencies\": { \"express\": \"^4.19.2\", \"jsonwebtoken\": \"^9.0.2\" },",
	"  image: ghcr.io/acme/billing-api:1.42.0@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
	"spring.datasource.url=jdbc:postgresql://db:5432/orders",
	"    private static final String TOKEN_HEADER = \"X-Auth-Token\";",
	"// Package cache keeps a bounded LRU of recently used keys and their values.",
	"SELECT id, email, password_hash FROM users WHERE email = $1 AND deleted_at IS NULL;",
	"      - name: Checkout\n        uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11",
	"  for key, value in sorted(settings.items()): logger.debug('setting %s=%s', key, '***')",
	"export function refreshToken(session: Session): Promise<string> { return api.post('/token', session); }",
	"\t\"github.com/socyber/codeaudit/internal/finding\"",
	"<input type=\"password\" name=\"password\" autocomplete=\"current-password\" />",
	"    assert response.status_code == 401, response.json()['detail']",
	"\t\tkeys = append(keys, k) // sorted below for a stable order",
}

// mixedSecrets are sprinkled in at a low rate.
var mixedSecrets = []string{
	"AWS_ACCESS_KEY_ID = \"AKIAZ3XQ7JH2MPLV4NWR\"",
	"DB_PASSWORD=pG7!vQ2rX9mK",
	"url = \"postgres://billing:Vq7mZ2xK9pLw@db.acme.internal:5432/billing\"",
}

// mixedTree builds about size bytes of files of several types.
func mixedTree(size int) map[string][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	exts := []string{".go", ".py", ".ts", ".java", ".yaml", ".json", ".properties", ".md"}
	files := map[string][]byte{}
	total := 0
	for i := 0; total < size; i++ {
		var b strings.Builder
		for b.Len() < 8<<10+r.IntN(48<<10) {
			if r.IntN(2000) == 0 {
				b.WriteString(mixedSecrets[r.IntN(len(mixedSecrets))])
			} else {
				b.WriteString(mixedLines[r.IntN(len(mixedLines))])
			}
			b.WriteByte('\n')
		}
		name := fmt.Sprintf("pkg%03d/file%05d%s", i%200, i, exts[i%len(exts)])
		files[name] = []byte(b.String())
		total += b.Len()
	}
	return files
}

// BenchmarkScanTree reports the throughput of the file phase over a
// generated 32 MB mixed tree, using every core as the engine does.
func BenchmarkScanTree(b *testing.B) {
	tree := mixedTree(32 << 20)
	type file struct {
		path string
		data []byte
	}
	var files []file
	total := 0
	for p, d := range tree {
		files = append(files, file{p, d})
		total += len(d)
	}
	sc, err := NewScanner()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for range b.N {
		work := make(chan file)
		done := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			go func() {
				n := 0
				for f := range work {
					ms, err := sc.Scan(context.Background(), f.path, f.data)
					if err != nil {
						b.Error(err)
					}
					n += len(findingsFor(f.path, f.data, ms))
				}
				done <- n
			}()
		}
		for _, f := range files {
			work <- f
		}
		close(work)
		found := 0
		for range runtime.GOMAXPROCS(0) {
			found += <-done
		}
		if found == 0 {
			b.Fatal("no secrets found in the mixed tree")
		}
	}
}

// BenchmarkScanGoSource scans the Go distribution's own source (real code,
// about 100 MB) when it is installed, single-threaded.
func BenchmarkScanGoSource(b *testing.B) {
	root := filepath.Join(runtime.GOROOT(), "src")
	var paths []string
	var datas [][]byte
	total := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || total > 64<<20 {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil || strings.Contains(string(data[:min(len(data), 512)]), "\x00") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		paths = append(paths, filepath.ToSlash(rel))
		datas = append(datas, data)
		total += len(data)
		return nil
	})
	if total == 0 {
		b.Skip("Go source not installed")
	}
	sc, _ := NewScanner()
	b.SetBytes(int64(total))
	b.ResetTimer()
	for range b.N {
		for i := range paths {
			if _, err := sc.Scan(context.Background(), paths[i], datas[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHistory scans a generated repository of 300 commits of three
// Python files each (about 22 MB of patches) in --git-history mode.
func BenchmarkHistory(b *testing.B) {
	requireGit(b)
	dir := b.TempDir()
	git(b, dir, nil, "init", "-q", "-b", "main")
	r := rand.New(rand.NewPCG(3, 4))
	for c := range 300 {
		for f := range 3 {
			var sb strings.Builder
			for range 200 {
				sb.WriteString(mixedLines[r.IntN(len(mixedLines))])
				sb.WriteByte('\n')
			}
			if c%50 == 0 {
				sb.WriteString(mixedSecrets[f] + "\n")
			}
			write(b, dir, fmt.Sprintf("src/m%02d/f%d.py", c%20, f), sb.String())
		}
		git(b, dir, nil, "add", ".")
		git(b, dir, author("Dev", fmt.Sprintf("2024-01-01T00:%02d:%02d+00:00", c/60, c%60)), "commit", "-q", "-m", fmt.Sprintf("change %d", c))
	}
	p := project(b, dir)
	a := New(Options{GitHistory: true})
	// Throughput is counted over the patch text git streams to the scanner
	// (the working tree scanned at the end adds about 2 %).
	patches := git(b, dir, nil, append([]string{"log", "--all", "-M"}, patchArgs...)...)
	b.SetBytes(int64(len(patches)))
	b.ResetTimer()
	for range b.N {
		e := &emitter{}
		if err := a.AnalyzeProject(context.Background(), p, e); err != nil {
			b.Fatal(err)
		}
		if len(e.findings) == 0 {
			b.Fatal("no findings")
		}
	}
}
