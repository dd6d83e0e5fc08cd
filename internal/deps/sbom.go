package deps

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/atomicfile"
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

// writeSBOM writes one SBOM; atomicfile makes sure a failed write never
// leaves half a file and a device given as the destination stays one.
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
	return atomicfile.WriteBytes(r.Path, buf.Bytes())
}
