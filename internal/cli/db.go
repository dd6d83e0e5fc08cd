package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/socyber/codeaudit/internal/deps"
)

func newDBCmd(stdio *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "db",
		Short: "Manage the offline vulnerability database",
	}
	var opts deps.UpdateOptions
	update := &cobra.Command{
		Use:   "update",
		Short: "Download or refresh the OSV advisory database",
		Long: `Download the OSV advisories (one all.zip per ecosystem) into the database
directory, resuming interrupted downloads. Each zip is verified before it
replaces the old one, so a failed update leaves the previous database intact.

This is the only codeaudit command that uses the network. Scans read the
database offline.`,
		Example: "  codeaudit db update\n  codeaudit db update --ecosystem Go --ecosystem PyPI --db ./osv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Dir == "" {
				opts.Dir = deps.DefaultDBDir()
			}
			if err := deps.UpdateDB(cmd.Context(), opts); err != nil {
				return err
			}
			fmt.Fprintf(stdio.Err, "codeaudit: OSV database updated in %s\n", opts.Dir)
			return nil
		},
	}
	update.Flags().StringVar(&opts.Dir, "db", "", "database `DIR` (default: "+deps.DefaultDBDir()+")")
	update.Flags().StringArrayVar(&opts.Ecosystems, "ecosystem", nil, "ecosystem to fetch, e.g. Go, PyPI, npm, Maven, crates.io (repeatable; default: those present, or all common ones)")
	update.Flags().StringVar(&opts.BaseURL, "url", "", "mirror serving <URL>/<Ecosystem>/all.zip (default: the public OSV bucket)")
	cmd.AddCommand(update)
	return cmd
}
