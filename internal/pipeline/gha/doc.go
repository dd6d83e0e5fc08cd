// Package gha audits GitHub Actions workflows (.github/workflows/*.yml)
// and composite or Docker actions (action.yml) for expression injection,
// untrusted checkouts in privileged workflows, unpinned actions and
// images, excessive GITHUB_TOKEN permissions, over-shared, logged or
// written secrets, untrusted writes to GITHUB_ENV/GITHUB_PATH, re-enabled
// workflow commands, persisted checkout credentials, cache poisoning,
// self-hosted runners on fork events, unsound if: conditions, remote
// scripts, literal credentials, long-lived publishing tokens and known
// vulnerable action versions.
//
// Workflows are parsed with actionlint's parser (parse.go) and read
// through a small typed model (model.go) that keeps positions; files with
// YAML anchors and composite action.yml files are read from
// go.yaml.in/yaml/v3 nodes into the same model. ${{ }} expressions are
// parsed by actionlint's expression parser (exprparse.go), so every finding
// points at the exact line and column.
// Untrusted data is followed through env:, step outputs and job outputs.
package gha
