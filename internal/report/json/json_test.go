package json

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/socyber/codeaudit/internal/report/reporttest"
	"github.com/socyber/codeaudit/internal/result"
)

// schemaPath is the published JSON Schema of the output.
var schemaPath = filepath.Join("..", "..", "..", "docs", "json-output.schema.json")

func write(t *testing.T, r *result.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := New().Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for name, r := range map[string]*result.Result{
		"sample.json": reporttest.Sample(),
		"empty.json":  reporttest.Empty(),
	} {
		t.Run(name, func(t *testing.T) { reporttest.Golden(t, name, write(t, r)) })
	}
}

func TestEmptyListsAreArrays(t *testing.T) {
	r := reporttest.Empty()
	r.Findings, r.Scanners, r.Stats.BySeverity = nil, nil, nil
	got := string(write(t, r))
	for _, want := range []string{`"findings": []`, `"scanners": []`, `"by_severity": {}`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"suppressed"`) || strings.Contains(got, `"warnings"`) {
		t.Errorf("empty optional lists should be omitted:\n%s", got)
	}
}

func TestRoundTrip(t *testing.T) {
	for name, r := range map[string]*result.Result{"sample": reporttest.Sample(), "empty": reporttest.Empty()} {
		t.Run(name, func(t *testing.T) {
			got, err := Read(bytes.NewReader(write(t, r)))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(r, got, cmpopts.EquateEmpty()); d != "" {
				t.Errorf("round trip (-wrote +read):\n%s", d)
			}
		})
	}
}

func TestReadVersions(t *testing.T) {
	for _, tc := range []struct {
		name, in, wantErr string
	}{
		{"same", `{"schema_version":"1.0"}`, ""},
		{"newer minor", `{"schema_version":"1.7","added_later":{"x":1}}`, ""},
		{"next major", `{"schema_version":"2.0"}`, "schema_version 2.0 is not supported"},
		{"old major", `{"schema_version":"0.9"}`, "not supported"},
		{"malformed", `{"schema_version":"one"}`, "MAJOR.MINOR"},
		{"missing", `{"findings":[]}`, "no schema_version"},
		{"not json", `SARIF?`, "not a codeaudit JSON report"},
		{"array", `[]`, "not a codeaudit JSON report"},
		{"bad severity", `{"schema_version":"1.0","findings":[{"severity":"severe"}]}`, "unknown severity"},
		{"trailing", `{"schema_version":"1.0"} {}`, "not a codeaudit JSON report"},
		{"no severity", `{"schema_version":"1.0","findings":[{"rule_id":"x","confidence":"low"}]}`, "severity or confidence is missing"},
		{"no rule id", `{"schema_version":"1.0","suppressed":[{"severity":"low","confidence":"low"}]}`, "suppressed[0]: rule_id is missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in))
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaPath, err)
	}
	for name, r := range map[string]*result.Result{"sample": reporttest.Sample(), "empty": reporttest.Empty()} {
		t.Run(name, func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(write(t, r)))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("output does not match %s:\n%v", schemaPath, err)
			}
		})
	}
	// The schema must reject what readers cannot use.
	bad := `{"schema_version":"1.0","tool":{"name":"x","version":"1"},"target":".","started_at":"2026-01-01T00:00:00Z","finished_at":"2026-01-01T00:00:00Z","scanners":[],"findings":[{"rule_id":"x"}],"stats":{"files_scanned":0,"lines_of_code":0,"duration_ms":0,"by_severity":{}}}`
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(doc) == nil {
		t.Error("schema accepted a finding without required fields")
	}
}

func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"schema_version":"1.0","findings":[{"rule_id":"r","severity":"high","confidence":"low"}]}`))
	f.Add([]byte(`{"schema_version":"1.0","stats":{"by_severity":{"critical":1}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		// Whatever was accepted must write and read back the same.
		var buf bytes.Buffer
		if err := New().Write(&buf, r); err != nil {
			t.Fatalf("write of an accepted report failed: %v", err)
		}
		if _, err := Read(&buf); err != nil {
			t.Fatalf("re-read failed: %v", err)
		}
	})
}

func BenchmarkWrite(b *testing.B) {
	r := reporttest.Many(10000)
	w := New()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := w.Write(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	if err := New().Write(&buf, reporttest.Many(10000)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
