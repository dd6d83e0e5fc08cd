package cli

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/socyber/codeaudit/internal/analyzer/list"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/suppress"
)

func newRulesCmd(stdio *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List and test rules",
	}
	cmd.AddCommand(newRulesListCmd(stdio), newRulesTestCmd(stdio))
	return cmd
}

func newRulesListCmd(stdio *IO) *cobra.Command {
	var format string
	var opts list.Options
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every rule codeaudit can report",
		Long: `List the rules of every analyzer with their id, severity, confidence, CWE and
title. With --format json, print {"rules": [...]} with the full metadata of
each rule (languages, description, remediation, references, tags).`,
		Example: "  codeaudit rules list\n  codeaudit rules list --format json | jq '.rules[].id'",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			all, err := stdio.allAnalyzers(opts)
			if err != nil {
				return usageError(err)
			}
			rules := []finding.Rule{suppress.InvalidRule}
			for _, a := range all {
				rules = append(rules, a.Rules()...)
			}
			slices.SortFunc(rules, func(a, b finding.Rule) int { return strings.Compare(a.ID, b.ID) })
			switch format {
			case "json":
				enc := json.NewEncoder(stdio.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(struct {
					Rules []finding.Rule `json:"rules"`
				}{rules})
			case "text":
				tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tSEVERITY\tCONFIDENCE\tCWE\tANALYZER\tTITLE")
				for _, r := range rules {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Confidence, r.CWE, r.Analyzer, r.Title)
				}
				if err := tw.Flush(); err != nil {
					return err
				}
				fmt.Fprintf(stdio.Out, "\n%d rules\n", len(rules))
				return nil
			}
			return usageErrorf("--format: unknown format %q (valid: text, json)", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	addAnalyzerFlags(cmd.Flags(), &opts)
	return cmd
}
