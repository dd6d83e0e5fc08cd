package sbom

import (
	"fmt"
	"io"
	"strconv"
	"time"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx/v2/common"
	spdx "github.com/spdx/tools-golang/spdx/v2/v2_3"
)

const noAssertion = "NOASSERTION"

// namespaceBase prefixes document namespaces. SPDX requires a unique URI;
// it need not resolve.
const namespaceBase = "https://spdx.org/spdxdocs/codeaudit/"

// WriteSPDX writes the document as SPDX 2.3 JSON.
func WriteSPDX(w io.Writer, d *Document) error {
	doc := &spdx.Document{
		SPDXVersion:       spdx.Version,
		DataLicense:       spdx.DataLicense,
		SPDXIdentifier:    "DOCUMENT",
		DocumentName:      d.Name,
		DocumentNamespace: namespaceBase + d.Name + "-" + d.serial(),
		CreationInfo: &spdx.CreationInfo{
			Creators: []common.Creator{
				{CreatorType: "Tool", Creator: d.ToolName + "-" + d.ToolVersion},
				{CreatorType: "Organization", Creator: d.ToolName},
			},
			Created: d.Timestamp.UTC().Format(time.RFC3339),
		},
	}
	const rootID = common.ElementID("RootPackage")
	doc.Packages = append(doc.Packages, &spdx.Package{
		PackageName:               d.Name,
		PackageSPDXIdentifier:     rootID,
		PackageSupplier:           &common.Supplier{Supplier: noAssertion},
		PackageDownloadLocation:   noAssertion,
		FilesAnalyzed:             false,
		IsFilesAnalyzedTagPresent: true,
		PackageLicenseConcluded:   noAssertion,
		PackageLicenseDeclared:    noAssertion,
		PackageCopyrightText:      noAssertion,
		PrimaryPackagePurpose:     "APPLICATION",
	})
	doc.Relationships = append(doc.Relationships, &spdx.Relationship{
		RefA:         common.MakeDocElementID("", "DOCUMENT"),
		RefB:         common.MakeDocElementID("", string(rootID)),
		Relationship: common.TypeRelationshipDescribe,
	})
	comps := d.components()
	idOf := map[string]common.ElementID{}
	for i, c := range comps {
		idOf[c.ref] = common.ElementID("Package-" + strconv.Itoa(i+1))
	}
	for _, c := range comps {
		id := idOf[c.ref]
		supplier := &common.Supplier{Supplier: noAssertion}
		if c.supplier != noAssertion {
			supplier = &common.Supplier{Supplier: c.supplier, SupplierType: "Organization"}
		}
		p := &spdx.Package{
			PackageName:               c.pkg.Name,
			PackageSPDXIdentifier:     id,
			PackageVersion:            c.pkg.Version,
			PackageSupplier:           supplier,
			PackageDownloadLocation:   noAssertion,
			FilesAnalyzed:             false,
			IsFilesAnalyzedTagPresent: true,
			PackageLicenseConcluded:   noAssertion,
			PackageLicenseDeclared:    noAssertion,
			PackageCopyrightText:      noAssertion,
			PackageSourceInfo:         "declared in " + joinFiles(c.files),
			PrimaryPackagePurpose:     "LIBRARY",
		}
		if c.pkg.PURL != "" {
			p.PackageExternalReferences = []*spdx.PackageExternalReference{{
				Category: common.CategoryPackageManager, RefType: common.TypePackageManagerPURL, Locator: c.pkg.PURL,
			}}
		}
		doc.Packages = append(doc.Packages, p)
		if c.direct {
			doc.Relationships = append(doc.Relationships, &spdx.Relationship{
				RefA:         common.MakeDocElementID("", string(rootID)),
				RefB:         common.MakeDocElementID("", string(id)),
				Relationship: common.TypeRelationshipDependsOn,
			})
		}
		for _, r := range c.requires {
			doc.Relationships = append(doc.Relationships, &spdx.Relationship{
				RefA:         common.MakeDocElementID("", string(id)),
				RefB:         common.MakeDocElementID("", string(idOf[r])),
				Relationship: common.TypeRelationshipDependsOn,
			})
		}
	}
	if err := spdxjson.Write(doc, w, spdxjson.Indent("  ")); err != nil {
		return fmt.Errorf("write SPDX: %w", err)
	}
	return nil
}

func joinFiles(files []string) string {
	s := ""
	for i, f := range files {
		if i > 0 {
			s += ", "
		}
		s += f
	}
	return s
}
