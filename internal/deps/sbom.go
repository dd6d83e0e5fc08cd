package deps

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/deps/inventory"
	"github.com/socyber/codeaudit/internal/deps/sbom"
)

// SBOM formats.
const (
	FormatCycloneDX = "cyclonedx"
	FormatSPDX      = "spdx"
)

// toolName names the SBOM generator.
const toolName = "codeaudit"

// writeSBOM writes one SBOM next to its destination and renames it into
// place, so a failed write never leaves half a file.
func (a *Analyzer) writeSBOM(r SBOMRequest, p *analyzer.Project, inv *inventory.Inventory, models []sbom.Model) error {
	name := filepath.Base(p.Root)
	if name == "." || name == string(filepath.Separator) || name == "" {
		name = "project"
	}
	doc := &sbom.Document{
		Name:        name,
		ToolName:    toolName,
		ToolVersion: a.opts.ToolVersion,
		Timestamp:   a.opts.Now().UTC().Truncate(1e9),
		Packages:    inv.Packages,
		Models:      models,
	}
	if doc.ToolVersion == "" {
		doc.ToolVersion = "dev"
	}
	var buf bytes.Buffer
	var err error
	switch r.Format {
	case FormatCycloneDX:
		err = sbom.WriteCycloneDX(&buf, doc)
	case FormatSPDX:
		err = sbom.WriteSPDX(&buf, doc)
	default:
		err = fmt.Errorf("unknown format %q", r.Format)
	}
	if err != nil {
		return fmt.Errorf("sbom %s: %w", r.Path, err)
	}
	return writeAtomic(r.Path, buf.Bytes())
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
