//go:build !unix

package sast

import "time"

// processCPU is not measured on this system: the CPU metric reads 0.
func processCPU() time.Duration { return 0 }
