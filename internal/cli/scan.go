package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/socyber/codeaudit/internal/analyzer/list"
	"github.com/socyber/codeaudit/internal/atomicfile"
	"github.com/socyber/codeaudit/internal/config"
	"github.com/socyber/codeaudit/internal/engine"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/progress"
	"github.com/socyber/codeaudit/internal/report"
	"github.com/socyber/codeaudit/internal/result"
	"github.com/socyber/codeaudit/internal/secrets"
	"github.com/socyber/codeaudit/internal/source"
	"github.com/socyber/codeaudit/internal/suppress"
)

type scanFlags struct {
	format         string
	output         string
	failOn         string
	scanners       []string
	jobs           int
	maxFileSize    string
	exclude        []string
	includeVendor  bool
	includeGen     bool
	includeMin     bool
	includeBinary  bool
	noIgnore       bool
	configFile     string
	baseline       string
	quiet          bool
	verbose        bool
	noColor        bool
	noProgress     bool
	showSuppressed bool
	fileTimeout    time.Duration
	analyzers      list.Options
}

func newScanCmd(stdio *IO) *cobra.Command {
	var fl scanFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH]",
		Short: "Scan a directory or file for security problems",
		Long: `Scan PATH (default: the current directory) with every scanner, or those
named by --scanners, and report the findings.

Discovery honours .gitignore and .codeauditignore files, skips .git, vendored
and generated code, minified bundles, binary and oversized files (each
switchable below), and never follows symbolic links. A .codeaudit.yaml in
PATH adds exclusions, defaults and ignore entries (docs/configuration.md).

Exit codes: 0 no findings at or above --fail-on (default: never fail),
1 findings at or above --fail-on, 2 bad usage or input, 3 internal failure.`,
		Example: `  codeaudit scan
  codeaudit scan ./service --scanners sast,secrets
  codeaudit scan . --format sarif -o codeaudit.sarif
  codeaudit scan . --format json -o baseline.json && codeaudit scan . --baseline baseline.json --fail-on high`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			target := "."
			if len(args) == 1 {
				target = args[0]
			}
			return runScan(cmd.Context(), stdio, cmd, &fl, target)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&fl.format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVarP(&fl.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&fl.failOn, "fail-on", "", "exit 1 when a finding is at or above `SEVERITY` (critical, high, medium, low, info); default: never")
	f.BoolVar(&fl.noColor, "no-color", false, "never colour the text output (NO_COLOR is honoured too)")
	f.BoolVar(&fl.showSuppressed, "show-suppressed", false, "list suppressed findings in text, markdown and html output")
	addScanFlags(f, &fl)
	return cmd
}

// addScanFlags declares what selects and tunes a scan: shared by `scan`
// and the `report` commands that scan before reporting.
func addScanFlags(f *pflag.FlagSet, fl *scanFlags) {
	f.StringSliceVar(&fl.scanners, "scanners", nil, "comma-separated scanners to run: sast, secrets, deps, pipeline, models (default: all)")
	f.IntVarP(&fl.jobs, "jobs", "j", 0, "number of files analysed in parallel (default: number of CPUs)")
	f.StringVar(&fl.maxFileSize, "max-file-size", "", "skip files larger than `SIZE`, e.g. 5MB (default 5MB; 0 for no limit)")
	f.StringArrayVar(&fl.exclude, "exclude", nil, "leave out paths matching a gitignore-style `PATTERN` (repeatable)")
	f.BoolVar(&fl.includeVendor, "include-vendored", false, "scan vendored code (vendor/, node_modules/, third_party/ ...)")
	f.BoolVar(&fl.includeGen, "include-generated", false, "scan generated code (files marked \"Code generated ... DO NOT EDIT\" and the like)")
	f.BoolVar(&fl.includeMin, "include-minified", false, "scan minified bundles (*.min.js and very long lines)")
	f.BoolVar(&fl.includeBinary, "include-binary", false, "offer binary files to every analyzer")
	f.BoolVar(&fl.noIgnore, "no-ignore", false, "do not honour .gitignore and .codeauditignore files")
	f.StringVar(&fl.configFile, "config", "", "read configuration from `FILE` (default: PATH/.codeaudit.yaml if present)")
	f.StringVar(&fl.baseline, "baseline", "", "report only findings not in this previous JSON report `FILE`")
	f.BoolVarP(&fl.quiet, "quiet", "q", false, "print nothing but the report")
	f.BoolVarP(&fl.verbose, "verbose", "v", false, "log skipped files and analyzer warnings to standard error")
	f.BoolVar(&fl.noProgress, "no-progress", false, "never show the progress bar")
	f.DurationVar(&fl.fileTimeout, "file-timeout", engine.DefaultFileTimeout, "time budget of one analyzer on one file")
	addAnalyzerFlags(f, &fl.analyzers)
}

func runScan(ctx context.Context, stdio *IO, cmd *cobra.Command, fl *scanFlags, target string) error {
	color := !fl.noColor && stdio.Getenv("NO_COLOR") == "" && fl.output == "" && stdio.IsTerminal(stdio.Out)
	writer, err := report.New(fl.format, report.Options{Color: color, ShowSuppressed: fl.showSuppressed})
	if err != nil {
		return usageError(err)
	}
	var failOn finding.Severity
	if fl.failOn != "" {
		if failOn, err = finding.ParseSeverity(fl.failOn); err != nil {
			return usageErrorf("--fail-on: %v", err)
		}
	}
	if err := checkOutput(fl.output); err != nil {
		return err
	}
	machineOnStdout := fl.output == "" && fl.format != report.FormatText
	sc, err := executeScan(ctx, stdio, cmd, fl, target, machineOnStdout)
	if err != nil {
		return err
	}
	res := sc.res
	if fl.failOn == "" {
		failOn = sc.cfg.FailOn
	}
	if err := writeReport(writer, res, fl.output, stdio.Out); err != nil {
		return &exitError{ExitInternal, err}
	}
	if !fl.quiet && (fl.output != "" || fl.format != report.FormatText) {
		fmt.Fprintln(stdio.Err, summaryLine(res))
	}
	if failOn != finding.SeverityUnknown && res.Max() >= failOn {
		return &exitError{ExitFindings, errFindings}
	}
	return nil
}

// scanned is the outcome of executeScan.
type scanned struct {
	res *result.Result
	cfg *config.Config
}

// executeScan loads configuration, baseline and analyzers and runs the
// engine. Every problem with the user's input is a usage error (exit 2).
func executeScan(ctx context.Context, stdio *IO, cmd *cobra.Command, fl *scanFlags, target string, machineOnStdout bool) (*scanned, error) {
	if fl.jobs < 0 {
		return nil, usageErrorf("--jobs must be positive")
	}
	st, err := os.Stat(target)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, usageErrorf("%s: no such file or directory", target)
		}
		return nil, usageErrorf("%s: %v", target, err)
	}

	// Configuration: explicit --config, else PATH/.codeaudit.yaml.
	cfgPath := fl.configFile
	if cfgPath == "" && st.IsDir() {
		cfgPath = config.Find(target)
	}
	cfg := &config.Config{}
	if cfgPath != "" {
		if cfg, err = config.Load(cfgPath); err != nil {
			return nil, usageError(err)
		}
	}

	scannerNames := fl.scanners
	if !cmd.Flags().Changed("scanners") {
		scannerNames = cfg.Scanners
	}
	scanners, err := list.ParseScanners(scannerNames)
	if err != nil {
		return nil, usageError(err)
	}
	maxSize := cfg.MaxFileSize
	if fl.maxFileSize != "" {
		if maxSize, err = config.ParseSize(fl.maxFileSize); err != nil {
			return nil, usageErrorf("--max-file-size: %v", err)
		}
	}

	for _, p := range append(append([]string{}, cfg.Exclude...), fl.exclude...) {
		if err := source.CheckPattern(p); err != nil {
			return nil, usageErrorf("exclude pattern %q: %v", p, err)
		}
	}

	set := &suppress.Set{Ignores: cfg.Ignores, Now: time.Now()}
	if fl.baseline != "" {
		bf, err := os.Open(fl.baseline)
		if err != nil {
			return nil, usageErrorf("--baseline: %v", err)
		}
		set.Baseline, err = suppress.ReadBaseline(fl.baseline, bf)
		bf.Close()
		if err != nil {
			return nil, usageError(err)
		}
	}

	all, err := stdio.allAnalyzers(fl.analyzers)
	if err != nil {
		return nil, usageError(err)
	}
	analyzers := list.Select(all, scanners)

	level := slog.LevelError
	if fl.verbose {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(stdio.Err, &slog.HandlerOptions{Level: level}))
	if fl.quiet {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}

	var bar *progress.Bar
	if showProgress(fl, machineOnStdout, stdio.IsTerminal(stdio.Err)) {
		bar = progress.New(stdio.Err, "scanning")
	}
	opts := engine.Options{
		Source: source.Options{
			Root:             target,
			MaxFileSize:      maxSize,
			Exclude:          append(append([]string{}, cfg.Exclude...), fl.exclude...),
			NoIgnoreFiles:    fl.noIgnore,
			IncludeVendored:  fl.includeVendor,
			IncludeGenerated: fl.includeGen,
			IncludeMinified:  fl.includeMin,
			IncludeBinary:    fl.includeBinary,
		},
		Target:      target,
		Jobs:        fl.jobs,
		FileTimeout: fl.fileTimeout,
		Suppress:    set,
		Scanners:    scanners,
		Logger:      logger,
	}
	if bar != nil {
		opts.Progress = bar.Update
	}
	if fl.analyzers.Secrets.Staged {
		staged, err := secrets.StagedFiles(ctx, target)
		if err != nil {
			return nil, usageErrorf("--staged: %v", err)
		}
		opts.Only = append([]string{}, staged...)
	}
	_, expired := set.Active()
	res, err := engine.Run(ctx, opts, analyzers)
	if bar != nil {
		bar.Stop()
	}
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, usageError(err)
		}
		return nil, err
	}
	for _, ig := range expired {
		res.Warnings = append(res.Warnings, result.Warning{Path: ig.Source, Message: fmt.Sprintf("ignore entry expired on %s and no longer applies", ig.Expires.Format(time.DateOnly))})
	}

	return &scanned{res: res, cfg: cfg}, nil
}

// showProgress decides whether the progress bar is drawn: only on a
// terminal, never with --quiet, --no-progress or --verbose (whose log lines
// would interleave with it), and never while a machine format goes to
// standard output.
func showProgress(fl *scanFlags, machineOnStdout, stderrIsTerminal bool) bool {
	return stderrIsTerminal && !fl.quiet && !fl.noProgress && !fl.verbose && !machineOnStdout
}

// checkOutput refuses an --output whose directory does not exist before
// the scan runs, rather than failing to write after a long scan.
func checkOutput(path string) error {
	if path == "" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usageErrorf("--output %s: is a directory", path)
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return usageErrorf("--output %s: directory %s: %v", path, dir, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return usageErrorf("--output %s: %s is not a directory", path, dir)
	}
	return nil
}

// writeReport writes the report to FILE, or to stdout when path is "".
func writeReport(w report.Writer, res *result.Result, path string, stdout io.Writer) error {
	if path == "" {
		return w.Write(stdout, res)
	}
	return atomicfile.Write(path, func(out io.Writer) error { return w.Write(out, res) })
}

func summaryLine(r *result.Result) string {
	c := r.Counts()
	var parts []string
	for _, s := range finding.Severities {
		if c[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[s], s))
		}
	}
	sum := "no findings"
	if len(parts) > 0 {
		sum = fmt.Sprintf("%d findings (%s)", len(r.Findings), strings.Join(parts, ", "))
	}
	line := fmt.Sprintf("codeaudit: %s in %d files, %d suppressed, %d warnings", sum, r.Stats.FilesScanned, len(r.Suppressed), len(r.Warnings))
	return line
}
