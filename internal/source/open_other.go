//go:build !unix

package source

import (
	"fmt"
	"os"
)

// openRegular opens a file for reading after checking, without following
// links, that it is a regular file. (Unlike the Unix version this leaves a
// window between the check and the open.)
func openRegular(name string) (*os.File, error) {
	fi, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("open %s: not a regular file", name)
	}
	return os.Open(name)
}

// openDir opens a directory for listing after checking, without following
// links, that it is one.
func openDir(name string) (*os.File, error) {
	fi, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("open %s: not a directory", name)
	}
	return os.Open(name)
}
