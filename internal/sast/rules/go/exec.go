//go:build ignore

package fixtures

import (
	"context"
	"os"
	"os/exec"
	ex "os/exec"
)

func run(ctx context.Context, name, dir string, args []string) {
	// ruleid: go.lang.exec-non-constant-command
	exec.Command(name, args...)
	// ruleid: go.lang.exec-non-constant-command
	ex.Command(
		os.Getenv("TOOL"),
		"--verbose",
	)
	// ruleid: go.lang.exec-non-constant-command
	exec.CommandContext(ctx, dir+"/bin/tool")
	// ok: go.lang.exec-non-constant-command
	exec.Command("ls", "-l", dir)
	// ok: go.lang.exec-non-constant-command
	exec.CommandContext(ctx, `git`, "status")
	// ok: go.lang.exec-non-constant-command
	exec.Command("/usr/" + "bin/id")
	// ok: go.lang.exec-shell-non-constant-script
	exec.Command("sh", "-c", "ls -l | wc -l")
	tool := "git"
	// ok: go.lang.exec-non-constant-command
	exec.Command(tool, "status")
	shell := "/bin/sh"
	shell = os.Getenv("SHELL")
	// ruleid: go.lang.exec-non-constant-command
	exec.Command(shell, "-l")
	// ok: go.lang.exec-shell-non-constant-script
	exec.Command("git", "-c", name)
	// ruleid: go.lang.exec-shell-non-constant-script
	exec.Command("sh", "-c", "tar xf "+name)
	// ruleid: go.lang.exec-shell-non-constant-script
	ex.CommandContext(ctx, "/bin/bash", "-c", args[0])
}
