package rule

import (
	"context"
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// TestFirstBytes checks that the first-byte pre-check never rejects text
// the regex matches.
func TestFirstBytes(t *testing.T) {
	exprs := []string{
		`(?is)` + "`" + `[^` + "`" + `]*\?secret=`,
		`(?i)md5`, `(eval|exec)`, `[A-Z_]+`, `\bpass`, `(?i)(?:[\w$]+\.)*password`,
		`(?is).*token`, `^(?:query|run)$`, `a?b`, `(ab)*c`, `x{0,3}y`, `é+`, `(?i)ǅ`, `\d+|-\d+`,
		`(?m)^key`, `[^a]b`, `.b`, `(?s).b`, `a|`, `()`, `\Ab`,
	}
	inputs := []string{"", "a", "b", "B", "c", "y", "xxxy", "md5", "MD5", "eval(x)", "execute", "Password",
		"db.password", "\n", "\nb", "é", "ǆ", "ǅ", "-12", "12", "key", "query", "run", "`x?secret=`", "ab", "abc", "token"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		b := make([]byte, rng.IntN(6))
		for i := range b {
			b[i] = "abcxyBM5$_.\n`?é-1"[rng.IntN(18)]
		}
		inputs = append(inputs, string(b))
	}
	for _, src := range exprs {
		re := regexp.MustCompile(`^(?:` + src + `)`)
		fb := firstBytes(re.String())
		for _, in := range inputs {
			if re.MatchString(in) && !fb.mayMatchString(in) {
				t.Errorf("%q matches %q but the first-byte check rejects it", src, in)
			}
		}
	}
	if fb := firstBytes(`^(?:(?is)` + "`" + `x)`); fb == nil || fb['a'] || !fb['`'] {
		t.Errorf("backtick-led regex: first bytes not narrowed")
	}
	if firstBytes(`^(?:a*)`) != nil {
		t.Errorf("a regex matching the empty string must not be narrowed")
	}
}

// TestRequiredLiterals checks that the literal pre-check never rejects
// text the regex matches, and that it narrows the usual shapes.
func TestRequiredLiterals(t *testing.T) {
	exprs := []string{
		`(?is).*(?:(?i:passw|passphrase|pwd|secret|credential|(?:access|refresh|auth)[_-]?token|(?:api|private)[_-]?key))`,
		`(?i).*(?:card|cvv|iban)|\b(?:pan|PAN)\b|_(?:pan|PAN)|[a-z0-9](?:Pan|PAN)`,
		`.*token`, `(?i)md5`, `ab+c`, `(?:xy){2}`, `a|bc`, `(?i)ks`, `password(?:_hash)?`, `(?:foo|)bar`,
		`(?i).*(?:cvv|cvc|c[a-z]rd)`, `.*['"]show_in\s*x`, `(?i).*\bpan\b`, `.*a[_-]?b`, `(?i)x?(?:ab|cd)?e`,
	}
	inputs := []string{"", "db_password", "PASSWORD", "a secret", "my_pan", "xPan", "card", "Authtoken", "auth-token", "API_KEY",
		"md5", "MD5", "abbbc", "xyxy", "bc", "a", "KS", "password_hash", "bar", "foobar", "token", "nothing here", "paſsword", "\u212As"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = "pasWORDsecrtkn_-cvib5mdxyz"[rng.IntN(26)]
		}
		inputs = append(inputs, string(b))
	}
	for _, src := range exprs {
		re := regexp.MustCompile(`^(?:` + src + `)`)
		lits := requiredLiterals(re.String())
		for _, in := range inputs {
			if re.MatchString(in) && !containsAnyFold(in, lits) {
				t.Errorf("%q matches %q but the literal check (%q) rejects it", src, in, lits)
			}
		}
	}
	if lits := requiredLiterals(`^(?:(?i).*(?:password|secret))`); len(lits) != 2 {
		t.Errorf("alternation of words: literals %q, want 2", lits)
	}
	// Factored alternations ("cvv|cvc" parses as "cv[cv]") and short
	// pieces joined by the concatenation still give whole words.
	for src, want := range map[string][]string{
		`^(?:(?is).*(?:card|cvv|cvc|_pan|\bpan\b))`:      {"card", "cvc", "cvv", "pan"},
		`['"]show_indexes['"]\s*:\s*True`:                {"show_indexes"},
		`(?m)^\s*(import\s+)?([A-Za-z_]+\s+)?"net/http"`: {`"net/http"`},
		`^(?:(?i).*national_?id)`:                        {"national"},
		// One word beats many products of it.
		`^(?:(?i).*(?:pwd|(?:access|refresh|auth|bearer|session|api|id|jwt|oauth|csrf|xsrf|reset|private|github|gitlab|slack|npm)[_-]?token))`: {"pwd", "token"},
	} {
		if got := requiredLiterals(src); !slices.Equal(sorted(got), want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", src, got, want)
		}
	}
	if lits := requiredLiterals(`^(?:(?i).*x?)`); lits != nil {
		t.Errorf("optional literal: %q, want none", lits)
	}
}

func TestExactNames(t *testing.T) {
	tests := map[string][]string{
		`^(?:^(?:query|execute)$)`:             {"query", "execute"},
		`^(?:^(?:Print|Info)(?:f|ln)?$)`:       {"Print", "Printf", "Println", "Info", "Infof", "Infoln"},
		`^(?:(eval|exec)$)`:                    {"eval", "exec"},
		`^(?:(eval|exec))`:                     nil, // a prefix: evaluate matches
		`^(?:(?i)^(?:md5)$)`:                   nil,
		`^(?:^(?:foo\.bar)$)`:                  nil,
		`^(?:^(?:get|set)[A-Z][a-z]+$)`:        nil,
		`^(?:^(?:a|)$)`:                        nil,
		`^(?:^(?:log|warn)_?(?:info|error)?$)`: {"log", "loginfo", "logerror", "log_", "log_info", "log_error", "warn", "warninfo", "warnerror", "warn_", "warn_info", "warn_error"},
		`^(?:^(?:x)[_-]?y$)`:                   nil, // x-y is not a name
	}
	for src, want := range tests {
		got := exactNames(src)
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("exactNames(%q) = %q, want %q", src, got, want)
		}
		re := regexp.MustCompile(src)
		for _, n := range got {
			if !re.MatchString(n) {
				t.Errorf("%q: enumerated %q does not match", src, n)
			}
		}
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// TestHasLiteralAgrees checks the literal lookup of node scans against
// searching each node's text.
func TestHasLiteralAgrees(t *testing.T) {
	src := "def f(Password, x):\n    db_PASSWORD = 'pässword'\n    log(secret_key, pass, word)\n    return passwordx + sec\n"
	ctx := context.Background()
	ps := lang.NewParsers()
	defer ps.Close()
	tree, err := syntax.Build(ctx, ps, lang.Python, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, lits := range [][]string{{"password"}, {"password", "secret"}, {"pass", "word"}, {"zzz"}} {
		c := &Formula{literals: lits}
		ev := &evaluator{tree: tree}
		syntax.Walk(tree.Root, func(n *syntax.Node) bool {
			want := containsAnyFold(tree.Src[n.Start:n.End], lits)
			if got := ev.hasLiteral(c, n.Start, n.End); got != want {
				t.Errorf("%v in %q: %v, want %v", lits, tree.Src[n.Start:n.End], got, want)
			}
			return true
		})
	}
}
