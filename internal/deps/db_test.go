package deps

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDatabaseAgeAndWarnings(t *testing.T) {
	db := t.TempDir()
	writeZip(t, filepath.Join(db, "npm", "all.zip"), "testdata/osv/npm")
	fetched := testNow.Add(-30 * 24 * time.Hour)
	if err := os.WriteFile(filepath.Join(db, "npm", "fetched"), []byte(fetched.Format(time.RFC3339)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := New(Options{DBDir: db, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	info, err := a.Database()
	if err != nil {
		t.Fatal(err)
	}
	want := []EcosystemInfo{{Ecosystem: "npm", FetchedAt: fetched, Age: 30 * 24 * time.Hour}}
	if diff := cmp.Diff(want, info); diff != "" {
		t.Errorf("Database() (-want +got):\n%s", diff)
	}

	c := run(t, Options{DBDir: db}, "testdata/projects/npm")
	got := strings.Join(c.warnings, "\n")
	if !strings.Contains(got, "the npm advisories in "+db+" are 30 days old (fetched 2026-10-26)") {
		t.Errorf("no staleness warning in:\n%s", got)
	}
	if len(c.byRule(RuleVulnerable)) == 0 {
		t.Error("a stale database must still be used")
	}

	c = run(t, Options{DBDir: db}, "testdata/projects/python")
	if got := strings.Join(c.warnings, "\n"); !strings.Contains(got, "has no PyPI advisories; PyPI packages were not checked") {
		t.Errorf("no missing-ecosystem warning in:\n%s", got)
	}
}

func TestBrokenLockfileWarns(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "package-lock.json"), []byte(`{"packages": {`), 0o644)
	os.WriteFile(filepath.Join(dir, "Cargo.lock"), []byte("[[package]]\nname = \n"), 0o644)
	c := run(t, Options{DBDir: testDB(t)}, dir)
	got := strings.Join(c.warnings, "\n")
	for _, f := range []string{"package-lock.json: dependencies:", "Cargo.lock: dependencies:"} {
		if !strings.Contains(got, f) {
			t.Errorf("no warning naming %s in:\n%s", f, got)
		}
	}
}
