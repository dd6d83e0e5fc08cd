// Package sbom writes software bills of materials for a dependency
// inventory: CycloneDX 1.6 JSON (with github.com/CycloneDX/cyclonedx-go)
// and SPDX 2.3 JSON (with github.com/spdx/tools-golang).
//
// Both carry the NTIA minimum elements: supplier (the package's namespace
// or registry when the lockfile names no publisher), component name,
// version, unique identifier (package URL), dependency relationships (the
// project depends on its direct dependencies; transitive ones are listed
// as components, as lockfiles rarely give the full graph), author of the
// SBOM data (the tool) and timestamp.
package sbom
