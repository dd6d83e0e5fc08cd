// Package config reads .codeaudit.yaml, the per-repository configuration:
// paths to exclude, default scanners and --fail-on, and ignore entries with
// reasons and expiry dates. Every error names the file and line.
//
// The format is documented in docs/configuration.md.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/suppress"
)

// FileNames are the names looked up in the scan root, in order.
var FileNames = []string{".codeaudit.yaml", ".codeaudit.yml"}

// Version is the only configuration format version so far.
const Version = 1

// maxConfigBytes bounds the size of a configuration file.
const maxConfigBytes = 4 << 20

// Config is the parsed configuration.
type Config struct {
	// Path is the file it was read from.
	Path    string
	Version int
	// Exclude holds gitignore-style patterns left out of discovery.
	Exclude []string
	// Scanners is the default for --scanners (nil: all).
	Scanners []string
	// FailOn is the default for --fail-on (unknown: never fail).
	FailOn finding.Severity
	// MaxFileSize is the default for --max-file-size in bytes (0: default).
	MaxFileSize int64
	Ignores     []suppress.Ignore
}

// Error is a configuration problem at a place in the file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Find returns the configuration file in dir, or "" when there is none.
func Find(dir string) string {
	for _, n := range FileNames {
		p := filepath.Join(dir, n)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// Load reads and validates a configuration file.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	if len(data) > maxConfigBytes {
		return nil, &Error{File: path, Msg: fmt.Sprintf("larger than %d bytes", maxConfigBytes)}
	}
	return Parse(path, data)
}

// Parse reads a configuration from bytes; name is used in errors.
func Parse(name string, data []byte) (*Config, error) {
	c := &Config{Path: name, Version: Version}
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(name, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &Error{name, root.Line, "the configuration must be a mapping of keys such as version, exclude, ignore"}
	}
	p := parser{name: name}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			var n int
			if v.Decode(&n) != nil || n != Version {
				return nil, &Error{name, v.Line, fmt.Sprintf("version must be %d", Version)}
			}
			c.Version = n
		case "exclude":
			c.Exclude = p.strings(v, "exclude")
		case "scanners":
			c.Scanners = p.strings(v, "scanners")
		case "fail-on":
			s, err := finding.ParseSeverity(v.Value)
			if err != nil || v.Kind != yaml.ScalarNode {
				p.fail(v.Line, "fail-on: want critical, high, medium, low or info")
			}
			c.FailOn = s
		case "max-file-size":
			n, err := ParseSize(v.Value)
			if err != nil {
				p.fail(v.Line, "max-file-size: "+err.Error())
			}
			c.MaxFileSize = n
		case "ignore":
			c.Ignores = p.ignores(v)
		default:
			p.fail(k.Line, fmt.Sprintf("unknown key %q (known: version, exclude, scanners, fail-on, max-file-size, ignore)", k.Value))
		}
		if p.err != nil {
			return nil, p.err
		}
	}
	return c, nil
}

type parser struct {
	name string
	err  error
}

func (p *parser) fail(line int, msg string) {
	if p.err == nil {
		p.err = &Error{p.name, line, msg}
	}
}

func (p *parser) strings(v *yaml.Node, key string) []string {
	if v.Kind == yaml.ScalarNode && v.Value != "" {
		return []string{v.Value}
	}
	if v.Kind != yaml.SequenceNode {
		p.fail(v.Line, key+": want a list of strings")
		return nil
	}
	var out []string
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode {
			p.fail(e.Line, key+": want a list of strings")
			return nil
		}
		out = append(out, e.Value)
	}
	return out
}

func (p *parser) ignores(v *yaml.Node) []suppress.Ignore {
	if v.Kind != yaml.SequenceNode {
		p.fail(v.Line, "ignore: want a list of entries with rule, paths, fingerprint, reason, expires")
		return nil
	}
	var out []suppress.Ignore
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			p.fail(e.Line, "ignore: each entry must be a mapping")
			return nil
		}
		ig := suppress.Ignore{Source: fmt.Sprintf("%s:%d", p.name, e.Line)}
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, val := e.Content[i], e.Content[i+1]
			switch k.Value {
			case "rule":
				ig.Rule = val.Value
			case "fingerprint":
				ig.Fingerprint = val.Value
			case "reason":
				ig.Reason = val.Value
			case "path", "paths":
				ig.Paths = p.strings(val, "ignore."+k.Value)
			case "expires":
				t, err := time.Parse(time.DateOnly, val.Value)
				if err != nil {
					p.fail(val.Line, fmt.Sprintf("ignore.expires: %q is not a date like 2026-12-31", val.Value))
				}
				ig.Expires = t
			default:
				p.fail(k.Line, fmt.Sprintf("ignore: unknown key %q (known: rule, paths, fingerprint, reason, expires)", k.Value))
			}
		}
		if err := ig.Validate(); err != nil {
			p.fail(e.Line, err.Error())
		}
		if p.err != nil {
			return nil
		}
		out = append(out, ig)
	}
	return out
}

func yamlError(name string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return &Error{File: name, Msg: te.Error()}
	}
	// yaml.v3 syntax errors read "yaml: line N: message".
	var line int
	var msg string
	if n, _ := fmt.Sscanf(err.Error(), "yaml: line %d:", &line); n == 1 {
		msg = err.Error()[len(fmt.Sprintf("yaml: line %d: ", line)):]
		return &Error{File: name, Line: line, Msg: msg}
	}
	return &Error{File: name, Msg: err.Error()}
}
