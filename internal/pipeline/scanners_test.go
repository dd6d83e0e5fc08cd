package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/cli"
)

// TestScannersPipelineOnly runs the real command line with --scanners
// pipeline on a directory that also holds a hard-coded secret and a Python
// injection: only pipeline findings come back, with SARIF-style exact
// positions.
func TestScannersPipelineOnly(t *testing.T) {
	dir := t.TempDir()
	wf, err := os.ReadFile("testdata/hazards/03-head-ref-in-run.yml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		".github/workflows/preview.yml": string(wf),
		"app.py":                        "import os\n\ndef run(cmd):\n    os.system(\"ls \" + cmd)\n\nAWS_SECRET_ACCESS_KEY = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	cli.Main(context.Background(), []string{"scan", dir, "--scanners", "pipeline", "--format", "json", "--no-progress"}, cli.IO{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(string) string { return "" },
	})
	var rep struct {
		Scanners []string `json:"scanners"`
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Location struct {
				Path        string `json:"path"`
				StartLine   int    `json:"start_line"`
				StartColumn int    `json:"start_column"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\nstdout: %s\nstderr: %s", err, out.String(), errb.String())
	}
	if len(rep.Scanners) != 1 || rep.Scanners[0] != "pipeline" {
		t.Errorf("scanners = %v, want [pipeline]", rep.Scanners)
	}
	injection := false
	for _, f := range rep.Findings {
		if !strings.HasPrefix(f.RuleID, "pipeline.") {
			t.Errorf("finding of another scanner: %s at %s", f.RuleID, f.Location.Path)
		}
		if f.RuleID == "pipeline.gha.expression-injection" {
			injection = true
			// BRANCH=${{ github.head_ref }} on line 12: the expression starts at column 18.
			if f.Location.StartLine != 12 || f.Location.StartColumn != 18 {
				t.Errorf("injection at %d:%d, want 12:18", f.Location.StartLine, f.Location.StartColumn)
			}
		}
	}
	if !injection {
		t.Errorf("no expression-injection finding in %s", out.String())
	}
}
