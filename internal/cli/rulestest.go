package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/socyber/codeaudit/internal/sast"
)

// errRulesFailed signals exit 1 from `rules test` after its own report.
var errRulesFailed = errors.New("rule tests failed")

func newRulesTestCmd(stdio *IO) *cobra.Command {
	var extra []string
	cmd := &cobra.Command{
		Use:   "test DIR",
		Short: "Test rules against annotated fixtures",
		Long: `Load the rule files (*.yaml, *.yml) below DIR and run them over the other
files below DIR, Semgrep's layout: foo.yaml next to foo.py, foo.go, foo.java ...

In the fixtures, a comment "ruleid: RULE-ID" means the next code line must be
reported by that rule, and "ok: RULE-ID" means it must not be. Every mismatch
is listed, and so is every rule with fewer than two cases of each kind.

Exit code 0 when all expectations hold, 1 when some do not, 2 when a rule
file is invalid.`,
		Example: "  codeaudit rules test ./my-rules",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return usageErrorf("%s: not a directory", dir)
			}
			rep, rules, err := sast.TestRules(cmd.Context(), dir, extra...)
			if err != nil {
				return usageError(err)
			}
			for _, m := range rep.Mismatches {
				fmt.Fprintln(stdio.Out, m.String())
			}
			gaps := rep.Coverage(rules)
			for _, g := range gaps {
				fmt.Fprintln(stdio.Out, "coverage: "+g)
			}
			for _, w := range rep.Warnings {
				fmt.Fprintln(stdio.Err, "warning: "+w)
			}
			fmt.Fprintf(stdio.Out, "%d rules, %d fixture files, %d mismatches, %d coverage gaps\n", len(rules), rep.Files, len(rep.Mismatches), len(gaps))
			if len(rep.Mismatches) > 0 || len(gaps) > 0 {
				return &exitError{ExitFindings, errRulesFailed}
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&extra, "rules", nil, "also load rules from `FILE` (repeatable)")
	return cmd
}
