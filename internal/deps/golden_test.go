package deps

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

// TestGoldenFindings pins every finding over the per-ecosystem projects
// and the SBOMs written for them.
func TestGoldenFindings(t *testing.T) {
	dir := t.TempDir()
	cdx, spdx := filepath.Join(dir, "bom.cdx.json"), filepath.Join(dir, "bom.spdx.json")
	c := run(t, Options{DBDir: testDB(t), ToolVersion: "test", SBOMs: []SBOMRequest{{FormatCycloneDX, cdx}, {FormatSPDX, spdx}}}, "testdata/projects")
	var lines []string
	for _, f := range c.findings {
		p := f.Properties
		lines = append(lines, fmt.Sprintf("%s\t%s\t%s/%s\t%s\t%s@%s\tids=%s\tfixed=%s\t%s", f.Location, f.RuleID, f.Severity, f.Confidence, f.CWE, p["package"], p["version"], p["advisory_ids"], p["fixed_version"], f.Message))
	}
	sort.Strings(lines)
	golden(t, "projects.findings", strings.Join(lines, "\n")+"\n")
	for name, p := range map[string]string{"projects.cdx.json": cdx, "projects.spdx.json": spdx} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name, string(b))
	}
}
