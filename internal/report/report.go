// Package report turns a scan result into one output format. Each format
// lives in a sub-package and implements Writer; New picks one by name. The
// report layer sees only the result and Options, never CLI flags.
package report

import (
	"io"

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
