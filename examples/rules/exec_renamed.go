//go:build ignore

// os/exec under another name, and a package that only looks like it.
package example

import (
	proc "os/exec"

	exe "example.com/tools/exe"
)

func run(userCmd string) {
	// ruleid: examples.go-exec
	proc.Command(userCmd, "-x")
	// ruleid: examples.go-exec
	cmd := proc.
		Command(
			userCmd)
	_ = cmd
	// ok: examples.go-exec
	proc.Command("ls")
	// ok: examples.go-exec
	exe.Command(userCmd)
}
