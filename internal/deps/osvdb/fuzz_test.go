package osvdb

import (
	"bytes"
	"context"
	"testing"
)

func FuzzLoadZip(f *testing.F) {
	f.Add(buildZip(f, advisoryZip))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ix, err := LoadZip(context.Background(), bytes.NewReader(b), int64(len(b)), "npm")
		if err != nil {
			return
		}
		ix.Match("left-pad", "1.0.0")
		ix.Match("qs", "6.7.0")
	})
}

func FuzzMatchEntry(f *testing.F) {
	f.Add(advisoryZip["GHSA-aaaa-bbbb-cccc.json"], "1.3.0")
	f.Add(`{"id":"X","affected":[{"package":{"ecosystem":"npm","name":"left-pad"},"ranges":[{"type":"SEMVER","events":[{"fixed":"1"},{"introduced":"0"},{"last_affected":"x"},{"limit":"*"}]}]}]}`, "0.9.9-rc.1")
	f.Fuzz(func(t *testing.T, entry, version string) {
		b := buildZip(t, map[string]string{"a.json": entry})
		ix, err := LoadZip(context.Background(), bytes.NewReader(b), int64(len(b)), "npm")
		if err != nil {
			return
		}
		ix.Match("left-pad", version)
	})
}
