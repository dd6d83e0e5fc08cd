//go:build unix

package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteReportToPipe checks that -o naming a device or pipe writes into
// it instead of renaming a regular file over it (run as root, -o /dev/null
// used to replace /dev/null for the whole machine).
func TestWriteReportToPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := writeFileAtomic(fifo, func(w io.Writer) error {
		_, err := io.WriteString(w, "report\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "report\n" {
		t.Errorf("reader got %q", s)
	}
	st, err := os.Lstat(fifo)
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v, %v", st.Mode(), err)
	}
	if err := writeFileAtomic(filepath.Dir(fifo), func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "writing") {
		t.Errorf("writing to a directory: %v", err)
	}
}
