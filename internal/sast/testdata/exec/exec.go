//go:build ignore

package p

import (
	"os/exec"
	run "os/exec"
)

func f(cmd string) {
	// ruleid: test.go-exec
	exec.Command(cmd)
	// ruleid: test.go-exec
	run.Command(
		cmd,
		"-x",
	)
	// ok: test.go-exec
	exec.Command("ls", "-l")
	// ok: test.go-exec
	run.Command(`ls`)
	// ok: test.go-exec
	other.Command(cmd)
}
