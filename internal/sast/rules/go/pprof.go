//go:build ignore

package fixtures

// ok: go.http.pprof-exposed
import "runtime/pprof"

// ruleid: go.http.pprof-exposed
import netpprof "net/http/pprof"

// ok: go.http.pprof-exposed
// Profiling handlers come from "net/http/pprof" in the debug build only.
var _ = pprof.Lookup

var _ = netpprof.Index
