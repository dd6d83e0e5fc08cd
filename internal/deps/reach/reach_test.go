package reach

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
)

// Fixture advisories of our own against the standard library, affecting
// every version so the local toolchain's version matters not.
var entries = map[string][]byte{
	"GO-FIXTURE-0001": []byte(`{"id":"GO-FIXTURE-0001","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"name":"stdlib","ecosystem":"Go"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}],"ecosystem_specific":{"imports":[{"path":"net/url","symbols":["Parse"]}]}}]}`),
	"GO-FIXTURE-0002": []byte(`{"id":"GO-FIXTURE-0002","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"name":"stdlib","ecosystem":"Go"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}],"ecosystem_specific":{"imports":[{"path":"archive/tar","symbols":["Reader.Next"]}]}}]}`),
}

func TestAnalyze(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	if testing.Short() {
		t.Skip("loads packages with the go command")
	}
	dir, _ := filepath.Abs("testdata/app")
	res, err := Analyze(context.Background(), dir, entries)
	if err != nil {
		t.Fatal(err)
	}
	frames, ok := res.Reachable["GO-FIXTURE-0001"]
	if !ok {
		t.Fatalf("url.Parse call not found reachable: %+v", res)
	}
	if len(frames) < 2 || frames[0].Function != "example.com/app.main" || filepath.Base(frames[0].File) != "main.go" || frames[0].Line != 11 {
		t.Errorf("frames = %+v, want main.main at main.go:11 first", frames)
	}
	if _, ok := res.Reachable["GO-FIXTURE-0002"]; ok {
		t.Error("archive/tar advisory reported reachable")
	}
}

func TestAnalyzeFailsWithoutModule(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	if _, err := Analyze(context.Background(), t.TempDir(), entries); err == nil {
		t.Error("no error for a directory without a module")
	}
}
