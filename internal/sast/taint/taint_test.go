package taint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/rule"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

func TestBinop(t *testing.T) {
	tests := []struct {
		op   string
		a, b any
		want any
		ok   bool
	}{
		{"*", int64(7), int64(42), int64(294), true},
		{"-", int64(294), int64(86), int64(208), true},
		{">", int64(208), int64(200), true, true},
		{"/", int64(1), int64(0), nil, false},
		{"+", "a", "b", "ab", true},
		{"+", "a", int64(1), "a1", true},
		{"==", "a", "a", true, true},
		{"&&", true, false, false, true},
		{"or", false, true, true, true},
		{"<", "a", "b", nil, false},
	}
	for _, tc := range tests {
		got, ok := binop(tc.op, tc.a, tc.b)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("binop(%q, %v, %v) = %v, %v; want %v, %v", tc.op, tc.a, tc.b, got, ok, tc.want, tc.ok)
		}
	}
}

func TestStatePaths(t *testing.T) {
	src := taint{{param: -1, label: "", trace: []finding.TraceStep{{Kind: "source"}}}}
	cost := 0
	s := newState(&cost)
	s.write("m", nil)
	s.write(`m["a"]`, src)
	s.write(`m["b"]`, nil)
	s.write("o.f", src)
	tests := []struct {
		path  string
		dirty bool
	}{
		{`m["a"]`, true},
		{`m["b"]`, false},
		{`m["c"]`, false},
		{"m", true},      // the whole map holds tainted data
		{"m[?]", true},   // an unknown key may be "a"
		{"o.g", false},   // another field
		{"o.f.x", true},  // below a tainted field
		{"other", false}, // never written
	}
	for _, tc := range tests {
		if got := !s.read(tc.path).clean(); got != tc.dirty {
			t.Errorf("read(%s) tainted = %v, want %v", tc.path, got, tc.dirty)
		}
	}
	s.write("m", nil)
	if !s.read(`m["a"]`).clean() {
		t.Error("overwriting m did not forget m[a]")
	}
}

func TestJoinBoundsOrigins(t *testing.T) {
	var tt taint
	for i := range 3 * maxOrigins {
		tt = join(tt, taint{{param: i}})
	}
	if len(tt) != maxOrigins {
		t.Errorf("len = %d, want %d", len(tt), maxOrigins)
	}
	long := taint{{param: 1, trace: make([]finding.TraceStep, 5)}}
	short := taint{{param: 1, trace: make([]finding.TraceStep, 1)}}
	if got := join(long, short); len(got) != 1 || len(got[0].trace) != 1 {
		t.Errorf("join kept %v, want the shorter trace", got)
	}
}

func TestLabelsSatisfied(t *testing.T) {
	has := func(ls ...string) func(string) bool {
		return func(l string) bool {
			for _, x := range ls {
				if x == l {
					return true
				}
			}
			return false
		}
	}
	tests := []struct {
		req  string
		have []string
		want bool
	}{
		{"", nil, true},
		{"A", []string{"A"}, true},
		{"A", []string{"B"}, false},
		{"A and B", []string{"A"}, false},
		{"A and B", []string{"A", "B"}, true},
		{"A or B and C", []string{"B", "C"}, true},
		{"A or B and C", []string{"B"}, false},
	}
	for _, tc := range tests {
		if got := rule.Satisfied(tc.req, has(tc.have...)); got != tc.want {
			t.Errorf("Satisfied(%q, %v) = %v", tc.req, tc.have, got)
		}
	}
}

// analyzeSource runs the rules of a fixture directory over one source.
func analyzeSource(t testing.TB, ps *lang.Parsers, set *rule.Set, id lang.ID, name string, src []byte) []Finding {
	tree, err := syntax.Build(context.Background(), ps, id, src)
	if err != nil {
		return nil
	}
	ms, err := set.RunTaint(context.Background(), tree, set.TaintRules(id, name))
	if err != nil {
		return nil
	}
	found, _, err := Analyze(context.Background(), []*File{{Path: name, Tree: tree, Matches: ms}})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func loadSet(t testing.TB, ps *lang.Parsers, dirs ...string) *rule.Set {
	var srcs []rule.Source
	for _, d := range dirs {
		data, err := os.ReadFile(filepath.Join("testdata", d, "rules.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, rule.Source{Name: d + "/rules.yaml", Data: data})
	}
	set, err := rule.Load(context.Background(), ps, srcs)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestRecursionConverges checks that mutually recursive functions get
// summaries and the worklist ends.
func TestRecursionConverges(t *testing.T) {
	ps := lang.NewParsers()
	defer ps.Close()
	set := loadSet(t, ps, "python")
	src := []byte(`
from flask import request
from db import cursor

def a(x, n):
    if n > 0:
        return b(x, n - 1)
    return x

def b(y, n):
    return a(y + "!", n)

def view():
    cursor.execute(a(request.args.get("q"), 3))
`)
	found := analyzeSource(t, ps, set, lang.Python, "rec.py", src)
	var got []int
	for _, f := range found {
		got = append(got, f.Location.StartLine)
	}
	if diff := cmp.Diff([]int{14}, got); diff != "" {
		t.Errorf("finding lines (-want +got):\n%s", diff)
	}
}

// FuzzAnalyze interprets arbitrary source as each language with the
// fixture rules: it must neither panic nor hang.
func FuzzAnalyze(f *testing.F) {
	for _, p := range []string{
		"java/Controller.java", "python/views.py", "javascript/app.js", "go/handlers.go",
		"java/Precise.java", "python/reports.py", "javascript/destructure.ts", "go/invoices.go",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	ps := lang.NewParsers()
	defer ps.Close()
	set := loadSet(f, ps, "java", "python", "javascript", "go")
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		// A hang becomes a crash the fuzzer records.
		watchdog := time.AfterFunc(20*time.Second, func() { panic("analysis of one input took over 20s") })
		defer watchdog.Stop()
		for _, l := range []struct {
			id   lang.ID
			name string
		}{{lang.Java, "A.java"}, {lang.Python, "a.py"}, {lang.JavaScript, "a.js"}, {lang.Go, "a.go"}} {
			analyzeSource(t, ps, set, l.id, l.name, src)
		}
	})
}

// TestManyElementsAreBounded checks that huge literals and long add
// sequences fold into the collection instead of growing the state.
func TestManyElementsAreBounded(t *testing.T) {
	ps := lang.NewParsers()
	defer ps.Close()
	set := loadSet(t, ps, "python")
	var b strings.Builder
	b.WriteString("from flask import request\nfrom db import cursor\n\ndef view():\n    xs = [")
	for i := range 3000 {
		fmt.Fprintf(&b, "%d, ", i)
	}
	b.WriteString("request.args.get('q')]\n")
	for range 100 {
		b.WriteString("    xs.append('c')\n")
	}
	b.WriteString("    cursor.execute(xs[3000])\n")
	found := analyzeSource(t, ps, set, lang.Python, "big.py", []byte(b.String()))
	if len(found) != 1 {
		t.Errorf("got %d findings, want the one through the folded list", len(found))
	}
}
