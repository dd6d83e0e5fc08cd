package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/socyber/codeaudit/internal/version"
)

func newVersionCmd(stdio *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the codeaudit version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(stdio.Out, "codeaudit %s %s/%s %s\n", version.String(), runtime.GOOS, runtime.GOARCH, runtime.Version())
			return nil
		},
	}
}
