// Package deps is the dependency (SCA) analyzer: it lists the packages a
// project depends on from its lockfiles and manifests (sub-package
// inventory, built on osv-scalibr's extractors), matches them against an
// offline OSV database (osvdb), optionally checks whether vulnerable Go
// symbols are reachable (reach), runs supply-chain checks (supplychain)
// and writes CycloneDX and SPDX SBOMs (sbom).
//
// Scanning never uses the network; UpdateDB (for `codeaudit db update`)
// is the only code here that does.
package deps
