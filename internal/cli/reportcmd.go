package cli

import (
	"context"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/socyber/codeaudit/internal/atomicfile"
	"github.com/socyber/codeaudit/internal/evidence"
	jsonreport "github.com/socyber/codeaudit/internal/report/json"
	"github.com/socyber/codeaudit/internal/report/management"
	"github.com/socyber/codeaudit/internal/result"
)

// reportFlags are shared by `report management` and `report evidence`.
type reportFlags struct {
	scan   scanFlags
	from   string
	output string
	org    string
	app    string
	date   string
	sla    string
}

func (rf *reportFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&rf.from, "from", "", "read a saved result (`FILE` from scan --format json) instead of scanning")
	f.StringVarP(&rf.output, "output", "o", "", "write to `FILE` instead of standard output")
	f.StringVar(&rf.org, "org", "", "organisation named on the report")
	f.StringVar(&rf.app, "app", "", "application named on the report (default: the scanned path)")
	f.StringVar(&rf.date, "date", "", "report `DATE` (YYYY-MM-DD) target dates count from (default: the scan's date)")
	f.StringVar(&rf.sla, "sla", "", "remediation days per severity, e.g. `critical=7,high=30,medium=90,low=120`")
	addScanFlags(f, &rf.scan)
}

// load scans PATH or reads --from.
func (rf *reportFlags) load(ctx context.Context, stdio *IO, cmd *cobra.Command, args []string) (*result.Result, error) {
	if rf.from != "" {
		if len(args) > 0 {
			return nil, usageErrorf("give either PATH or --from, not both")
		}
		f, err := os.Open(rf.from)
		if err != nil {
			return nil, usageErrorf("--from: %v", err)
		}
		defer f.Close()
		res, err := jsonreport.Read(f)
		if err != nil {
			return nil, usageErrorf("--from %s: %v", rf.from, err)
		}
		return res, nil
	}
	target := "."
	if len(args) == 1 {
		target = args[0]
	}
	if err := checkOutput(rf.output); err != nil {
		return nil, err
	}
	sc, err := executeScan(ctx, stdio, cmd, &rf.scan, target, rf.output == "")
	if err != nil {
		return nil, err
	}
	return sc.res, nil
}

func (rf *reportFlags) managementOptions(res *result.Result) (management.Options, error) {
	opts := management.Options{Organisation: rf.org, Application: rf.app}
	if opts.Application == "" {
		opts.Application = res.Target
	}
	if rf.date != "" {
		d, err := time.Parse(time.DateOnly, rf.date)
		if err != nil {
			return opts, usageErrorf("--date: %q is not a date like 2026-12-31", rf.date)
		}
		opts.Now = d
	}
	if rf.sla != "" {
		sla, err := management.ParseSLA(rf.sla)
		if err != nil {
			return opts, usageErrorf("--sla: %v", err)
		}
		opts.SLADays = sla
	}
	return opts, nil
}

// output writes through write to --output (atomically) or to stdout.
// Binary formats refuse a terminal.
func (rf *reportFlags) write(stdio *IO, binary bool, write func(io.Writer) error) error {
	if rf.output == "" {
		if binary && stdio.IsTerminal(stdio.Out) {
			return usageErrorf("refusing to write binary output to a terminal; use --output FILE")
		}
		return write(stdio.Out)
	}
	return atomicfile.Write(rf.output, write)
}

func newReportCmd(stdio *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Management report and auditor evidence pack",
	}
	cmd.AddCommand(newManagementCmd(stdio), newEvidenceCmd(stdio))
	return cmd
}

func newManagementCmd(stdio *IO) *cobra.Command {
	var rf reportFlags
	var format string
	cmd := &cobra.Command{
		Use:   "management [PATH]",
		Short: "Write the management report (HTML or PDF)",
		Long: `Scan PATH (default: the current directory), or read a saved JSON result with
--from, and write the management report: executive summary and overall risk
rating, risk metrics (density per KLOC, severity distribution, findings by
category and component), the compliance and regulatory overview (OWASP Top 10,
CWE Top 25, ASVS, PCI DSS, DORA, NIS2, GDPR, SOC 2, HIPAA, EU AI Act) and a
now / next / later remediation roadmap with target dates.

The compliance overview is evidence for an assessment, not a certification:
a control with no active rules is "not assessed", never "pass".`,
		Example: `  codeaudit report management . --format pdf -o management.pdf --org "Example Bank"
  codeaudit scan . --format json -o result.json && codeaudit report management --from result.json -o management.html`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format = strings.ToLower(format)
			if format != management.FormatHTML && format != management.FormatPDF {
				return usageErrorf("--format: unknown format %q (valid: %s)", format, strings.Join(management.Formats, ", "))
			}
			res, err := rf.load(cmd.Context(), stdio, cmd, args)
			if err != nil {
				return err
			}
			opts, err := rf.managementOptions(res)
			if err != nil {
				return err
			}
			rep, err := management.Build(res, opts)
			if err != nil {
				return err
			}
			return rf.write(stdio, format == management.FormatPDF, func(w io.Writer) error {
				return management.Write(w, rep, format)
			})
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", management.FormatHTML, "html or pdf")
	rf.add(cmd)
	return cmd
}

func newEvidenceCmd(stdio *IO) *cobra.Command {
	var rf reportFlags
	cmd := &cobra.Command{
		Use:   "evidence [PATH]",
		Short: "Write the auditor's evidence pack (zip)",
		Long: `Scan PATH (default: the current directory), or read a saved JSON result with
--from, and write a zip an auditor can keep as evidence of exactly what was
run: the JSON and SARIF results, the technical (HTML) and management (HTML
and PDF) reports, the rule set with a digest per rule, scan metadata (tool
version, time, scope, database age) and MANIFEST.sha256, checkable with
sha256sum -c.`,
		Example: "  codeaudit report evidence . -o evidence-2026-11-25.zip --org \"Example Bank\"",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := rf.load(cmd.Context(), stdio, cmd, args)
			if err != nil {
				return err
			}
			mopts, err := rf.managementOptions(res)
			if err != nil {
				return err
			}
			opts := evidence.Options{Management: mopts, Date: mopts.Now, Command: "codeaudit " + strings.Join(os.Args[1:], " ")}
			for _, ds := range res.DataSources {
				opts.Databases = append(opts.Databases, evidence.Database{Name: ds.Name, Source: ds.Analyzer, Updated: ds.FetchedAt})
			}
			if rf.scan.configFile != "" {
				opts.Config = rf.scan.configFile
			}
			return rf.write(stdio, true, func(w io.Writer) error {
				return evidence.Write(w, res, opts)
			})
		},
	}
	rf.add(cmd)
	return cmd
}
