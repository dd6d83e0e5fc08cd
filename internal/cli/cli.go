// Package cli implements the codeaudit command line with cobra. It turns
// flags into options for the engine, the analyzers and the report writers,
// and maps outcomes to the documented exit codes:
//
//	0  scan completed, nothing at or above --fail-on
//	1  findings at or above --fail-on
//	2  bad usage or bad input (missing path, invalid config, rule or baseline file)
//	3  internal failure (or the scan was interrupted)
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/analyzer/list"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
	ExitInternal = 3
)

// exitError carries an exit code with an error to print.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks bad usage or bad input: exit 2.
func usageError(err error) error { return &exitError{ExitUsage, err} }

func usageErrorf(format string, args ...any) error {
	return usageError(fmt.Errorf(format, args...))
}

// IO is where a command reads and writes; tests replace it.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
	// IsTerminal reports whether the file descriptor behind w is a TTY.
	IsTerminal func(w io.Writer) bool

	// analyzers replaces the registry in tests.
	analyzers func(list.Options) ([]analyzer.Analyzer, error)
}

func (stdio *IO) allAnalyzers(o list.Options) ([]analyzer.Analyzer, error) {
	if stdio.analyzers != nil {
		return stdio.analyzers(o)
	}
	return list.All(o)
}

// Main runs the command line and returns the exit code.
func Main(ctx context.Context, args []string, stdio IO) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stdio.Err, "codeaudit: internal error: %v\nPlease report this with the command you ran.\n", r)
			code = ExitInternal
		}
	}()
	if stdio.Getenv == nil {
		stdio.Getenv = os.Getenv
	}
	if stdio.IsTerminal == nil {
		stdio.IsTerminal = func(io.Writer) bool { return false }
	}
	root := newRootCmd(&stdio)
	root.SetArgs(args)
	root.SetIn(stdio.In)
	root.SetOut(stdio.Out)
	root.SetErr(stdio.Err)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err != errFindings && ee.err != errRulesFailed {
			fmt.Fprintf(stdio.Err, "codeaudit: %v\n", ee.err)
		}
		return ee.code
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stdio.Err, "codeaudit: scan interrupted")
		return ExitInternal
	}
	// Errors cobra raises itself (unknown flag, bad argument count) are
	// usage errors.
	fmt.Fprintf(stdio.Err, "codeaudit: %v\nRun 'codeaudit --help' for usage.\n", err)
	return ExitUsage
}

// errFindings signals exit code 1 without a message.
var errFindings = errors.New("findings at or above --fail-on")

func newRootCmd(stdio *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "codeaudit",
		Short: "Secure code audit: SAST, secrets, dependencies, CI/CD pipelines and AI models",
		Long: `codeaudit scans a repository for security problems: injection flaws traced
from input to dangerous calls, hardcoded secrets, vulnerable dependencies,
insecure CI/CD pipelines and malicious AI model files. Every finding comes
with a severity, one CWE, OWASP Top 10 categories, a code snippet and a fix.

It works offline, never runs the code it scans and never sends data anywhere.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Example: `  codeaudit scan .
  codeaudit scan --format sarif --output results.sarif --fail-on high ./service
  codeaudit rules list`,
	}
	root.AddCommand(newScanCmd(stdio), newRulesCmd(stdio), newDBCmd(stdio), newReportCmd(stdio), newVersionCmd(stdio))
	return root
}
