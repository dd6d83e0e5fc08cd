package deps

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/deps/osvdb"
)

// benchPackages is how many packages per ecosystem the generated project
// declares.
const benchPackages = 1000

// writeBenchProject generates a large lockfile set from package names the
// shared database knows (so matching does real work): a go.mod, a
// requirements.txt, a Cargo.lock, each with benchPackages entries at old
// versions, in several copies (services/svcN/...).
func writeBenchProject(tb testing.TB, dir string, copies int) {
	tb.Helper()
	db, err := osvdb.Open(sharedOSV(tb))
	if err != nil {
		tb.Fatal(err)
	}
	names := map[string][]string{}
	for _, eco := range []string{"Go", "PyPI", "crates.io"} {
		ix, err := db.Load(context.Background(), eco)
		if err != nil {
			tb.Fatal(err)
		}
		names[eco] = ix.Names()
		slices.Sort(names[eco])
		if len(names[eco]) > benchPackages {
			names[eco] = names[eco][:benchPackages]
		}
	}
	for c := range copies {
		d := filepath.Join(dir, "services", fmt.Sprintf("svc%d", c))
		if err := os.MkdirAll(d, 0o755); err != nil {
			tb.Fatal(err)
		}
		var gomod, req, cargo strings.Builder
		gomod.WriteString("module example.com/bench\n\ngo 1.25.13\n\nrequire (\n")
		for i, n := range names["Go"] {
			if n == "stdlib" || n == "toolchain" || strings.ContainsAny(n, " \t") {
				continue
			}
			fmt.Fprintf(&gomod, "\t%s v%d.%d.0\n", n, goMajor(n), i%5)
		}
		gomod.WriteString(")\n")
		for i, n := range names["PyPI"] {
			fmt.Fprintf(&req, "%s==1.%d.0\n", n, i%7)
		}
		cargo.WriteString("version = 3\n\n")
		for i, n := range names["crates.io"] {
			fmt.Fprintf(&cargo, "[[package]]\nname = %q\nversion = \"0.%d.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n", n, i%9)
		}
		for name, content := range map[string]string{"go.mod": gomod.String(), "requirements.txt": req.String(), "Cargo.lock": cargo.String()} {
			if err := os.WriteFile(filepath.Join(d, name), []byte(content), 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

// BenchmarkAnalyzeProject measures a whole dependency scan (extraction,
// database load, matching) of 3 copies x 3 lockfiles x ~1,000 packages.
// Set CODEAUDIT_BENCH_DIR to keep the generated project (for comparing
// with other scanners on the same files).
func BenchmarkAnalyzeProject(b *testing.B) {
	dir := os.Getenv("CODEAUDIT_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	writeBenchProject(b, dir, 3)
	a, err := New(Options{DBDir: sharedOSV(b)})
	if err != nil {
		b.Fatal(err)
	}
	p := project(b, dir)
	b.ResetTimer()
	var findings int
	for b.Loop() {
		c := &collector{}
		if err := a.AnalyzeProject(context.Background(), p, c); err != nil {
			b.Fatal(err)
		}
		findings = 0
		for _, f := range c.findings {
			if f.RuleID == RuleVulnerable {
				findings++
			}
		}
	}
	b.ReportMetric(float64(findings), "findings")
}

// BenchmarkMatch measures matching alone: one package version against a
// loaded index, averaged over the whole Go index.
func BenchmarkMatch(b *testing.B) {
	db, err := osvdb.Open(sharedOSV(b))
	if err != nil {
		b.Fatal(err)
	}
	ix, err := db.Load(context.Background(), "Go")
	if err != nil {
		b.Fatal(err)
	}
	names := ix.Names()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := ix.Match(names[i%len(names)], "0.1.0"); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLoad measures reading one ecosystem's zip into an index.
func BenchmarkLoad(b *testing.B) {
	db, err := osvdb.Open(sharedOSV(b))
	if err != nil {
		b.Fatal(err)
	}
	for _, eco := range []string{"Go", "PyPI", "crates.io"} {
		b.Run(eco, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Load(context.Background(), eco); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// goMajor is the major version a module path requires: N for ".../vN"
// and "gopkg.in/x.vN", else 0.
func goMajor(path string) int {
	i := strings.LastIndexAny(path, "/.")
	if i < 0 || i+2 > len(path) || path[i+1] != 'v' {
		return 0
	}
	n, err := strconv.Atoi(path[i+2:])
	if err != nil || n < 2 {
		return 0
	}
	return n
}
