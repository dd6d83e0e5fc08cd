//go:build unix

package source

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func TestWalkSymlinks(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"secret.go": "package secret"})
	root := t.TempDir()
	writeTree(t, root, map[string]string{"real/a.go": "package a", "dir/b.go": "package b"})
	symlink(t, filepath.Join(root, "real", "a.go"), filepath.Join(root, "link-to-file.go"))
	symlink(t, outside, filepath.Join(root, "link-to-outside"))
	symlink(t, "b", filepath.Join(root, "a"))
	symlink(t, "a", filepath.Join(root, "b"))
	symlink(t, "..", filepath.Join(root, "dir", "up"))
	symlink(t, "nowhere", filepath.Join(root, "dangling"))

	done := make(chan struct{})
	var inv *Inventory
	var err error
	go func() {
		inv, err = Walk(context.Background(), Options{Root: root})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Walk did not finish: a link was followed")
	}
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"F dir/b.go",
		"F real/a.go",
		"S a symlink",
		"S b symlink",
		"S dangling symlink",
		"S dir/up symlink",
		"S link-to-file.go symlink",
		"S link-to-outside symlink",
	}
	if diff := cmp.Diff(want, summary(inv)); diff != "" {
		t.Errorf("Walk (-want +got):\n%s", diff)
	}
}

func TestWalkSymlinkedRoot(t *testing.T) {
	real := t.TempDir()
	writeTree(t, real, map[string]string{"a.go": "package a"})
	link := filepath.Join(t.TempDir(), "root")
	symlink(t, real, link)
	inv, err := Walk(context.Background(), Options{Root: link})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.EvalSymlinks(real)
	if inv.Root != want || len(inv.Files) != 1 {
		t.Errorf("Walk(link) = root %q with %d files, want %q with 1", inv.Root, len(inv.Files), want)
	}
}

func TestWalkSpecialFiles(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"a.go": "package a"})
	if err := syscall.Mkfifo(filepath.Join(root, "fifo"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// A FIFO named like an ignore file must not be opened either.
	if err := syscall.Mkfifo(filepath.Join(root, ".gitignore"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var inv *Inventory
	var err error
	go func() {
		inv, err = Walk(context.Background(), Options{Root: root})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Walk blocked on a FIFO")
	}
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"F a.go", "S .gitignore special", "S fifo special"}
	if diff := cmp.Diff(want, summary(inv)); diff != "" {
		t.Errorf("Walk (-want +got):\n%s", diff)
	}

	// A FIFO as the scan root is a skipped entry too, not an error.
	inv, err = Walk(context.Background(), Options{Root: filepath.Join(root, "fifo")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"S fifo special"}, summary(inv)); diff != "" {
		t.Errorf("Walk(fifo) (-want +got):\n%s", diff)
	}
}

// TestOpenRegularFIFO checks the race guard: a FIFO swapped in after the
// listing is opened without blocking and then rejected by Stat.
func TestOpenRegularFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f, err := openRegular(p)
		if err == nil {
			f.Close()
		}
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("openRegular blocked on a FIFO")
	}
}

// unreadableEnv, when set, makes TestWalkUnreadable run its checks in a
// child process started as an unprivileged user (root reads everything).
const unreadableEnv = "CODEAUDIT_SOURCE_UNREADABLE_ROOT"

func TestWalkUnreadable(t *testing.T) {
	if root := os.Getenv(unreadableEnv); root != "" {
		checkUnreadable(t, root)
		return
	}
	base := t.TempDir()
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(base, "tree")
	writeTree(t, root, map[string]string{
		"ok.go":          "package ok",
		"secret.go":      "package secret",
		"locked/x.go":    "package x",
		"locked/y.go":    "package y",
		".gitignore":     "*.log\n",
		"sub/.gitignore": "*.tmp\n",
	})
	for _, p := range []string{"secret.go", "locked", "sub/.gitignore"} {
		if err := os.Chmod(filepath.Join(root, p), 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "locked"), 0o755) })

	if os.Geteuid() != 0 {
		checkUnreadable(t, root)
		return
	}
	// Permissions do not bind root: rerun this test as nobody on a copy of
	// the test binary that nobody may execute.
	exe, err := os.Executable()
	if err != nil {
		t.Skipf("no test binary: %v", err)
	}
	bin := filepath.Join(base, "source.test")
	if err := copyFile(exe, bin); err != nil {
		t.Skipf("copy test binary: %v", err)
	}
	// t.TempDir's own parent is private; open it (it is this test's).
	if err := os.Chmod(filepath.Dir(base), 0o755); err != nil {
		t.Fatal(err)
	}
	for dir := base; dir != "/" && dir != "."; dir = filepath.Dir(dir) {
		if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm()&0o005 != 0o005 {
			t.Skipf("%s is not traversable by an unprivileged user", dir)
		}
	}
	cmd := exec.Command(bin, "-test.run=^TestWalkUnreadable$", "-test.v")
	cmd.Env = append(os.Environ(), unreadableEnv+"="+root)
	cmd.Dir = base
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("unprivileged run failed: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: TestWalkUnreadable") {
		t.Fatalf("unprivileged run did not pass:\n%s", out)
	}
}

func checkUnreadable(t *testing.T, root string) {
	if f, err := os.Open(filepath.Join(root, "secret.go")); err == nil {
		f.Close()
		t.Skip("permissions are not enforced here")
	}
	inv, err := Walk(context.Background(), Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"F .gitignore", "F ok.go", "S locked/ error", "S secret.go error", "S sub/.gitignore error"}
	if diff := cmp.Diff(want, summary(inv)); diff != "" {
		t.Errorf("Walk (-want +got):\n%s", diff)
	}
	for _, s := range inv.Skipped {
		if !strings.Contains(s.Detail, "permission denied") {
			t.Errorf("Skipped %s detail = %q, want the error text", s.Path, s.Detail)
		}
	}

	// An unreadable root is a skipped entry, not an error.
	inv, err = Walk(context.Background(), Options{Root: filepath.Join(root, "locked")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"S ./ error"}, summary(inv)); diff != "" {
		t.Errorf("Walk(locked) (-want +got):\n%s", diff)
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func TestOpenFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.go": "package a", "sub/": ""})
	symlink(t, filepath.Join(dir, "a.go"), filepath.Join(dir, "link"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, ok := range map[string]bool{"a.go": true, "link": false, "fifo": false, "sub": false, "missing": false} {
		f, err := OpenFile(filepath.Join(dir, name))
		if err == nil {
			f.Close()
		}
		if (err == nil) != ok {
			t.Errorf("OpenFile(%s) error = %v, want ok=%v", name, err, ok)
		}
	}
}
