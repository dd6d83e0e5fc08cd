package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkAnalyzePython checks the fixture policies over a generated
// Flask module of 500 handlers (about 4,000 lines).
func BenchmarkAnalyzePython(b *testing.B) {
	a, err := New(Options{Files: []string{filepath.Join("testdata", "fixtures", "policies.yaml")}})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	var sb strings.Builder
	sb.WriteString("import fraud\nfrom bank import audit, ledger\n\n")
	for i := range 500 {
		fmt.Fprintf(&sb, "@app.post(\"/admin/pay/%d\")\ndef pay_%d():\n    data = request.get_json()\n", i, i)
		if i%2 == 0 {
			sb.WriteString("    if fraud.score(data) > 0.8:\n        abort(403)\n    audit.record(data)\n")
		}
		sb.WriteString("    ledger.commit_payment(data[\"account\"], data[\"amount\"])\n    return \"ok\"\n\n")
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		c := analyze(b, a, "big.py", src)
		if len(c.findings) != 500 {
			b.Fatalf("%d findings, want 500", len(c.findings))
		}
	}
}

// BenchmarkFixtures checks the fixture policies over every fixture file.
func BenchmarkFixtures(b *testing.B) {
	dir := filepath.Join("testdata", "fixtures")
	a, err := New(Options{Files: []string{filepath.Join(dir, "policies.yaml")}})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	entries, _ := os.ReadDir(dir)
	var files [][2]string
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		files = append(files, [2]string{e.Name(), string(data)})
	}
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			analyze(b, a, f[0], []byte(f[1]))
		}
	}
}
