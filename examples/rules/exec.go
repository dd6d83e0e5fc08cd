//go:build ignore

// The plain import of os/exec.
package example

import (
	"context"
	"os/exec"
)

func run(ctx context.Context, userCmd string) {
	// ruleid: examples.go-exec
	exec.Command(userCmd)
	// ruleid: examples.go-exec
	exec.Command(
		userCmd,
		"-v",
	)
	// ruleid: examples.go-exec
	_ = exec.Command("sh" + userCmd).Run()
	// ok: examples.go-exec
	exec.Command("ls", "-l")
	// ok: examples.go-exec
	exec.Command(`ls`)
	// ok: examples.go-exec
	exec.Command("l"+"s", "-a")
	// ok: examples.go-exec
	exec.CommandContext(ctx, userCmd)
}
