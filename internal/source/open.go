package source

import (
	"fmt"
	"os"
)

// OpenFile opens an inventory file for reading the way discovery does: a
// symbolic link swapped in for the file since the walk is not followed, a
// FIFO does not block, and anything but a regular file is refused. Readers
// of File.Abs should use it rather than os.Open.
func OpenFile(abs string) (*os.File, error) {
	f, err := openRegular(abs)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("open %s: not a regular file (%s)", abs, st.Mode().Type())
	}
	return f, nil
}
