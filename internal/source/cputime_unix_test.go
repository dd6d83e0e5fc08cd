//go:build unix

package source

import (
	"syscall"
	"time"
)

// processCPUTime is the user plus system CPU time of this process, so that
// benchmarks on a shared machine can report CPU cost next to wall time.
func processCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
