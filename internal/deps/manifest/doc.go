// Package manifest reads the dependency declarations of package manifests
// (package.json, composer.json, Cargo.toml, pyproject.toml, Pipfile,
// Gemfile, go.mod, requirements files) with the line of each entry. It
// answers two questions the lockfile extractors cannot: which packages the
// project asks for directly, and how each is specified (registry version,
// git URL, tarball) for the supply-chain checks.
package manifest
