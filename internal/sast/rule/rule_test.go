package rule

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/pattern"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// run loads one rule file and returns "line:col rule-id" for every result
// over src.
func run(t *testing.T, ruleYAML string, id lang.ID, path, src string) []string {
	t.Helper()
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	set, err := Load(ctx, ps, []Source{{Name: "r.yaml", Data: []byte(ruleYAML)}})
	if err != nil {
		t.Fatal(err)
	}
	cands := set.Candidates(id, path, []byte(src))
	if len(cands) == 0 {
		return nil
	}
	tree, err := syntax.Build(ctx, ps, id, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := set.Run(ctx, tree, cands)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range res {
		l, c := tree.Position(r.Match.Start)
		out = append(out, fmt.Sprintf("%d:%d %s", l, c, r.Rule.Meta.ID))
	}
	return out
}

const header = "rules:\n  - id: t.rule\n    languages: [python]\n    severity: HIGH\n    message: m\n"

func TestComposition(t *testing.T) {
	tests := []struct {
		name string
		body string
		src  string
		want []string
	}{
		{"pattern-inside with statement sequence", `    patterns:
      - pattern-inside: |
          $F = open(...)
          ...
      - pattern: $F.read()
`, "f = open(p)\nx = f.read()\ng.read()\n", []string{"2:5 t.rule"}},
		{"pattern-not-inside", `    patterns:
      - pattern: eval($X)
      - pattern-not-inside: |
          def safe(...):
              ...
`, "def safe(a):\n    eval(a)\ndef bad(a):\n    eval(a)\n", []string{"4:5 t.rule"}},
		{"metavariable-pattern", `    patterns:
      - pattern: cursor.execute($Q)
      - metavariable-pattern:
          metavariable: $Q
          pattern: $A + $B
`, "cursor.execute(\"select \" + x)\ncursor.execute(q)\n", []string{"1:1 t.rule"}},
		{"metavariable-pattern searches only the bound code", `    patterns:
      - pattern: log($...ARGS)
      - metavariable-pattern:
          metavariable: $...ARGS
          patterns:
            - pattern: $X
            - metavariable-regex:
                metavariable: $X
                regex: .*password
`, "log(user, password)\nlog(user)\nprint(password)\nlog(f(db_password))\n", []string{"1:1 t.rule", "4:1 t.rule"}},
		{"metavariable-pattern with a regex", `    patterns:
      - pattern: log($MSG)
      - metavariable-pattern:
          metavariable: $MSG
          pattern-regex: secret
`, "log('a secret')\nlog('public')\nsecret = 1\n", []string{"1:1 t.rule"}},
		{"nested metavariable-pattern", `    patterns:
      - pattern: run($CMD)
      - metavariable-pattern:
          metavariable: $CMD
          patterns:
            - pattern: $A + $B
            - metavariable-pattern:
                metavariable: $B
                pattern: input(...)
`, "run('ls ' + input())\nrun('ls ' + x)\nrun(input())\n", []string{"1:1 t.rule"}},
		{"metavariable-pattern shares metavariables", `    patterns:
      - pattern: copy($SRC, $DST)
      - metavariable-pattern:
          metavariable: $DST
          pattern: $SRC + ".bak"
`, "copy(a, a + '.bak')\ncopy(a, b + '.bak')\n", []string{"1:1 t.rule"}},
		{"metavariable-regex naming the called method", `    patterns:
      - pattern-either:
          - pattern: $L.$M(...)
          - pattern: $L.$M.$N(...)
      - metavariable-regex:
          metavariable: $M
          regex: ^(info|warn(ing)?)$
`, "log.info(a)\nlog.debug(b)\nlogger.warning(c)\nlogger.warn(d)\nx.info.y(e)\ninfo(f)\n", []string{"1:1 t.rule", "3:1 t.rule", "4:1 t.rule", "5:1 t.rule"}},
		{"metavariable-regex naming the called function", `    patterns:
      - pattern: $F(...)
      - metavariable-regex:
          metavariable: $F
          regex: ^(eval|exec)$
`, "eval(a)\nx.eval(b)\nexec(c)\nevaluate(d)\n", []string{"1:1 t.rule", "3:1 t.rule"}},
		{"focus-metavariable", `    patterns:
      - pattern: requests.get($URL, verify=False)
      - focus-metavariable: $URL
`, "import requests\nrequests.get(\n    url, verify=False)\n", []string{"3:5 t.rule"}},
		{"pattern-either", `    pattern-either:
      - pattern: os.system(...)
      - pattern: os.popen(...)
`, "import os\nos.system(a)\nos.popen(b)\nos.getcwd()\n", []string{"2:1 t.rule", "3:1 t.rule"}},
		{"metavariable-regex anchors at the start", `    patterns:
      - pattern: $F(...)
      - metavariable-regex:
          metavariable: $F
          regex: (eval|exec)
`, "eval(a)\nmy_eval(b)\nexecute(c)\n", []string{"1:1 t.rule", "3:1 t.rule"}},
		{"metavariable-regex on a string value", `    patterns:
      - pattern: hashlib.new($ALG)
      - metavariable-regex:
          metavariable: $ALG
          regex: (?i)md5
`, "hashlib.new('MD5')\nhashlib.new(\"sha256\")\nhashlib.new('md' '5')\n", []string{"1:1 t.rule", "3:1 t.rule"}},
		{"metavariable-comparison", `    patterns:
      - pattern: rsa.generate_private_key($E, $SIZE, ...)
      - metavariable-comparison:
          metavariable: $SIZE
          comparison: $SIZE < 2048 and not ($E == 3)
`, "rsa.generate_private_key(65537, 1024)\nrsa.generate_private_key(65537, 4096)\nrsa.generate_private_key(3, 1024)\nrsa.generate_private_key(65537, 0x400)\n", []string{"1:1 t.rule", "4:1 t.rule"}},
		{"pattern-regex", `    pattern-regex: password\s*=\s*"[^"]+"
`, "password = \"hunter2\"\npassword = os.environ[\"P\"]\n", []string{"1:1 t.rule"}},
		{"pattern-not-regex", `    patterns:
      - pattern: eval($X)
      - pattern-not-regex: nosec
`, "eval(a)  # nosec\neval(b)\n", []string{"2:1 t.rule"}},
		{"any argument position under metavariable-regex", `    patterns:
      - pattern: log(..., $ARG, ...)
      - metavariable-regex:
          metavariable: $ARG
          regex: .*token
`, "log(user, api_token)\nlog(user, name)\nlog(token)\n", []string{"1:1 t.rule", "3:1 t.rule"}},
		{"any argument position under focus-metavariable and metavariable-pattern", `    patterns:
      - pattern: log(..., $ARG, ...)
      - metavariable-pattern:
          metavariable: $ARG
          pattern: request.args.get(...)
      - focus-metavariable: $ARG
`, "log(a, b, request.args.get('x'))\nlog(a, b)\n", []string{"1:11 t.rule"}},
		{"any argument position under pattern-not", `    patterns:
      - pattern: log(..., $ARG, ...)
      - pattern-not: log(..., "...", ...)
      - pattern-not: log($ARG, ...)
`, "log(first, second)\nlog(only)\n", []string{"1:1 t.rule"}},
		{"pattern-inside under pattern-either keeps the sink", `    patterns:
      - pattern-either:
          - pattern-inside: |
              def $F(..., request, ...):
                  ...
          - pattern-inside: |
              with app.test_request_context():
                  ...
      - pattern: eval(...)
`, "def view(request):\n    x = 1\n    eval(x)\ndef other(a):\n    eval(a)\nwith app.test_request_context():\n    eval(b)\n", []string{"3:5 t.rule", "7:5 t.rule"}},
		{"pattern-either mixing pattern-inside and pattern", `    patterns:
      - pattern: eval($X)
      - pattern-either:
          - pattern-inside: |
              def view(...):
                  ...
          - pattern: eval(request.args)
`, "def view():\n    eval(a)\neval(request.args)\neval(b)\n", []string{"2:5 t.rule", "3:1 t.rule"}},
		{"pattern-either of pattern-inside first", `    patterns:
      - pattern-either:
          - pattern-inside: |
              def view(...):
                  ...
      - pattern-either:
          - pattern: eval(...)
          - pattern: exec(...)
`, "def view():\n    eval(a)\n    exec(b)\neval(c)\n", []string{"2:5 t.rule", "3:5 t.rule"}},
		{"metavariable-pattern sees outer metavariables in its regexes", `    patterns:
      - pattern: copy($SRC, $DST)
      - metavariable-pattern:
          metavariable: $DST
          patterns:
            - pattern: $X + ".bak"
            - metavariable-regex:
                metavariable: $SRC
                regex: ^tmp
`, "copy(tmp1, a + '.bak')\ncopy(src, b + '.bak')\n", []string{"1:1 t.rule"}},
		{"metavariable-pattern unifies its pattern-not with outer metavariables", `    patterns:
      - pattern: copy($SRC, $DST)
      - metavariable-pattern:
          metavariable: $DST
          patterns:
            - pattern: $X + ".bak"
            - pattern-not: $SRC + ".bak"
`, "copy(a, a + '.bak')\ncopy(a, b + '.bak')\n", []string{"2:1 t.rule"}},
		{"metavariable-pattern bindings reach focus-metavariable", `    patterns:
      - pattern: copy($SRC, $DST)
      - metavariable-pattern:
          metavariable: $DST
          pattern: $SRC + $EXT
      - focus-metavariable: $EXT
`, "copy(a, a + '.bak')\ncopy(a, b + '.bak')\n", []string{"1:13 t.rule"}},
		{"lone metavariable under a pattern-inside that binds it", `    patterns:
      - pattern-inside: |
          $X = json.loads(...)
          ...
      - pattern: $X
`, "import json\ndata = json.loads(body)\nprint(data)\nother = 1\nsave(data, obj.data)\n", []string{"3:7 t.rule", "5:6 t.rule"}},
		{"same metavariable across operators", `    patterns:
      - pattern-inside: |
          $X = request.args.get(...)
          ...
      - pattern: eval($X)
`, "a = request.args.get('a')\neval(a)\neval(b)\n", []string{"2:1 t.rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, header+tt.body, lang.Python, "app.py", tt.src)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPaths(t *testing.T) {
	y := header + "    pattern: eval(...)\n    paths:\n      include: [\"src/\", \"*.py\"]\n      exclude: [\"tests/\", \"*_test.py\"]\n"
	for path, want := range map[string]int{"src/app.py": 1, "tests/app.py": 0, "src/x_test.py": 0, "lib/app.py": 1, "src/tests/a.py": 0} {
		if got := len(run(t, y, lang.Python, path, "eval(a)\n")); got != want {
			t.Errorf("%s: %d results, want %d", path, got, want)
		}
	}
}

func TestPrefilter(t *testing.T) {
	y := header + "    pattern-either:\n      - pattern: hashlib.md5(...)\n      - pattern: Crypto.Hash.MD5.new(...)\n"
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	set, err := Load(ctx, ps, []Source{{Name: "r.yaml", Data: []byte(y)}})
	if err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]int{
		"import hashlib\nhashlib.md5(b'')\n":     1,
		"from Crypto.Hash import MD5\nMD5.new()": 1,
		"import hashlib\nhashlib.sha256(x)\n":    0,
		"print('md5')\n":                         0,
	} {
		if got := len(set.Candidates(lang.Python, "a.py", []byte(src))); got != want {
			t.Errorf("%q: %d candidates, want %d", src, got, want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	base := "rules:\n  - id: t.rule\n    languages: [python]\n    severity: HIGH\n    message: m\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"no rules", "foo: 1\n", "r.yaml:1: missing \"rules\" list"},
		{"unknown key", base + "    pattern: x\n    paterns: []\n", `r.yaml:7: rule "t.rule": unknown key "paterns"`},
		{"taint keys without mode", base + "    pattern-sources: []\n", `r.yaml:6: rule "t.rule": pattern-sources needs mode: taint`},
		{"taint without sinks", base + "    mode: taint\n    pattern-sources:\n      - pattern: source()\n", `rule "t.rule": a taint rule needs pattern-sources and pattern-sinks`},
		{"taint with pattern", base + "    mode: taint\n    pattern: x\n", `a taint rule has pattern-sources and pattern-sinks instead of pattern`},
		{"propagator without to", base + "    mode: taint\n    pattern-sources:\n      - pattern: a()\n    pattern-sinks:\n      - pattern: b($X)\n    pattern-propagators:\n      - pattern: c($X)\n        from: $X\n", `a propagator needs from and to metavariables`},
		{"bad requires", base + "    mode: taint\n    pattern-sources:\n      - pattern: a()\n    pattern-sinks:\n      - pattern: b($X)\n        requires: A and (B)\n", `requires: `},
		{"two formulas", base + "    pattern: x\n    pattern-regex: y\n", `only one of pattern`},
		{"bad regex", base + "    pattern-regex: '(?<=x)'\n", `r.yaml:6: rule "t.rule": pattern-regex: look-around "(?<=...)" is not supported`},
		{"bad cwe", base + "    cwe: CWE-abc\n    pattern: x\n", `r.yaml:6: rule "t.rule": cwe "CWE-abc" is not of the form CWE-89`},
		{"bad pattern", base + "    pattern: 'def ('\n", `r.yaml:6: rule "t.rule": invalid python pattern`},
		{"duplicate id", base + "    pattern: x\n  - id: t.rule\n    languages: [python]\n    severity: LOW\n    message: m\n    pattern: y\n", `r.yaml:7: rule "t.rule": duplicate rule id (also at r.yaml:2)`},
		{"bad focus", base + "    patterns:\n      - pattern: x\n      - focus-metavariable: X\n", `r.yaml:8: rule "t.rule": focus-metavariable takes one metavariable`},
		{"bad comparison", base + "    patterns:\n      - pattern: x($A)\n      - metavariable-comparison: {comparison: $A <}\n", `r.yaml:8: rule "t.rule": metavariable-comparison: expression ends early`},
		{"missing message", "rules:\n  - id: t.rule\n    languages: [go]\n    severity: HIGH\n    pattern: x\n", `r.yaml:2: rule "t.rule": missing "message"`},
	}
	ps := lang.NewParsers()
	defer ps.Close()
	for _, tt := range tests {
		_, err := Load(context.Background(), ps, []Source{{Name: "r.yaml", Data: []byte(tt.yaml)}})
		var le *LoadError
		if !errors.As(err, &le) {
			t.Errorf("%s: error %v is not a *LoadError", tt.name, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q does not contain %q", tt.name, err, tt.want)
		}
	}
}

func TestMetadata(t *testing.T) {
	y := `rules:
  - id: Semgrep.Style-ID
    languages: [py]
    severity: WARNING
    message: Use of $FUNC is dangerous. Really.
    metadata:
      cwe:
        - "CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection')"
        - "CWE-94: Improper Control of Generation of Code ('Code Injection')"
      owasp: ["A03:2021 - Injection"]
      confidence: LOW
      references: [https://example.com/a]
      source-rule-url: https://example.com/b
    pattern: eval(...)
`
	ps := lang.NewParsers()
	defer ps.Close()
	set, err := Load(context.Background(), ps, []Source{{Name: "r.yaml", Data: []byte(y)}})
	if err != nil {
		t.Fatal(err)
	}
	m := set.Rules[0].Meta
	got := fmt.Sprintf("%s|%s|%s|%s|%s|%v|%v|%v", m.ID, m.Title, m.Severity, m.Confidence, m.CWE, m.RelatedCWEs, m.References, m.Tags)
	want := "semgrep.style-id|Use of … is dangerous|medium|low|CWE-95|[CWE-94]|[https://example.com/a https://example.com/b]|[owasp:A03:2021 - Injection]"
	if got != want {
		t.Errorf("metadata\n got %s\nwant %s", got, want)
	}
}

func TestTypeScriptOnlySyntax(t *testing.T) {
	y := "rules:\n  - id: t.cast\n    languages: [typescript]\n    severity: LOW\n    message: m\n    pattern: <any>$X\n"
	if got := run(t, y, lang.TypeScript, "a.ts", "let a = <any>b;\n"); len(got) != 1 {
		t.Errorf(".ts results = %v, want one", got)
	}
	if got := run(t, y, lang.TSX, "a.tsx", "let a = b as any;\n"); len(got) != 0 {
		t.Errorf(".tsx results = %v, want none", got)
	}
}

func TestStepBudget(t *testing.T) {
	y := header + "    pattern: f(..., $A, ..., $B, ..., $C, ..., $D, ..., 2)\n"
	src := "f(" + strings.Repeat("1, ", 3000) + "1)\n"
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	set, err := Load(ctx, ps, []Source{{Name: "r.yaml", Data: []byte(y)}})
	if err != nil {
		t.Fatal(err)
	}
	tree, err := syntax.Build(ctx, ps, lang.Python, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = set.Run(ctx, tree, set.Candidates(lang.Python, "a.py", []byte(src)))
	if !errors.Is(err, pattern.ErrBudget) {
		t.Errorf("err = %v, want the step budget error", err)
	}
	t.Logf("stopped after %v", time.Since(start))
}

// TestOneResultPerRange checks that a rule never reports the same range
// twice, however many ways its formula reaches it, while distinct ranges
// on one line stay separate results.
func TestOneResultPerRange(t *testing.T) {
	tests := []struct {
		name string
		body string
		src  string
		want []string
	}{
		{"pattern-either reaching one call twice", `    pattern-either:
      - pattern: eval($X)
      - pattern: eval(...)
      - pattern-regex: eval\(a\)
`, "eval(a)\n", []string{"1:1 t.rule"}},
		{"every argument position focused", `    patterns:
      - pattern: log(..., $ARG, ...)
      - focus-metavariable: $ARG
`, "log(a, a, b)\n", []string{"1:5 t.rule", "1:8 t.rule", "1:11 t.rule"}},
		{"one sink inside two enclosing sequences", `    patterns:
      - pattern-inside: |
          $X = json.loads(...)
          ...
      - pattern: $X
`, "data = json.loads(a)\ndata = json.loads(b)\nprint(data)\n", []string{"2:1 t.rule", "3:7 t.rule"}},
		{"one sink inside two enclosing ranges", `    patterns:
      - pattern-either:
          - pattern-inside: |
              def $F(...):
                  ...
          - pattern-inside: |
              def view(...):
                  ...
      - pattern: eval(...)
`, "def view():\n    eval(a); eval(b)\n", []string{"2:5 t.rule", "2:14 t.rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, header+tt.body, lang.Python, "app.py", tt.src)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
		})
	}
}
