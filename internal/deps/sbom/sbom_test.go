package sbom

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdxlib"

	"github.com/socyber/codeaudit/internal/deps/inventory"
)

func testDoc() *Document {
	return &Document{
		Name:        "shop",
		ToolName:    "codeaudit",
		ToolVersion: "1.2.3",
		Timestamp:   time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC),
		Packages: []inventory.Package{
			{Name: "golang.org/x/text", Version: "0.3.7", Ecosystem: "Go", PURL: "pkg:golang/golang.org/x/text@0.3.7", Path: "go.mod", Line: 6, Relation: inventory.Direct, Locked: true, Requires: []string{"golang.org/x/net@0.1.0"}},
			{Name: "golang.org/x/net", Version: "0.1.0", Ecosystem: "Go", PURL: "pkg:golang/golang.org/x/net@0.1.0", Path: "go.mod", Line: 9, Relation: inventory.Transitive, Locked: true},
			{Name: "@babel/core", Version: "7.24.0", Ecosystem: "npm", PURL: "pkg:npm/%40babel/core@7.24.0", Path: "web/package-lock.json", Line: 12, Relation: inventory.Direct, Locked: true},
			{Name: "@babel/core", Version: "7.24.0", Ecosystem: "npm", PURL: "pkg:npm/%40babel/core@7.24.0", Path: "admin/package-lock.json", Line: 30, Relation: inventory.Transitive, Locked: true},
			{Name: "org.apache.logging.log4j:log4j-core", Version: "2.14.1", Ecosystem: "Maven", PURL: "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", Path: "pom.xml", Line: 8, Relation: inventory.Direct},
		},
	}
}

func compile(t *testing.T, main string, files ...string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, f := range append([]string{main}, files...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if id == "" {
			id = "file:///" + filepath.Base(f)
		}
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
		if f == main {
			main = id
		}
	}
	s, err := c.Compile(main)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, out []byte) map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Fatalf("schema validation failed: %v\n%s", err, out)
	}
	return inst.(map[string]any)
}

func TestCycloneDXValidates(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCycloneDX(&buf, testDoc()); err != nil {
		t.Fatal(err)
	}
	s := compile(t, "testdata/schema/bom-1.6.schema.json", "testdata/schema/spdx.schema.json", "testdata/schema/jsf-0.82.schema.json")
	doc := validate(t, s, buf.Bytes())

	// NTIA minimum elements.
	var bom struct {
		SpecVersion string `json:"specVersion"`
		Metadata    struct {
			Timestamp string `json:"timestamp"`
			Authors   []struct{ Name string }
			Tools     struct {
				Components []struct{ Name, Version string }
			}
			Component struct{ Name string }
		}
		Components []struct {
			BOMRef   string `json:"bom-ref"`
			Name     string
			Version  string
			Purl     string
			Supplier struct{ Name string }
		}
		Dependencies []struct {
			Ref       string
			DependsOn []string
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &bom); err != nil {
		t.Fatal(err)
	}
	if bom.SpecVersion != "1.6" || bom.Metadata.Timestamp != "2026-11-25T12:00:00Z" || len(bom.Metadata.Authors) == 0 ||
		bom.Metadata.Tools.Components[0].Name != "codeaudit" || bom.Metadata.Component.Name != "shop" {
		t.Errorf("metadata incomplete: %+v", bom.Metadata)
	}
	if len(bom.Components) != 4 {
		t.Errorf("got %d components, want 4 (duplicates merged)", len(bom.Components))
	}
	for _, c := range bom.Components {
		if c.Name == "" || c.Version == "" || c.Purl == "" || c.BOMRef == "" || c.Supplier.Name == "" {
			t.Errorf("component lacks an NTIA element: %+v", c)
		}
	}
	root := bom.Dependencies[0]
	want := []string{"pkg:golang/golang.org/x/text@0.3.7", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "pkg:npm/%40babel/core@7.24.0"}
	if root.Ref != rootRef || strings.Join(root.DependsOn, " ") != strings.Join(want, " ") {
		t.Errorf("root dependencies = %v, want %v", root.DependsOn, want)
	}
	for _, d := range bom.Dependencies {
		if d.Ref == "pkg:golang/golang.org/x/text@0.3.7" && strings.Join(d.DependsOn, " ") != "pkg:golang/golang.org/x/net@0.1.0" {
			t.Errorf("x/text dependsOn = %v", d.DependsOn)
		}
	}
	_ = doc
}

func TestSPDXValidates(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSPDX(&buf, testDoc()); err != nil {
		t.Fatal(err)
	}
	s := compile(t, "testdata/spdx-2.3-subset.schema.json")
	validate(t, s, buf.Bytes())

	doc, err := spdxjson.Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("tools-golang cannot read it back: %v", err)
	}
	if err := spdxlib.ValidateDocument(doc); err != nil {
		t.Errorf("spdxlib: %v", err)
	}
	if len(doc.Packages) != 5 {
		t.Errorf("got %d packages, want root + 4", len(doc.Packages))
	}
	deps := 0
	for _, r := range doc.Relationships {
		if r.Relationship == "DEPENDS_ON" {
			deps++
		}
	}
	if deps != 4 {
		t.Errorf("got %d DEPENDS_ON relationships, want 3 from the root and 1 from x/text", deps)
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteCycloneDX(&a, testDoc()); err != nil {
		t.Fatal(err)
	}
	if err := WriteCycloneDX(&b, testDoc()); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("same inventory gave different SBOMs")
	}
}

// TestGoldenSBOMsValidate validates the SBOMs the analyzer wrote for the
// per-ecosystem projects (internal/deps/testdata/golden).
func TestGoldenSBOMsValidate(t *testing.T) {
	cdxSchema := compile(t, "testdata/schema/bom-1.6.schema.json", "testdata/schema/spdx.schema.json", "testdata/schema/jsf-0.82.schema.json")
	spdxSchema := compile(t, "testdata/spdx-2.3-subset.schema.json")
	for pattern, s := range map[string]*jsonschema.Schema{"../testdata/golden/*.cdx.json": cdxSchema, "../testdata/golden/*.spdx.json": spdxSchema} {
		files, _ := filepath.Glob(pattern)
		if len(files) == 0 {
			t.Errorf("no files match %s", pattern)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			validate(t, s, b)
		}
	}
}

// TestAIBOM checks that model files become machine-learning-model
// components with their digest and that the result still validates.
func TestAIBOM(t *testing.T) {
	d := testDoc()
	d.Models = []Model{{Name: "fraud.safetensors", Path: "models/fraud.safetensors", Format: "safetensors", SHA256: strings.Repeat("ab", 32)}}
	var buf bytes.Buffer
	if err := WriteCycloneDX(&buf, d); err != nil {
		t.Fatal(err)
	}
	s := compile(t, "testdata/schema/bom-1.6.schema.json", "testdata/schema/spdx.schema.json", "testdata/schema/jsf-0.82.schema.json")
	validate(t, s, buf.Bytes())
	var bom struct {
		Components []struct {
			Type   string
			Name   string
			Hashes []struct{ Alg, Content string }
		}
		Dependencies []struct {
			Ref       string
			DependsOn []string
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &bom); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, c := range bom.Components {
		if c.Type == "machine-learning-model" && c.Name == "fraud.safetensors" && len(c.Hashes) == 1 && c.Hashes[0].Alg == "SHA-256" {
			found = true
		}
	}
	if !found || !strings.Contains(strings.Join(bom.Dependencies[0].DependsOn, " "), "model:models/fraud.safetensors") {
		t.Errorf("model component missing: %s", buf.String())
	}
}
