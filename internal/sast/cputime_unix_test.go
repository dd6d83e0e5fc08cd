//go:build unix

package sast

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the process has used
// so far, over all its threads, garbage collection included.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
