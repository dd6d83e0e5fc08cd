package sarif

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	gs "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/view"
	"github.com/socyber/codeaudit/internal/result"
)

// InformationURI is the tool's home page, shown by SARIF viewers.
const InformationURI = "https://github.com/socyber/codeaudit"

// toolName is used when the result does not name its tool.
const toolName = "codeaudit"

// SrcRoot is the uriBaseId every artifact location is relative to.
const SrcRoot = "%SRCROOT%"

// FingerprintKey is the partialFingerprints key GitHub code scanning uses
// to follow an alert across commits; it carries finding.Fingerprint.
const FingerprintKey = "primaryLocationLineHash"

// Limits from GitHub code scanning's SARIF upload rules: larger uploads
// are rejected or cut, so we cut first and say so in a notification.
const (
	// MaxResults is the most results one run may carry.
	MaxResults = 25000
	// MaxTags is the most tags GitHub keeps per rule.
	MaxTags = 20
	// MaxThreadFlowLocations is the most steps one code flow may carry.
	MaxThreadFlowLocations = 10000
)

// Writer writes SARIF 2.1.0.
type Writer struct{}

// New returns the SARIF writer.
func New() *Writer { return &Writer{} }

// Write writes r as one SARIF run.
func (*Writer) Write(w io.Writer, r *result.Result) error {
	if r == nil {
		return errors.New("sarif: nil result")
	}
	rep, err := Build(r)
	if err != nil {
		return err
	}
	if err := rep.PrettyWrite(w); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	return nil
}

// Build maps r onto a SARIF report with one run.
func Build(r *result.Result) (*gs.Report, error) {
	name := r.Tool.Name
	if name == "" {
		name = toolName
	}
	run := gs.NewRunWithInformationURI(name, InformationURI)
	driver := run.Tool.Driver
	if r.Tool.Version != "" {
		driver.WithVersion(r.Tool.Version)
	}
	driver.WithSemanticVersion(semanticVersion(r.Tool.Version))
	run.WithColumnKind("unicodeCodePoints")
	run.OriginalUriBaseIds = map[string]gs.ArtifactLocation{SrcRoot: *srcRoot(r.Target)}

	open := view.Sorted(r.Findings)
	suppressed := view.Sorted(r.Suppressed)
	all := slices.Concat(open, suppressed)
	rules := collectRules(r.Rules, all)
	index := make(map[string]int, len(rules))
	for i := range rules {
		index[rules[i].ID] = i
		driver.AddRule(descriptor(&rules[i]))
	}

	inv := gs.NewInvocation()
	inv.WithExecutionSuccessful(true)
	if !r.StartedAt.IsZero() {
		inv.WithStartTimeUtc(r.StartedAt.UTC().Format(time.RFC3339Nano))
	}
	if !r.FinishedAt.IsZero() {
		inv.WithEndTimeUtc(r.FinishedAt.UTC().Format(time.RFC3339Nano))
	}
	for _, wn := range r.Warnings {
		inv.AddToolExecutionNotification(notification(wn))
	}
	if len(all) > MaxResults {
		// Open findings come first, most severe first, so suppressed and
		// then the least severe open findings are the ones left out.
		all = all[:MaxResults]
		inv.AddToolExecutionNotification(gs.NewNotification().
			WithLevel(gs.LevelWarning).
			WithMessage(gs.NewTextMessage(fmt.Sprintf(
				"%d findings exceed the SARIF limit of %d results; only the %d most severe are included (use --format json for all)",
				len(r.Findings)+len(r.Suppressed), MaxResults, MaxResults))))
	}
	run.AddInvocation(inv)
	if len(r.DataSources) > 0 {
		// The advisory data behind dependency verdicts, with its age, so a
		// SARIF consumer can tell how current they were.
		run.Properties = gs.NewPropertyBag().Add("codeaudit/dataSources", r.DataSources)
	}

	for i := range all {
		run.AddResult(sarifResult(&all[i], index[all[i].RuleID]))
	}
	return gs.NewReport().AddRun(run), nil
}

// srcRoot describes the scan root. SARIF wants an absolute URI ending in
// a slash; the target is only known as the user gave it, so a relative
// target is described in words instead of guessed.
func srcRoot(target string) *gs.ArtifactLocation {
	loc := gs.NewArtifactLocation()
	if target != "" && filepath.IsAbs(target) {
		p := filepath.ToSlash(filepath.Clean(target))
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // Windows drive letters: file:///C:/src/
		}
		if !strings.HasSuffix(p, "/") {
			p += "/"
		}
		loc.WithURI((&url.URL{Scheme: "file", Path: p}).String())
		return loc
	}
	desc := "The root of the scanned target"
	if target != "" {
		desc += ": " + target
	}
	return loc.WithDescription(gs.NewTextMessage(desc))
}

var semverPattern = regexp.MustCompile(`^v?([0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$`)

// semanticVersion turns the tool version ("v1.4.0", "1.4.0 (abc123)",
// "dev") into a SemVer 2.0 string; versions that are not releases become
// 0.0.0-<version>.
func semanticVersion(v string) string {
	v, _, _ = strings.Cut(strings.TrimSpace(v), " ")
	if m := semverPattern.FindStringSubmatch(v); m != nil {
		return m[1]
	}
	clean := strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return r
		}
		return '-'
	}, v)
	clean = strings.Trim(clean, ".-")
	if clean == "" {
		clean = "dev"
	}
	return "0.0.0-" + clean
}

// level maps a severity to a SARIF level: critical and high are errors,
// medium warnings, low and info notes.
func level(s finding.Severity) string {
	switch s {
	case finding.Critical, finding.High:
		return gs.LevelError
	case finding.Medium:
		return gs.LevelWarning
	}
	return gs.LevelNote
}

// precision maps confidence to GitHub's precision property. Our three
// confidence levels map one to one; "very-high" is not used.
func precision(c finding.Confidence) string {
	switch c {
	case finding.ConfidenceHigh:
		return "high"
	case finding.ConfidenceLow:
		return "low"
	}
	return "medium"
}

// score formats a 0-10 security severity as GitHub wants it: a string
// with one decimal.
func score(v float64) string {
	return strconv.FormatFloat(min(max(v, 0), 10), 'f', 1, 64)
}
