// Package report turns a scan result into one output format. Each format
// lives in a sub-package and implements Writer; New picks one by name. The
// report layer sees only the result and Options, never CLI flags.
//
// The formats are text (terminals), json (documented and stable, see
// docs/json-output.md; report/json also reads it back), sarif (SARIF 2.1.0
// for GitHub code scanning) and markdown (pull-request comments). The
// sub-packages do not import this one: they implement Writer structurally
// and take their own options, which New fills from Options.
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/socyber/codeaudit/internal/report/html"
	"github.com/socyber/codeaudit/internal/report/json"
	"github.com/socyber/codeaudit/internal/report/markdown"
	"github.com/socyber/codeaudit/internal/report/sarif"
	"github.com/socyber/codeaudit/internal/report/text"
	"github.com/socyber/codeaudit/internal/result"
)

// Writer writes a result in one format.
type Writer interface {
	Write(w io.Writer, r *result.Result) error
}

// Options are the presentation choices shared by formats.
type Options struct {
	// Color enables ANSI colours (text format, terminals only).
	Color bool
	// ShowSuppressed lists suppressed findings too (text and markdown).
	ShowSuppressed bool
}

// Format names accepted by New.
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatSARIF    = "sarif"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// Formats lists the format names New accepts, for flag help and
// completion.
var Formats = []string{FormatText, FormatJSON, FormatSARIF, FormatMarkdown, FormatHTML}

// New returns the writer for a format name (case-insensitive).
func New(format string, opts Options) (Writer, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case FormatText:
		return text.New(text.Options{Color: opts.Color, ShowSuppressed: opts.ShowSuppressed}), nil
	case FormatJSON:
		return json.New(), nil
	case FormatSARIF:
		return sarif.New(), nil
	case FormatMarkdown, "md":
		return markdown.New(markdown.Options{ShowSuppressed: opts.ShowSuppressed}), nil
	case FormatHTML, "htm":
		return html.New(html.Options{ShowSuppressed: opts.ShowSuppressed}), nil
	}
	return nil, fmt.Errorf("unknown output format %q (valid formats: %s)", format, strings.Join(Formats, ", "))
}
