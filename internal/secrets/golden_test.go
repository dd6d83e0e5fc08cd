package secrets

import (
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenRow is what the golden file pins for each finding of the fixtures:
// where it is, how sure and how severe, and the redacted message.
type goldenRow struct {
	Rule       string            `json:"rule"`
	Location   string            `json:"location"`
	Severity   string            `json:"severity"`
	Confidence string            `json:"confidence"`
	Message    string            `json:"message"`
	Properties map[string]string `json:"properties"`
}

// TestGoldenFindings pins every finding on the rule fixtures (messages,
// confidence, redaction). Run with -update after an intended change.
func TestGoldenFindings(t *testing.T) {
	a := New(Options{})
	var rows []goldenRow
	err := filepath.WalkDir("testdata/rules", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/rules", p)
		fs, err := a.ScanText(context.Background(), filepath.ToSlash(rel), data)
		if err != nil {
			return err
		}
		for _, f := range fs {
			rows = append(rows, goldenRow{f.RuleID, f.Location.String(), f.Severity.String(), f.Confidence.String(), f.Message, f.Properties})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.MarshalIndent(rows, "", "  ")
	const golden = "testdata/golden/findings.json"
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGoldenFindings -update)", err)
	}
	var wantRows []goldenRow
	if err := json.Unmarshal(want, &wantRows); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("findings differ from %s (-want +got):\n%s", golden, diff)
	}
}
