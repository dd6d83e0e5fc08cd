package source

import (
	"os"
	"strings"
	"testing"
)

// TestDocsMatchCode fails when docs/discovery.md stops naming what the code
// skips, so the user-facing lists cannot drift from the tables.
func TestDocsMatchCode(t *testing.T) {
	doc, err := os.ReadFile("../../docs/discovery.md")
	if err != nil {
		t.Skipf("docs not found: %v", err)
	}
	text := string(doc)
	var names []string
	for d := range vendoredDirs {
		names = append(names, "`"+d+"`")
	}
	for d := range frameworkOutputDirs {
		names = append(names, "`"+d+"`")
	}
	for d := range vcsDirs {
		names = append(names, "`"+d+"`")
	}
	for _, s := range generatedSuffixes {
		names = append(names, "`*"+s+"`")
	}
	for _, s := range minifiedSuffixes {
		names = append(names, "`*"+s+"`")
	}
	for _, n := range names {
		if !strings.Contains(text, n) {
			t.Errorf("docs/discovery.md does not mention %s", n)
		}
	}
}
