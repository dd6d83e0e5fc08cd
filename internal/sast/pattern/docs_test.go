package pattern

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/sast/lang"
)

// TestDocumentedPatternsCompile keeps the examples of docs/rules.md valid.
func TestDocumentedPatternsCompile(t *testing.T) {
	examples := map[lang.ID][]string{
		lang.Go: {
			"tls.Config{..., InsecureSkipVerify: true, ...}",
			"$CFG.InsecureSkipVerify = true",
			`fmt.Sprintf("SELECT ...", $...ARGS)`,
			"func $F(w http.ResponseWriter, r *http.Request) {\n  ...\n}",
			"exec.Command($CMD, ...)",
		},
		lang.Python: {
			"subprocess.run($CMD, ..., shell=True, ...)",
			"hashlib.md5(..., usedforsecurity=False, ...)",
			"def $F(...):\n    ...\n    eval($X)",
			"$Q = request.args.get(...)\n...",
			"cursor.execute(<... request.args ...>)",
		},
		lang.JavaScript: {
			"require('child_process').exec($CMD, ...)",
			"new Function(..., $BODY)",
			"$EL.innerHTML = $X",
			"res.cookie($NAME, $VALUE, {..., httpOnly: false, ...})",
		},
		lang.TypeScript: {
			"require('child_process').exec($CMD, ...)",
			"$EL.innerHTML = $X",
		},
		lang.Java: {
			"Runtime.getRuntime().exec($CMD, ...)",
			`MessageDigest.getInstance("MD5")`,
			"new ProcessBuilder($CMD, ...)",
			"ScriptEngine $SE = ...;\n...",
			"public void $M(...) { ... }",
			"$RET $M(..., @RequestBody $T $X, ...) { ... }",
		},
	}
	ps := lang.NewParsers()
	defer ps.Close()
	for id, pats := range examples {
		for _, p := range pats {
			if _, err := Compile(context.Background(), ps, id, p); err != nil {
				t.Errorf("%s %q: %v", id, p, err)
			}
		}
	}
}
