// Package rules holds the built-in rule packs, one directory per language
// (go/, python/, javascript/, typescript/, java/), each rule file next to
// its fixture (weak-hash.yaml with weak-hash.py). The YAML files are
// embedded in the binary; the fixtures are only read by tests.
package rules

import (
	"embed"
	"io/fs"
)

//go:embed */*.yaml
var packs embed.FS

// FS returns the embedded rule files.
func FS() fs.FS { return packs }
