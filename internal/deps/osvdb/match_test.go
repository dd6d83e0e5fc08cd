package osvdb

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sharedDB returns the shared real-advisory snapshot or skips the test:
// $CODEAUDIT_OSV_SNAPSHOT, else the first shared/data/osv beside the
// repository or one of its ancestors.
func sharedDB(t testing.TB) *DB {
	t.Helper()
	dir := os.Getenv("CODEAUDIT_OSV_SNAPSHOT")
	if dir == "" {
		_, file, _, _ := runtime.Caller(0)
		repo := filepath.Join(filepath.Dir(file), "..", "..", "..")
		for d := filepath.Dir(repo); ; d = filepath.Dir(d) {
			cand := filepath.Join(d, "shared", "data", "osv")
			if _, err := os.Stat(filepath.Join(cand, "Go", "all.zip")); err == nil {
				dir = cand
				break
			}
			if filepath.Dir(d) == d {
				t.Skipf("shared OSV snapshot not found beside %s or its ancestors (set CODEAUDIT_OSV_SNAPSHOT)", repo)
			}
		}
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestMatchSharedDB(t *testing.T) {
	db := sharedDB(t)
	tests := []struct {
		eco, name, version string
		wantID             string
		wantAlias          string
		wantFixed          string
	}{
		{"Go", "golang.org/x/text", "0.3.7", "GO-2022-1059", "CVE-2022-32149", "0.3.8"},
		{"Go", "golang.org/x/text", "0.3.5", "GO-2021-0113", "CVE-2021-38561", "0.3.7"},
		{"PyPI", "requests", "2.19.1", "PYSEC-2018-28", "CVE-2018-18074", "2.20.0"},
		{"PyPI", "Requests", "2.19.1", "PYSEC-2018-28", "CVE-2018-18074", "2.20.0"},
		{"crates.io", "smallvec", "1.6.0", "RUSTSEC-2021-0003", "CVE-2021-25900", "1.6.1"},
	}
	for _, tt := range tests {
		t.Run(tt.eco+"/"+tt.name+"@"+tt.version, func(t *testing.T) {
			ix, err := db.Load(context.Background(), tt.eco)
			if err != nil {
				t.Fatal(err)
			}
			ms, err := ix.Match(tt.name, tt.version)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(ms, func(m Match) bool { return m.ID == tt.wantID })
			if i < 0 {
				var ids []string
				for _, m := range ms {
					ids = append(ids, m.ID)
				}
				t.Fatalf("%s not among matches %v", tt.wantID, ids)
			}
			m := ms[i]
			if !slices.Contains(m.Aliases, tt.wantAlias) {
				t.Errorf("aliases %v lack %s", m.Aliases, tt.wantAlias)
			}
			if diff := cmp.Diff(tt.wantFixed, m.FixedVersion); diff != "" {
				t.Errorf("fixed version (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoadForSameMatches: the name pre-filter must not lose advisories.
func TestLoadForSameMatches(t *testing.T) {
	db := sharedDB(t)
	for _, eco := range []string{"Go", "PyPI", "crates.io"} {
		full, err := db.Load(context.Background(), eco)
		if err != nil {
			t.Fatal(err)
		}
		names := full.Names()
		slices.Sort(names)
		var sample []string
		for i := 0; i < len(names); i += 29 {
			sample = append(sample, names[i])
		}
		filtered, err := db.LoadFor(context.Background(), eco, sample)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range sample {
			for _, v := range []string{"0.0.1", "1.0.0", "2.3.4"} {
				a, _ := full.Match(n, v)
				b, _ := filtered.Match(n, v)
				if diff := cmp.Diff(a, b); diff != "" {
					t.Fatalf("%s %s@%s: filtered load differs (-full +filtered):\n%s", eco, n, v, diff)
				}
			}
		}
	}
}
