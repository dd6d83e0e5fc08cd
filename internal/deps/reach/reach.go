// Package reach decides whether a Go module actually calls the vulnerable
// symbols of the advisories matched against its dependencies, with
// govulncheck's analysis run in-process (golang.org/x/vuln/scan).
//
// govulncheck loads the module's packages through the go command, so the
// module's dependencies must already be in the local module cache: the
// analysis runs with GOPROXY=off, GOTOOLCHAIN=local, GOSUMDB=off and
// GOFLAGS=-mod=readonly so it never reaches the network, and CGO_ENABLED=0
// so no C toolchain is invoked. When loading fails (dependencies not
// downloaded, no go command), Analyze returns an error and the caller
// leaves the findings as they are. Scanned code is never executed.
package reach

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/vuln/scan"
)

// MaxOutput bounds govulncheck's JSON output read back.
const MaxOutput = 256 << 20

// Frame is one call in a path from the module's code to a vulnerable
// symbol, entry point first.
type Frame struct {
	Function string // "pkg.Func" or "pkg.(*T).Method"
	// Module is the module path the function belongs to ("stdlib" for
	// the standard library).
	Module string
	// File is as govulncheck reports it: relative to the module's root
	// (to GOROOT for the standard library); Line is 1-based.
	File string
	Line int
}

// Result is the verdict per advisory id.
type Result struct {
	// Reachable maps an advisory id to the call path of one reaching
	// call, entry point first.
	Reachable map[string][]Frame
}

// Analyze runs govulncheck's symbol-level analysis on the module rooted
// at moduleDir against the given OSV entries (raw JSON, Go ecosystem). Every
// advisory passed in and absent from Result.Reachable was not reached.
func Analyze(ctx context.Context, moduleDir string, entries map[string][]byte) (*Result, error) {
	dbDir, err := os.MkdirTemp("", "codeaudit-vulndb-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dbDir)
	for id, b := range entries {
		if strings.ContainsAny(id, `/\`) || id == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dbDir, id+".json"), b, 0o644); err != nil {
			return nil, err
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := scan.Command(ctx, "-db", "file://"+filepath.ToSlash(dbDir), "-format", "json", "-scan", "symbol", "-C", moduleDir, "./...")
	cmd.Stdin = strings.NewReader("")
	cmd.Stdout = &limitedWriter{w: &stdout, n: MaxOutput}
	cmd.Stderr = &limitedWriter{w: &stderr, n: 1 << 20}
	cmd.Env = append(os.Environ(),
		"GOPROXY=off", "GOTOOLCHAIN=local", "GOSUMDB=off", "GOFLAGS=-mod=readonly", "GOWORK=off", "CGO_ENABLED=0")
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("govulncheck: %w", err)
	}
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 500 {
			msg = msg[:500] + "..."
		}
		return nil, fmt.Errorf("govulncheck: %w: %s", err, msg)
	}
	return parse(&stdout)
}

// message is the subset of govulncheck's JSON stream read here.
type message struct {
	Finding *struct {
		OSV   string `json:"osv"`
		Trace []struct {
			Module   string `json:"module"`
			Package  string `json:"package"`
			Function string `json:"function"`
			Receiver string `json:"receiver"`
			Position *struct {
				Filename string `json:"filename"`
				Line     int    `json:"line"`
			} `json:"position"`
		} `json:"trace"`
	} `json:"finding"`
}

func parse(r io.Reader) (*Result, error) {
	res := &Result{Reachable: map[string][]Frame{}}
	dec := json.NewDecoder(bufio.NewReader(r))
	for {
		var m message
		if err := dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return res, nil
			}
			return nil, fmt.Errorf("govulncheck output: %w", err)
		}
		f := m.Finding
		if f == nil || len(f.Trace) == 0 || f.Trace[0].Function == "" {
			continue // module- or package-level: imported, not called
		}
		if _, seen := res.Reachable[f.OSV]; seen {
			continue
		}
		var frames []Frame
		for i := len(f.Trace) - 1; i >= 0; i-- {
			t := f.Trace[i]
			fn := t.Package + "." + t.Function
			if t.Receiver != "" {
				fn = t.Package + "." + t.Receiver + "." + t.Function
			}
			fr := Frame{Function: fn, Module: t.Module}
			if t.Position != nil {
				fr.File, fr.Line = t.Position.Filename, t.Position.Line
			}
			frames = append(frames, fr)
		}
		res.Reachable[f.OSV] = frames
	}
}

type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if len(p) > l.n {
		return 0, errors.New("output over the size limit")
	}
	l.n -= len(p)
	return l.w.Write(p)
}
