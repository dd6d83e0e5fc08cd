package source

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIgnoreSetMatch(t *testing.T) {
	var s ignoreSet
	root, _ := parseIgnore([]byte("*.log\n!keep.log\nbuild/\n/top.txt\ndocs/**/x.md\n\\#hash\n  \n# c\ntrailing   \nout/**\n!out/keep\n"), 0, ".gitignore")
	sub, _ := parseIgnore([]byte("\ufeff!*.log\nlocal/\n"), 1, "sub/.gitignore")
	s.layers[layerGit] = append(root, sub...)
	tests := []struct {
		path  string
		isDir bool
		want  string // the rule's source and text, "" when not ignored
	}{
		{"a.log", false, ".gitignore:1 *.log"},
		{"keep.log", false, ""},
		{"build", true, ".gitignore:3 build/"},
		{"build", false, ""},
		{"x/build", true, ".gitignore:3 build/"},
		{"top.txt", false, ".gitignore:4 /top.txt"},
		{"x/top.txt", false, ""},
		{"docs/x.md", false, ".gitignore:5 docs/**/x.md"},
		{"docs/a/b/x.md", false, ".gitignore:5 docs/**/x.md"},
		{"x/docs/x.md", false, ""},
		{"#hash", false, ".gitignore:6 \\#hash"},
		{"trailing", false, ".gitignore:9 trailing   "},
		{"out", true, ""},
		{"out/x.js", false, ".gitignore:10 out/**"},
		{"out/keep", false, ""},
		{"sub/a.log", false, ""},
		{"sub/local", true, "sub/.gitignore:2 local/"},
		{"local", true, ""}, // sub/.gitignore rules are in scope only below sub
	}
	for _, tt := range tests {
		r, ignored := s.match(strings.Split(tt.path, "/"), tt.isDir)
		got := ""
		if ignored {
			got = r.source + " " + r.text
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("match(%q, dir=%v) (-want +got):\n%s", tt.path, tt.isDir, diff)
		}
	}
}

func TestParseIgnoreLimits(t *testing.T) {
	many := strings.Repeat("x\n", maxIgnorePatterns+5)
	rules, truncated := parseIgnore([]byte(many), 0, "big")
	if len(rules) != maxIgnorePatterns || !truncated {
		t.Errorf("parseIgnore(%d patterns) = %d rules, truncated=%v", maxIgnorePatterns+5, len(rules), truncated)
	}
	long := strings.Repeat("a", maxPatternLength+1) + "\nb\n"
	rules, _ = parseIgnore([]byte(long), 0, "long")
	if len(rules) != 1 || rules[0].text != "b" {
		t.Errorf("parseIgnore(long line) kept %d rules", len(rules))
	}
}

// FuzzIgnore feeds arbitrary ignore-file content and paths to the matcher:
// it must never panic.
func FuzzIgnore(f *testing.F) {
	f.Add([]byte("*.log\n!keep.log\nbuild/\n/top\n**/x/**\n[a-\n\\!x\n"), "a/b/keep.log", true)
	f.Add([]byte("!\n/\n**\n***\n/**/\n\\\n[\n"), "x", false)
	f.Add([]byte("a/**/b/\n!a/**\n"), "a/c/b", true)
	f.Fuzz(func(t *testing.T, content []byte, path string, isDir bool) {
		var s ignoreSet
		root, _ := parseIgnore(content, 0, "root")
		sub, _ := parseIgnore(content, 1, "sub")
		s.layers[layerGit] = root
		s.layers[layerCodeaudit] = sub
		comps := strings.Split(path, "/")
		s.match(comps, isDir)
		s.match(append([]string{"sub"}, comps...), isDir)
		_ = CheckPattern(path)
	})
}

// FuzzWalkIgnore writes arbitrary .gitignore and .codeauditignore content
// into a small tree and walks it: never a panic, never an error, and every
// entry either kept or skipped exactly once.
func FuzzWalkIgnore(f *testing.F) {
	f.Add([]byte("*.go\n!keep.go\nsub/\n"), []byte("!sub/\n"))
	f.Add([]byte("/**\n!**/\n"), []byte("[\n\\\n"))
	f.Add([]byte("\xef\xbb\xbf#x\r\n*\r\n"), []byte(""))
	f.Fuzz(func(t *testing.T, gitignore, codeauditignore []byte) {
		root := t.TempDir()
		writeTree(t, root, map[string]string{
			".gitignore":           string(gitignore),
			"sub/.codeauditignore": string(codeauditignore),
			"keep.go":              "package keep",
			"a.txt":                "a",
			"sub/b.go":             "package b",
			"sub/deep/c.py":        "c = 1",
		})
		inv, err := Walk(context.Background(), Options{Root: root, Exclude: []string{string(codeauditignore)}})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, f := range inv.Files {
			if seen[f.Path] {
				t.Fatalf("%s listed twice", f.Path)
			}
			seen[f.Path] = true
		}
		for _, s := range inv.Skipped {
			if seen[s.Path] {
				t.Fatalf("%s listed twice", s.Path)
			}
			seen[s.Path] = true
		}
	})
}
