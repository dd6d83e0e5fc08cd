// Package osvdb reads an offline copy of the OSV vulnerability database and
// matches package versions against it.
//
// The database is a directory laid out like the public OSV bucket and
// osv-scanner's offline mode: DIR/<Ecosystem>/all.zip, one JSON advisory per
// zip entry. Open lists the ecosystems present; Load streams one
// ecosystem's zip into an in-memory Index keyed by normalised package name,
// with entry sizes and counts bounded so a hostile zip cannot exhaust
// memory. Matching follows the OSV schema: explicit version lists and
// SEMVER/ECOSYSTEM ranges are evaluated with each ecosystem's own version
// ordering (osv-scalibr's semantic package); withdrawn advisories are
// ignored; advisories that alias each other (CVE, GHSA, PYSEC, GO,
// RUSTSEC ids) are merged into one Match per package and vulnerability.
//
// Update downloads the zips (resumable, verified, replaced atomically) and
// records when each was fetched so reports can say how old the data is.
package osvdb
