package evidence

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/report/management"
	"github.com/socyber/codeaudit/internal/report/reporttest"
)

var dbUpdated = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

func pack(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := Write(&buf, reporttest.Sample(), Options{
		Management: management.Options{Organisation: "Example Bank", Application: "Shop"},
		Command:    "codeaudit report evidence ./shop -o shop.zip",
		Databases:  []Database{{Name: "osv", Source: "embedded", Updated: dbUpdated}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func unzip(t *testing.T, b []byte) (names []string, files map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files = map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !f.Modified.Equal(time.Date(2026, time.January, 15, 10, 0, 3, 0, time.UTC)) {
			t.Errorf("%s modified %v, want the scan finish time", f.Name, f.Modified)
		}
		names = append(names, f.Name)
		files[f.Name] = data
	}
	return names, files
}

func TestPack(t *testing.T) {
	names, files := unzip(t, pack(t))
	want := []string{FileResultJSON, FileResultSARIF, FileTechnicalHTML, FileManagementHTML, FileManagementPDF,
		FileRules, FileMetadata, FileNotice, FileReadme, FileManifest}
	if d := cmp.Diff(want, names); d != "" {
		t.Fatalf("entries (-want +got):\n%s", d)
	}
	// The manifest lists every other file with its SHA-256.
	lines := strings.Split(strings.TrimSpace(string(files[FileManifest])), "\n")
	if len(lines) != len(want)-1 {
		t.Fatalf("manifest has %d lines", len(lines))
	}
	for i, l := range lines {
		sum, name, ok := strings.Cut(l, "  ")
		if !ok || name != want[i] {
			t.Errorf("manifest line %q", l)
			continue
		}
		got := sha256.Sum256(files[name])
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s: manifest hash does not match", name)
		}
	}

	var meta Metadata
	if err := json.Unmarshal(files[FileMetadata], &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Tool.Version != "1.4.0" || meta.Scan.Target != "./shop" || meta.Scan.Command == "" ||
		meta.Results.Open != 6 || meta.Results.RiskRating != "Critical" || meta.SLADays["critical"] != 7 {
		t.Errorf("metadata = %+v", meta)
	}
	if len(meta.Databases) != 1 || meta.Databases[0].AgeDays != 14 {
		t.Errorf("database age = %+v, want 14 days", meta.Databases)
	}
	var rules RuleSet
	if err := json.Unmarshal(files[FileRules], &rules); err != nil {
		t.Fatal(err)
	}
	if rules.Count != 6 || len(rules.Rules) != 6 || len(rules.Rules[0].Digest) != 64 || rules.Digest != meta.RuleSetDigest {
		t.Errorf("rules.json: count %d, digest %q, meta digest %q", rules.Count, rules.Digest, meta.RuleSetDigest)
	}
	if rules.Rules[0].ID != "deps.osv.vulnerable-package" {
		t.Errorf("rules not sorted: first %s", rules.Rules[0].ID)
	}
	for name, prefix := range map[string]string{
		FileResultJSON: "{", FileResultSARIF: "{", FileTechnicalHTML: "<!DOCTYPE html>",
		FileManagementHTML: "<!DOCTYPE html>", FileManagementPDF: "%PDF-",
	} {
		if !bytes.HasPrefix(files[name], []byte(prefix)) {
			t.Errorf("%s does not start with %q", name, prefix)
		}
	}
	if !bytes.Contains(files[FileTechnicalHTML], []byte("go.crypto.weak-random")) {
		t.Error("the technical report in the pack must list suppressed findings")
	}
}

func TestDeterministic(t *testing.T) {
	a, b := pack(t), pack(t)
	if !bytes.Equal(a, b) {
		t.Error("two packs of the same result differ")
	}
}

func TestRuleDigestChanges(t *testing.T) {
	r := reporttest.Sample()
	before := ruleSet(r).Digest
	r.Rules[0].Severity++
	if ruleSet(r).Digest == before {
		t.Error("changing a rule must change the rule set digest")
	}
}

func TestNilResult(t *testing.T) {
	if err := Write(io.Discard, nil, Options{}); err == nil {
		t.Error("nil result accepted")
	}
}

func BenchmarkWrite(b *testing.B) {
	r := reporttest.Many(1000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pack")
}
