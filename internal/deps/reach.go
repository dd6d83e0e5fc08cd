package deps

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/deps/reach"
	"github.com/socyber/codeaudit/internal/finding"
)

// Reachability verdicts.
const (
	reachReachable   = "reachable"
	reachUnreachable = "unreachable"
)

// applyReachability runs govulncheck's symbol analysis for every go.mod
// with vulnerable module findings and marks each finding reachable (with
// the call path as its trace) or unreachable (severity drops to low).
// Standard-library findings are left alone: govulncheck judges the local
// toolchain's version, not the go directive the finding is about.
func (a *Analyzer) applyReachability(ctx context.Context, p *analyzer.Project, vulns []*vulnFinding, out analyzer.Emitter) {
	byMod := map[string][]*vulnFinding{}
	for _, v := range vulns {
		if v.pkg.Ecosystem != "Go" || v.pkg.Name == "stdlib" || path.Base(v.pkg.Path) != "go.mod" {
			continue
		}
		byMod[v.pkg.Path] = append(byMod[v.pkg.Path], v)
	}
	mods := make([]string, 0, len(byMod))
	for m := range byMod {
		mods = append(mods, m)
	}
	slices.Sort(mods)
	for _, mod := range mods {
		if ctx.Err() != nil {
			return
		}
		entries := map[string][]byte{}
		for _, v := range byMod[mod] {
			for _, adv := range v.match.Advisories {
				if b, err := json.Marshal(adv); err == nil {
					entries[adv.ID] = b
				}
			}
		}
		dir := filepath.Join(p.Root, filepath.FromSlash(path.Dir(mod)))
		res, err := reach.Analyze(ctx, dir, entries)
		if err != nil {
			out.Warn(mod, fmt.Sprintf("reachability not analysed (the module's dependencies must be in the local module cache): %v", err))
			continue
		}
		for _, v := range byMod[mod] {
			v.reach = reachUnreachable
			for _, id := range v.match.IDs() {
				if frames, ok := res.Reachable[id]; ok {
					v.reach = reachReachable
					v.reachTrace = traceSteps(path.Dir(mod), frames)
					break
				}
			}
		}
	}
}

// traceSteps keeps the frames in the scanned module (the entry point's;
// frames in dependencies have no path in the project) and marks the entry
// and the call into the vulnerable symbol. modDir is the module's
// directory relative to the project root.
func traceSteps(modDir string, frames []reach.Frame) []finding.TraceStep {
	if len(frames) == 0 {
		return nil
	}
	main := frames[0].Module
	vulnerable := frames[len(frames)-1].Function
	var steps []finding.TraceStep
	for i, f := range frames[:len(frames)-1] {
		if f.Module != main || f.File == "" || f.Line <= 0 || filepath.IsAbs(f.File) || strings.HasPrefix(path.Clean(filepath.ToSlash(f.File)), "..") {
			continue
		}
		kind, note := "propagation", f.Function+" calls toward "+vulnerable
		if i == 0 {
			kind, note = "source", "entry point "+f.Function
		}
		if i == len(frames)-2 {
			kind, note = "sink", f.Function+" calls the vulnerable "+vulnerable
		}
		loc := finding.Location{Path: path.Join(modDir, filepath.ToSlash(f.File)), StartLine: f.Line, EndLine: f.Line}
		steps = append(steps, finding.TraceStep{Location: loc, Note: note, Kind: kind})
	}
	return steps
}
