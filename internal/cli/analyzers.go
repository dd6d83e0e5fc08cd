package cli

import (
	"github.com/spf13/pflag"

	"github.com/socyber/codeaudit/internal/analyzer/list"
)

// addAnalyzerFlags declares the flags that configure individual analyzers.
// Each analyzer's options live in list.Options; this is the only place
// they meet the command line.
func addAnalyzerFlags(f *pflag.FlagSet, o *list.Options) {}
