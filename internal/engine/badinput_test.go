package engine

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/socyber/codeaudit/internal/source"
)

// TestBadInputNeverStopsScan puts every kind of hostile entry next to one
// ordinary file: the scan must finish, report the ordinary finding and
// skip the rest without error.
func TestBadInputNeverStopsScan(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "ok.go", "package ok\nSINK(x)\n")
	// A 2 GB file that takes no disk space.
	big, err := os.Create(filepath.Join(dir, "huge.go"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(2 << 30); err != nil {
		t.Skipf("sparse files not supported: %v", err)
	}
	big.Close()
	// A FIFO: opening it would block forever.
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.go"), 0o644); err != nil {
		t.Logf("no FIFO: %v", err)
	}
	// A symlink loop and a link out of the root.
	os.Symlink("loop-b", filepath.Join(dir, "loop-a"))
	os.Symlink("loop-a", filepath.Join(dir, "loop-b"))
	os.Symlink("..", filepath.Join(dir, "parent"))
	os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.go"))
	// Invalid UTF-8 and binary garbage with a source extension.
	write(t, dir, "latin1.py", "# caf\xe9\nSINK(\xff\xfe)\n")
	write(t, dir, "garbage.py", "\x00\x01\x02SINK\x00")
	// An unreadable file (root can still read it; the scan must not care).
	write(t, dir, "secret.go", "package s\nSINK(y)\n")
	os.Chmod(filepath.Join(dir, "secret.go"), 0)

	r := run(t, dir, Options{}, newLineRule("SINK"))
	got := map[string]bool{}
	for _, f := range r.Findings {
		got[f.Location.Path] = true
	}
	if !got["ok.go"] || !got["latin1.py"] {
		t.Errorf("ordinary findings missing: %v (warnings %+v)", got, r.Warnings)
	}
	if got["huge.go"] || got["garbage.py"] || got["passwd.go"] {
		t.Errorf("findings in files that must be skipped: %v", got)
	}
	if r.Stats.FilesSkipped[source.SkipOversize] != 1 {
		t.Errorf("skipped = %v", r.Stats.FilesSkipped)
	}
}
