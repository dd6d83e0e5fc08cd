package aimodel

import (
	"embed"
	"io/fs"
)

//go:embed rules/*/*.yaml
var codeRules embed.FS

// CodeRules returns the ML code rules (Semgrep-compatible YAML, one
// directory per language) for the SAST analyzer: unpinned Hub downloads,
// trust_remote_code, torch.load without weights_only, pickle-family loads,
// unsafe YAML loaders and Keras safe_mode=False. Fixtures next to the YAML
// files are read by tests only.
func CodeRules() fs.FS { return codeRules }
