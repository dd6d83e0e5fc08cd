package json

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/result"
)

// jsonFields returns the JSON names of every field reachable from t.
func jsonFields(t reflect.Type, seen map[reflect.Type]bool, out map[string]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] || t == reflect.TypeFor[time.Time]() {
		return
	}
	seen[t] = true
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		out[name] = true
		jsonFields(f.Type, seen, out)
	}
}

// TestDocsAndSchemaCoverEveryField fails when a field is added to the
// result types without being documented and described by the schema.
func TestDocsAndSchemaCoverEveryField(t *testing.T) {
	fields := map[string]bool{}
	jsonFields(reflect.TypeFor[result.Result](), map[reflect.Type]bool{}, fields)
	docs, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "json-output.md"))
	if err != nil {
		t.Fatal(err)
	}
	schema, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	for name := range fields {
		if !strings.Contains(string(docs), "| `"+name+"` |") {
			t.Errorf("docs/json-output.md does not document field %q", name)
		}
		if !strings.Contains(string(schema), `"`+name+`":`) {
			t.Errorf("%s does not describe field %q", schemaPath, name)
		}
	}
}
