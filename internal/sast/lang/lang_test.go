package lang

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/source"
)

func TestForFile(t *testing.T) {
	for path, want := range map[string]ID{
		"a.go": Go, "b.py": Python, "c.jsx": JavaScript, "d.ts": TypeScript, "e.TSX": TSX,
		"F.java": Java, "g.jsp": "", "h.rb": "",
	} {
		f := source.File{Path: path, Language: source.DetectLanguage(path, nil)}
		if got := ForFile(&f); got != want {
			t.Errorf("ForFile(%s) = %q, want %q", path, got, want)
		}
	}
}

func TestParseCancelledAndReuse(t *testing.T) {
	ps := NewParsers()
	defer ps.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	big := []byte(strings.Repeat("x = f(a, b) + g(c)\n", 100000))
	if _, err := ps.Parse(ctx, Python, big); !errors.Is(err, ErrTimeout) {
		t.Fatalf("cancelled parse: err = %v, want ErrTimeout", err)
	}
	tree, err := ps.Parse(context.Background(), Python, []byte("y = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	if got := tree.RootNode().ToSexp(); !strings.Contains(got, "assignment") {
		t.Errorf("parse after cancel = %s", got)
	}
}

func TestFlatten(t *testing.T) {
	ps := NewParsers()
	defer ps.Close()
	tree, err := ps.Parse(context.Background(), Go, []byte("package p\nvar x = ((((1))))\n"))
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	g, _ := GrammarFor(Go)
	all, cut := Flatten(tree, 1000, 100)
	if cut || len(all) != int(tree.RootNode().DescendantCount()) {
		t.Fatalf("Flatten: %d entries (cut %v), want %d", len(all), cut, tree.RootNode().DescendantCount())
	}
	if g.Kind(all[0].Symbol) != GoSourceFile || all[0].Depth != 0 {
		t.Errorf("first entry = %s at depth %d", g.Kind(all[0].Symbol), all[0].Depth)
	}
	shallow, cut := Flatten(tree, 1000, 3)
	if !cut || len(shallow) >= len(all) {
		t.Errorf("depth-limited Flatten: %d entries, cut %v", len(shallow), cut)
	}
	for _, e := range shallow {
		if e.Depth > 3 {
			t.Errorf("entry at depth %d beyond the limit", e.Depth)
		}
	}
	few, cut := Flatten(tree, 5, 100)
	if !cut || len(few) != 5 {
		t.Errorf("node-limited Flatten: %d entries, cut %v", len(few), cut)
	}
}
