// Package engine runs a scan: it discovers files once (internal/source),
// reads each wanted file once, hands it to every file analyzer that wants
// it in a bounded worker pool, then runs the project analyzers, and
// finally completes, suppresses, de-duplicates and sorts the findings into
// a result.Result.
//
// The engine owns robustness: each analyzer call on a file has a time
// budget, a panic in an analyzer becomes a warning naming the file and the
// analyzer, and no bad file stops the scan. Analyzers never print; the
// engine logs through the injected slog.Logger.
package engine
