package syntax

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/sast/lang"
)

func build(t testing.TB, id lang.ID, src string) *Tree {
	t.Helper()
	ps := lang.NewParsers()
	t.Cleanup(ps.Close)
	tr, err := Build(context.Background(), ps, id, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// walk visits every node in preorder.
func walk(n *Node, f func(*Node)) {
	Walk(n, func(x *Node) bool { f(x); return true })
}

func TestAssignmentsAndEnclosing(t *testing.T) {
	tr := build(t, lang.Python, "def f(req):\n    q = \"SELECT \" + req\n    run(q)\n")
	var got []string
	walk(tr.Root, func(n *Node) {
		if l, r, ok := tr.Assignment(n); ok {
			fn := Enclosing(n, lang.PyFunctionDefinition)
			got = append(got, tr.Text(l)+" = "+tr.Text(r)+" in "+tr.Text(fn.Child("name")))
		}
	})
	if diff := cmp.Diff([]string{`q = "SELECT " + req in f`}, got); diff != "" {
		t.Errorf("assignments (-want +got):\n%s", diff)
	}
}

func TestImports(t *testing.T) {
	tests := []struct {
		id   lang.ID
		src  string
		want map[string]string
	}{
		{lang.Go, "package p\nimport (\n\tex \"os/exec\"\n\t\"crypto/md5\"\n\t_ \"embed\"\n\tyaml \"go.yaml.in/yaml/v3\"\n)\n",
			map[string]string{"ex": "os/exec", "md5": "crypto/md5", "yaml": "go.yaml.in/yaml/v3"}},
		{lang.Python, "import hashlib as h, os.path\nfrom os import path as p, sep\nfrom . import x\n",
			map[string]string{"h": "hashlib", "os": "os", "p": "os.path", "sep": "os.sep", "x": "..x"}},
		{lang.JavaScript, "const cp = require('node:child_process');\nconst {exec, spawn: sp} = require(\"child_process\");\nimport d, {a as b, c} from 'mod';\nimport * as ns from 'ns';\n",
			map[string]string{"cp": "child_process", "exec": "child_process.exec", "sp": "child_process.spawn", "d": "mod", "b": "mod.a", "c": "mod.c", "ns": "ns"}},
		{lang.TypeScript, "import cp = require('child_process');\nimport fs, {readFile as rf} from 'fs';\n",
			map[string]string{"cp": "child_process", "fs": "fs", "rf": "fs.readFile"}},
		{lang.Java, "import java.util.Random;\nimport static java.lang.Math.max;\nimport java.io.*;\nclass A {}\n",
			map[string]string{"Random": "java.util.Random", "max": "java.lang.Math.max"}},
	}
	for _, tt := range tests {
		tr := build(t, tt.id, tt.src)
		if diff := cmp.Diff(tt.want, tr.Imports); diff != "" {
			t.Errorf("%s imports (-want +got):\n%s", tt.id, diff)
		}
	}
}

func TestStringsAndFolding(t *testing.T) {
	tests := []struct {
		id   lang.ID
		src  string
		want []string
	}{
		{lang.Go, "x := \"a\\tb\" + `c`\ny := (\"p\" + \"q\") + \"r\"", []string{"a\tb", "c", "a\tbc", "p", "q", "pq", "r", "pqr"}},
		{lang.Python, "x = r'a\\n' \"b\"\ny = b\"\"\"c\"\"\" + 'd'\nz = f'{v}'", []string{"a\\n", "b", "a\\nb", "c", "d", "cd"}},
		{lang.JavaScript, "let s = `a` + 'b\\n' + \"c\"; let u = `x${y}`;", []string{"a", "b\n", "ab\n", "c", "ab\nc"}},
		{lang.Java, "String s = \"SELECT \" + \"x\";", []string{"SELECT ", "x", "SELECT x"}},
	}
	for _, tt := range tests {
		tr := build(t, tt.id, tt.src)
		var got []string
		walk(tr.Root, func(n *Node) {
			if n.IsString {
				got = append(got, n.Str)
			}
		})
		// Walk is preorder: a folded parent comes before its parts.
		// Compare as sets in a stable order.
		if diff := cmp.Diff(sortedCopy(tt.want), sortedCopy(got)); diff != "" {
			t.Errorf("%s strings (-want +got):\n%s", tt.id, diff)
		}
	}
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestNormalisationDropsCommentsAndParens(t *testing.T) {
	tr := build(t, lang.Go, "package p\nfunc f() { g((x) /* c */, (\"s\")) // d\n}\n")
	walk(tr.Root, func(n *Node) {
		switch n.Kind {
		case lang.KindComment, lang.KindParenthesizedExpression, "(", ",":
			t.Errorf("node %q survived normalisation", n.Kind)
		}
	})
}

func TestQualifiedNames(t *testing.T) {
	tests := []struct {
		id   lang.ID
		src  string
		want []string
	}{
		{lang.Go, "package p\nimport ex \"os/exec\"\nfunc f() { ex.Command(\"ls\") }", []string{"os/exec.Command"}},
		{lang.Python, "import hashlib as h\nh.md5(b'x')\nfrom os import path as p\np.join(a)", []string{"hashlib.md5", "os.path.join"}},
		{lang.JavaScript, "const cp = require('child_process'); cp.exec(c); require('child_process').spawn(c);", []string{"require", "require", "child_process.exec", "child_process.spawn"}},
		{lang.Java, "import java.util.Random;\nclass A { void f() { new Random(); Runtime.getRuntime().exec(c); } }", []string{"java.util.Random", "Runtime.getRuntime().exec", "Runtime.getRuntime"}},
	}
	for _, tt := range tests {
		tr := build(t, tt.id, tt.src)
		var got []string
		walk(tr.Root, func(n *Node) {
			if _, name, ok := tr.Callee(n); ok && name != "" {
				got = append(got, name)
			}
		})
		if diff := cmp.Diff(sortedCopy(tt.want), sortedCopy(got)); diff != "" {
			t.Errorf("%s callees (-want +got):\n%s", tt.id, diff)
		}
	}
}

func TestPositionsAndErrors(t *testing.T) {
	tr := build(t, lang.Python, "x = 1\nif (:\n  y = 2\n")
	if tr.Errors == 0 {
		t.Error("syntax error not counted")
	}
	line, col := tr.Position(uint32(strings.Index(string(tr.Src), "y")))
	if line != 3 || col != 3 {
		t.Errorf("Position = %d:%d, want 3:3", line, col)
	}
}

func TestDeepNestingIsBounded(t *testing.T) {
	src := "x = " + strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000) + "\n"
	tr := build(t, lang.Python, src)
	depth := 0
	var rec func(n *Node, d int)
	rec = func(n *Node, d int) {
		depth = max(depth, d)
		for _, c := range n.Children {
			rec(c, d+1)
		}
	}
	rec(tr.Root, 0)
	if depth > MaxDepth+1 {
		t.Errorf("depth %d exceeds MaxDepth %d", depth, MaxDepth)
	}
}

func TestConstantPropagation(t *testing.T) {
	tests := []struct {
		id   lang.ID
		src  string
		want []string // "name=value" for every identifier read with a constant value
	}{
		{lang.Go, "package p\nconst tool = \"git\"\nvar pkgVar = \"v\"\nfunc g() { run(pkgVar) }\nfunc f(a string) {\n\tcmd := \"ls\"\n\trun(cmd, tool)\n\tx := \"a\"\n\tx += a\n\trun(x)\n\tfor _, y := range ys { run(y) }\n\ty := \"b\"\n\trun(y)\n}\n",
			[]string{"cmd=ls", "tool=git"}},
		{lang.Python, "CMD = 'ls'\ndef f(a):\n    run(CMD)\n    x = 'a'\n    for x in a:\n        run(x)\n    o.CMD = a\n    g(CMD=a)\n",
			[]string{"CMD=ls"}},
		{lang.JavaScript, "const c = 'ls';\nlet d = 'x';\nd = input;\nexec(c); exec(d);\n", []string{"c=ls"}},
		{lang.Java, "class A {\n  static final String CMD = \"ls\";\n  private String mutable = \"a\";\n  void f(String p) { run(CMD); String q = \"x\"; q = p; run(q); this.mutable = p; run(mutable); }\n}\n", []string{"CMD=ls"}},
	}
	for _, tt := range tests {
		tr := build(t, tt.id, tt.src)
		var got []string
		walk(tr.Root, func(n *Node) {
			if n.Kind == lang.KindIdentifier {
				if v, ok := tr.ConstantValue(n); ok {
					got = append(got, tr.Text(n)+"="+v)
				}
			}
		})
		if diff := cmp.Diff(sortedCopy(tt.want), sortedCopy(got)); diff != "" {
			t.Errorf("%s constants (-want +got):\n%s", tt.id, diff)
		}
	}
}

// TestManyConstantsScale guards against a walk per constant: 4000 module
// constants and 4000 uses must build quickly.
func TestManyConstantsScale(t *testing.T) {
	var b strings.Builder
	for i := range 4000 {
		fmt.Fprintf(&b, "C%d = 'v%d'\n", i, i)
	}
	for i := range 4000 {
		fmt.Fprintf(&b, "run(C%d)\n", i)
	}
	start := time.Now()
	tr := build(t, lang.Python, b.String())
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	n := 0
	walk(tr.Root, func(x *Node) {
		if _, ok := tr.ConstantValue(x); ok && x.Kind == lang.KindIdentifier {
			n++
		}
	})
	if n != maxConstantCandidates {
		t.Errorf("%d constant reads, want %d (the candidate cap)", n, maxConstantCandidates)
	}
}
