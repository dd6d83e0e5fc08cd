package pattern

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// matchLines compiles pat, matches it over src and returns the 1-based
// start lines of the matches, with the text bound to $X if any.
func matchLines(t *testing.T, id lang.ID, pat, src string) []string {
	t.Helper()
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	p, err := Compile(ctx, ps, id, pat)
	if err != nil {
		t.Fatalf("Compile(%q): %v", pat, err)
	}
	tree, err := syntax.Build(ctx, ps, id, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := NewIndex([]*Pattern{p}).Search(ctx, tree, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range res[0] {
		line, _ := tree.Position(m.Start)
		s := fmt.Sprintf("%02d", line)
		if b, ok := m.Lookup("$X"); ok {
			s += " " + string(tree.Src[b.Start:b.End])
		}
		out = append(out, s)
	}
	return out
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name string
		id   lang.ID
		pat  string
		src  string
		want []string
	}{
		{"go renamed import and multi-line call", lang.Go, `exec.Command($X, ...)`,
			"package p\nimport ex \"os/exec\"\nfunc f(c string) {\n\tex.Command(\n\t\tc,\n\t\t\"-x\")\n\tex.Command(\"ls\")\n\tother.Command(c)\n}\n",
			[]string{"04 c", "07 \"ls\""}},
		{"go string value whatever the quoting", lang.Go, `exec.Command("ls", ...)`,
			"package p\nimport \"os/exec\"\nfunc f() {\n\texec.Command(`ls`)\n\texec.Command(\"l\" + \"s\", \"-l\")\n\texec.Command(\"rm\")\n}\n",
			[]string{"04", "05"}},
		{"python alias", lang.Python, `hashlib.md5(...)`,
			"import hashlib as h\nfrom hashlib import md5 as m\nh.md5(b'x')\nm(data)\nhashlib.sha256(x)\n",
			[]string{"03", "04"}},
		{"python from import chain", lang.Python, `os.path.join($X, ...)`,
			"from os import path as p\np.join(a, b)\n(p.join)(c)\n",
			[]string{"02 a", "03 c"}},
		{"python ellipsis in statements", lang.Python, "def $F(...):\n    ...\n    eval($X)\n",
			"def f(a, b):\n    x = 1\n    eval(a)\ndef g():\n    eval(1)\n    return 2\n",
			[]string{"01 a", "04 1"}},
		{"js require and destructuring", lang.JavaScript, `require('child_process').exec($X)`,
			"const cp = require('child_process');\nconst {exec} = require('node:child_process');\ncp.exec(a);\nexec(b);\nfoo.exec(c);\n",
			[]string{"03 a", "04 b"}},
		{"js string any", lang.JavaScript, `eval("...")`, "eval('x');\neval(`y`);\neval(z);\neval(`a${b}`);\n",
			[]string{"01", "02"}},
		{"typescript metavariable reuse", lang.TypeScript, `$X === $X`, "if (a === a) {}\nif (a === b) {}\nif ((a) === a) {}\n",
			[]string{"01 a", "03 a"}},
		{"java import resolution", lang.Java, `new java.util.Random()`,
			"import java.util.Random;\nclass A { void f() { Random r = new Random(); Object o = new java.util.Random(); new SecureRandom(); } }\n",
			[]string{"02", "02"}},
		{"java method chain", lang.Java, `Runtime.getRuntime().exec($X, ...)`,
			"class A { void f(String c) {\n Runtime.getRuntime().exec(c);\n Runtime.getRuntime()\n   .exec(new String[]{\"ls\"}, env);\n other.exec(c);\n} }\n",
			[]string{"02 c", "03 new String[]{\"ls\"}"}},
		{"deep expression", lang.Python, `cursor.execute(<... request.args ...>)`,
			"cursor.execute(\"select \" + request.args)\ncursor.execute(q % (a, request.args))\ncursor.execute(q)\n",
			[]string{"01", "02"}},
		{"string prefix", lang.Java, `$S.executeQuery("SELECT ...")`,
			"class A { void f() { s.executeQuery(\"SELECT * FROM t\"); s.executeQuery(\"DELETE FROM t\"); } }\n",
			[]string{"01"}},
		{"java method declaration with parameter ellipsis", lang.Java, "public void $X(...) { ... }",
			"class A {\n  public void a(int x, String y) { f(); }\n  private void b() {}\n  public void c() {}\n  public int d() { return 1; }\n}\n",
			[]string{"02 a", "04 c"}},
		{"java modifiers as a set", lang.Java, "@GetMapping(...)\npublic $RET $X(...) { ... }",
			"class A {\n  @Deprecated @GetMapping(\"/a\") public static String a() { return \"\"; }\n  @GetMapping(\"/b\") private String b() { return \"\"; }\n  public String c() { return \"\"; }\n}\n",
			[]string{"02 a"}},
		{"java declaration without modifiers", lang.Java, "String $X = request.getParameter(...);",
			"class A { void f() {\n final String a = request.getParameter(\"a\");\n String b = request.getParameter(\"b\");\n int c = 1;\n} }\n",
			[]string{"02 a", "03 b"}},
		{"deep statement matching", lang.Python, "$F = open(...)\n...\n$F.close()",
			"f = open(a)\nif x:\n    f.close()\ng = open(b)\nh.close()\n",
			[]string{"01"}},
		{"java typed metavariable", lang.Java, `(HttpServletRequest $X).getParameter(...)`,
			"class A {\n void f(HttpServletRequest req, Map<String,String> m) {\n  req.getParameter(\"a\");\n  m.getParameter(\"b\");\n  foo((String $Y));\n }\n}\n",
			[]string{"03 req"}},
		{"go typed metavariable", lang.Go, `($X : *http.Request).FormValue(...)`,
			"package p\nfunc f(w http.ResponseWriter, r *http.Request, v url.Values) {\n\tr.FormValue(\"a\")\n\tv.FormValue(\"b\")\n}\n",
			[]string{"03 r"}},
		{"go typed metavariable of a map type", lang.Go, `db.Find(($X : map[string]interface{}))`,
			"package p\nfunc f(p map[string]interface{}, n map[string]string) {\n\tvar v map[string]interface {}\n\tw := map[string]interface{}{}\n\tvar u = map[string]interface{}{\"a\": 1}\n\tdb.Find(p)\n\tdb.Find(v)\n\tdb.Find(w)\n\tdb.Find(u)\n\tdb.Find(n)\n\tdb.Find(map[string]interface{}{})\n}\n",
			[]string{"06 p", "07 v", "08 w", "09 u", "11 map[string]interface{}{}"}},
		{"typescript typed metavariable", lang.TypeScript, `db.query(($X : string))`,
			"function f(q: string, n: number) {\n  db.query(q);\n  db.query(n);\n  db.query('x');\n}\n",
			[]string{"02 q", "04 'x'"}},
		{"typescript typed parameter unifies with its name", lang.TypeScript,
			"window.addEventListener(\"message\", ($X) => {\n  ...\n  use($X.data)\n})",
			"window.addEventListener(\"message\", (e: MessageEvent) => { use(e.data) })\nwindow.addEventListener(\"message\", (e: MessageEvent) => { use(f.data) })\nwindow.addEventListener(\"message\", (e) => { log(e); use(e.data) })\n",
			[]string{"01 e", "03 e"}},
		{"typescript typed parameter of a function expression", lang.TypeScript,
			"window.addEventListener(\"message\", function ($X) {\n  ...\n  use($X.data)\n})",
			"window.addEventListener(\"message\", function (e?: MessageEvent) { use(e.data) })\nwindow.addEventListener(\"message\", function (e: MessageEvent) { use(x.data) })\n",
			[]string{"01 e"}},
		{"python typed and default parameters bind their names", lang.Python, "def $F(..., $X, ...):\n    ...\n    eval($X)",
			"def f(a: str):\n    eval(a)\ndef g(b=1):\n    eval(b)\ndef h(c: int):\n    eval(d)\n",
			[]string{"01 a", "03 b"}},
		{"java ellipsis next to an annotated parameter", lang.Java, "$RET $M(..., @RequestBody $T $X, ...) { ... }",
			"class A {\n  public String a(@RequestBody Foo f) { return \"\"; }\n  public String b(int x, @Valid @RequestBody Foo g, String y) { return \"\"; }\n  public String c(int x, Foo h) { return \"\"; }\n  void d(@PathVariable String id, @RequestBody Map<String, Integer> m) {}\n}\n",
			[]string{"02 f", "03 g", "05 m"}},
		{"java ellipsis after an annotated parameter only", lang.Java, "void $M(@RequestBody $T $X, ...) { ... }",
			"class A {\n  void a(@RequestBody Foo f, int n) {}\n  void b(int n, @RequestBody Foo g) {}\n}\n",
			[]string{"02 f"}},
		{"every argument position", lang.Python, `foo(..., $X, ...)`,
			"foo(a, b, c)\nfoo()\n",
			[]string{"01 a", "01 b", "01 c"}},
		{"every nested argument position unifying", lang.Python, `foo(bar(..., $X, ...), $X)`,
			"foo(bar(a, b), b)\nfoo(bar(a, b), c)\n",
			[]string{"01 b"}},
		{"every subexpression under a deep expression", lang.JavaScript, `eval(<... $X.data ...>)`,
			"eval(a.data + b.data);\n",
			[]string{"01 a", "01 b"}},
		{"metavariable sequence", lang.Go, `fmt.Sprintf($F, $...ARGS)`,
			"package p\nfunc f() { fmt.Sprintf(\"%s\", a, b); fmt.Sprintf(\"x\") }\n",
			[]string{"02", "02"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchLines(t, tt.id, tt.pat, tt.src)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("matches (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	for _, tt := range []struct {
		id  lang.ID
		pat string
	}{
		{lang.Go, "exec.Command("},
		{lang.Python, "def ("},
		{lang.Java, "\"unterminated"},
		{lang.JavaScript, ""},
		{lang.Go, "$...x"},
	} {
		if _, err := Compile(ctx, ps, tt.id, tt.pat); err == nil {
			t.Errorf("Compile(%s, %q) succeeded", tt.id, tt.pat)
		}
	}
}

func TestWords(t *testing.T) {
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	p, err := Compile(ctx, ps, lang.JavaScript, `require('child_process').exec($CMD, "x", ...)`)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"exec"}, p.Words()); diff != "" {
		t.Errorf("words (-want +got):\n%s", diff)
	}
}

// TestAlternativesBounded checks that a pattern matching one call in
// many ways yields at most MaxAlternatives matches, in steps linear in
// the length of the argument list.
func TestAlternativesBounded(t *testing.T) {
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	p, err := Compile(ctx, ps, lang.Python, "foo(..., $X, ..., $Y, ...)")
	if err != nil {
		t.Fatal(err)
	}
	const n = 5000
	var src strings.Builder
	src.WriteString("foo(")
	for i := range n {
		fmt.Fprintf(&src, "a%d, ", i)
	}
	src.WriteString("z)\n")
	tree, err := syntax.Build(ctx, ps, lang.Python, []byte(src.String()))
	if err != nil {
		t.Fatal(err)
	}
	budget := MaxSteps
	res, err := NewIndex([]*Pattern{p}).SearchBudget(ctx, tree, nil, nil, &budget)
	if err != nil {
		t.Fatal(err)
	}
	if len(res[0]) != MaxAlternatives {
		t.Errorf("%d matches, want %d", len(res[0]), MaxAlternatives)
	}
	if used := MaxSteps - budget; used > 100*n {
		t.Errorf("%d steps for %d arguments", used, n)
	}
}
