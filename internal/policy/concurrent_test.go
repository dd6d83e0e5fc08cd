package policy

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrent runs the analyzer from several goroutines, as the engine
// does; run with -race.
func TestConcurrent(t *testing.T) {
	dir := filepath.Join("testdata", "fixtures")
	a, err := New(Options{Files: []string{filepath.Join(dir, "policies.yaml")}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	contents := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		contents[e.Name()] = data
		want[e.Name()] = len(analyze(t, a, e.Name(), data).findings)
	}
	var wg sync.WaitGroup
	for range 4 {
		for name, data := range contents {
			wg.Go(func() {
				if got := len(analyze(t, a, name, data).findings); got != want[name] {
					t.Errorf("%s: %d findings concurrently, %d alone", name, got, want[name])
				}
			})
		}
	}
	wg.Wait()
}
