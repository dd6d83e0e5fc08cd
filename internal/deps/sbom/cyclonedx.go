package sbom

import (
	"fmt"
	"io"
	"path"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

const rootRef = "root-component"

// WriteCycloneDX writes the document as CycloneDX 1.6 JSON. Model files
// become components of type machine-learning-model with their SHA-256
// (the AI-BOM), so a deployed model can be checked against the approved one.
func WriteCycloneDX(w io.Writer, d *Document) error {
	bom := cdx.NewBOM()
	bom.SpecVersion = cdx.SpecVersion1_6
	bom.SerialNumber = "urn:uuid:" + d.serial()
	tool := cdx.Component{Type: cdx.ComponentTypeApplication, Name: d.ToolName, Version: d.ToolVersion}
	root := cdx.Component{BOMRef: rootRef, Type: cdx.ComponentTypeApplication, Name: d.Name}
	bom.Metadata = &cdx.Metadata{
		Timestamp: d.Timestamp.UTC().Format(time.RFC3339),
		Tools:     &cdx.ToolsChoice{Components: &[]cdx.Component{tool}},
		Authors:   &[]cdx.OrganizationalContact{{Name: d.ToolName}},
		Component: &root,
	}
	comps := d.components()
	components := make([]cdx.Component, 0, len(comps))
	var direct []string
	deps := []cdx.Dependency{}
	for _, c := range comps {
		occ := make([]cdx.EvidenceOccurrence, 0, len(c.files))
		for _, f := range c.files {
			occ = append(occ, cdx.EvidenceOccurrence{Location: f})
		}
		props := []cdx.Property{
			{Name: "codeaudit:ecosystem", Value: c.pkg.Ecosystem},
			{Name: "codeaudit:relation", Value: string(c.pkg.Relation)},
			{Name: "codeaudit:source-file", Value: path.Clean(c.pkg.Path)},
		}
		components = append(components, cdx.Component{
			BOMRef:     c.ref,
			Type:       cdx.ComponentTypeLibrary,
			Supplier:   &cdx.OrganizationalEntity{Name: c.supplier},
			Name:       c.pkg.Name,
			Version:    c.pkg.Version,
			PackageURL: c.pkg.PURL,
			Properties: &props,
			Evidence:   &cdx.Evidence{Occurrences: &occ},
		})
		if c.direct {
			direct = append(direct, c.ref)
		}
		dep := cdx.Dependency{Ref: c.ref}
		if len(c.requires) > 0 {
			dep.Dependencies = &c.requires
		}
		deps = append(deps, dep)
	}
	for _, m := range d.Models {
		ref := "model:" + m.Path
		props := []cdx.Property{
			{Name: "codeaudit:model-format", Value: m.Format},
			{Name: "codeaudit:source-file", Value: m.Path},
		}
		components = append(components, cdx.Component{
			BOMRef:     ref,
			Type:       cdx.ComponentTypeMachineLearningModel,
			Name:       m.Name,
			Hashes:     &[]cdx.Hash{{Algorithm: cdx.HashAlgoSHA256, Value: m.SHA256}},
			Properties: &props,
			Evidence:   &cdx.Evidence{Occurrences: &[]cdx.EvidenceOccurrence{{Location: m.Path}}},
		})
		direct = append(direct, ref)
		deps = append(deps, cdx.Dependency{Ref: ref})
	}
	bom.Components = &components
	all := append([]cdx.Dependency{{Ref: rootRef, Dependencies: &direct}}, deps...)
	bom.Dependencies = &all
	enc := cdx.NewBOMEncoder(w, cdx.BOMFileFormatJSON)
	enc.SetPretty(true)
	if err := enc.EncodeVersion(bom, cdx.SpecVersion1_6); err != nil {
		return fmt.Errorf("write CycloneDX: %w", err)
	}
	return nil
}
