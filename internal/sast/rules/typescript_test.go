package rules_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// annotation matches a fixture annotation and captures its kind and ids.
var annotation = regexp.MustCompile(`(?:^|\s)(ruleid|ok):\s*([A-Za-z0-9_.,/ -]+)`)

// TestTypeScriptFixtures makes the TypeScript column of the coverage table
// honest: every rule that lists typescript among its languages must have at
// least two ruleid and two ok cases in .ts or .tsx fixtures. Whether those
// cases pass is checked by TestBuiltinPacks, which runs every rule over
// every fixture.
func TestTypeScriptFixtures(t *testing.T) {
	ruleid := map[string]int{}
	ok := map[string]int{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".ts") || strings.HasSuffix(p, ".tsx")) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			m := annotation.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, id := range strings.Split(m[2], ",") {
				id = strings.ToLower(strings.TrimSpace(id))
				if m[1] == "ruleid" {
					ruleid[id]++
				} else {
					ok[id]++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for id, m := range packMetadata(t) {
		if !slices.Contains(m.Languages, "typescript") && !slices.Contains(m.Languages, "ts") {
			continue
		}
		n++
		if ruleid[id] < 2 || ok[id] < 2 {
			t.Errorf("%s: %d ruleid / %d ok cases in TypeScript fixtures (need 2 of each)", id, ruleid[id], ok[id])
		}
	}
	if n < 40 {
		t.Errorf("%d rules cover TypeScript, want at least 40", n)
	}
}
