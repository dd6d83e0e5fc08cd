package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/socyber/codeaudit/internal/finding"
)

func TestParseValid(t *testing.T) {
	src := `version: 1
exclude: ["testdata/**", "legacy/"]
scanners: [sast, secrets]
fail-on: high
max-file-size: 2MB
ignore:
  - rule: go.sql.injection
    paths: ["internal/legacy/**"]
    reason: "legacy module, scheduled for removal"
    expires: 2027-01-31
  - fingerprint: 0123abcd
    reason: accepted by risk committee
`
	c, err := Parse(".codeaudit.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Exclude) != 2 || len(c.Scanners) != 2 || c.FailOn != finding.High || c.MaxFileSize != 2<<20 {
		t.Errorf("config = %+v", c)
	}
	if len(c.Ignores) != 2 {
		t.Fatalf("ignores = %+v", c.Ignores)
	}
	ig := c.Ignores[0]
	if ig.Rule != "go.sql.injection" || ig.Source != ".codeaudit.yaml:7" || !ig.Expires.Equal(time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("ignore[0] = %+v", ig)
	}
}

func TestParseErrorsNameLine(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		want      string
	}{
		{"unknown key", "version: 1\nexcludes: [x]\n", 2, "unknown key"},
		{"bad version", "version: 7\n", 1, "version must be 1"},
		{"no reason", "ignore:\n  - rule: x\n", 2, "reason"},
		{"no rule", "ignore:\n  - reason: because\n", 2, "rule or a fingerprint"},
		{"bad date", "ignore:\n  - rule: x\n    reason: y\n    expires: soon\n", 4, "not a date"},
		{"bad severity", "fail-on: severe\n", 1, "fail-on"},
		{"syntax", "version: 1\nexclude: x\n  bad: y\n", 3, "mapping values"},
		{"not a mapping", "- a\n- b\n", 1, "mapping"},
		{"bad size", "max-file-size: huge\n", 1, "size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.src))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if ce.Line != tt.line || !strings.Contains(ce.Msg, tt.want) || ce.File != "c.yaml" {
				t.Errorf("err = %q (line %d), want line %d containing %q", err, ce.Line, tt.line, tt.want)
			}
		})
	}
}

func TestEmptyAndFind(t *testing.T) {
	if c, err := Parse("x", []byte("  \n")); err != nil || c.Version != 1 {
		t.Errorf("empty config: %v %+v", err, c)
	}
	dir := t.TempDir()
	if Find(dir) != "" {
		t.Error("Find in empty dir")
	}
	p := filepath.Join(dir, ".codeaudit.yml")
	os.WriteFile(p, []byte("version: 1\n"), 0o644)
	if Find(dir) != p {
		t.Errorf("Find = %q", Find(dir))
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("Load of missing file succeeded")
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"5MB": 5 << 20, "512kb": 512 << 10, "100": 100, "1.5M": 3 << 19, "0": -1, "unlimited": -1, "2GiB": 2 << 30} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-5MB", "five"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("version: 1\nignore:\n  - rule: x\n    reason: y\n"))
	f.Add([]byte("exclude: [a, b]\nfail-on: high\n"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Parse("fuzz.yaml", data)
	})
}
