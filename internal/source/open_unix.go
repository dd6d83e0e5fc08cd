//go:build unix

package source

import (
	"os"
	"syscall"
)

// openRegular opens a file for reading without following a symbolic link
// in its last component (it may have been swapped in since the directory
// was listed) and without blocking on a FIFO. Callers check with Stat that
// they got a regular file.
func openRegular(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}

// openDir opens a directory for listing without following a symbolic link
// in its last component.
func openDir(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_DIRECTORY, 0)
}
