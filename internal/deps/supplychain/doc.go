// Package supplychain checks how dependencies are obtained, independently
// of any advisory database: sources that are not pinned (git branches,
// tarball URLs without a hash), npm packages that run install scripts,
// manifests with no lockfile, and names one edit away from a popular
// package (typosquatting). It reports Issues; the deps analyzer turns them
// into findings with its rule metadata.
package supplychain
