package secrets

import (
	"path"
	"regexp"
	"strings"
	"unicode"
)

// assignKeywords trigger parsing a line for assignments whose key names a
// credential. Every kindAssign detector is triggered by them as well as by
// its own vendor keywords.
var assignKeywords = []string{
	"password", "passwd", "pwd", "pass", "pswd", "passphrase", "secret", "token",
	"api_key", "apikey", "api-key", "api.key", "access_key", "accesskey", "access-key",
	"private_key", "privatekey", "auth_key", "authkey", "app_key", "appkey",
	"master_key", "masterkey", "encryption_key", "encryptionkey", "signing_key", "signingkey",
}

// assignment is one `key <op> value` found on a line.
type assignment struct {
	key        string
	words      []string
	valueStart int // offsets in the scanned text
	valueEnd   int
	quoted     bool
}

// assignRe finds `key = "value"`, `"key": 'value'`, `key: value`,
// `key := "value"`, `key => "value"`, `<key>value</key>` and `ENV KEY value`
// on one line. Group 1/2: optional quotes around the key; 3: key;
// 4: operator; 5-7: quoted value ("", ”, “); 8: unquoted value.
var assignRe = regexp.MustCompile(`(?:^|[^A-Za-z0-9_.\-])(["']?)([A-Za-z_][A-Za-z0-9_.\-]{0,80}?)(["']?)\s*\]?\s*(:=|=>|\?=|\|\|=|=|:)\s*(?:[rRbBuUfF@]{0,2}"((?:[^"\\\n]|\\.){0,512})"|[rRbBuUfF]{0,2}'((?:[^'\\\n]|\\.){0,512})'|` + "`([^`\\n]{0,512})`" + `|([^\s"'` + "`" + `,;&<>()\[\]{}|]{1,512}))`)

// xmlElementRe finds <key>value</key>.
var xmlElementRe = regexp.MustCompile(`<([A-Za-z_][A-Za-z0-9_.:\-]{0,80})>([^<\s]{1,512})</`)

// dockerEnvRe finds the legacy `ENV KEY value` form of a Dockerfile.
var dockerEnvRe = regexp.MustCompile(`^\s*(?:ENV|ARG)\s+([A-Za-z_][A-Za-z0-9_]*)\s+([^\s=]\S{0,511})\s*$`)

// parseAssignments returns the assignments on the window [ws, we).
func (st *scan) parseAssignments(ws, we int) []assignment {
	line := st.text[ws:we]
	var out []assignment
	for _, m := range assignRe.FindAllSubmatchIndex(line, -1) {
		key := string(line[m[4]:m[5]])
		op := string(line[m[8]:m[9]])
		// Skip comparisons (==, !=, <=, >=, =~) and pointers (->).
		if after := m[9]; op == "=" && after < len(line) && (line[after] == '=' || line[after] == '~') {
			continue
		}
		if m[8] > 0 && strings.ContainsRune("!<>=", rune(line[m[8]-1])) {
			continue
		}
		a := assignment{key: key, words: splitWords(key)}
		openQ, closeQ := m[3] > m[2], m[7] > m[6]
		switch {
		case m[10] >= 0:
			a.valueStart, a.valueEnd, a.quoted = m[10], m[11], true
		case m[12] >= 0:
			a.valueStart, a.valueEnd, a.quoted = m[12], m[13], true
		case m[14] >= 0:
			a.valueStart, a.valueEnd, a.quoted = m[14], m[15], true
		case m[16] >= 0:
			a.valueStart, a.valueEnd = m[16], m[17]
			prev := byte(0)
			if m[2] > m[0] {
				prev = line[m[0]]
			}
			if !st.unquotedAllowed(line, prev, m[17], openQ && !closeQ, op) {
				continue
			}
		default:
			continue
		}
		a.valueStart += ws
		a.valueEnd += ws
		out = append(out, a)
	}
	for _, m := range xmlElementRe.FindAllSubmatchIndex(line, -1) {
		key := string(line[m[2]:m[3]])
		if i := strings.LastIndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		out = append(out, assignment{key: key, words: splitWords(key), valueStart: ws + m[4], valueEnd: ws + m[5], quoted: true})
	}
	if isDockerfile(st.path) {
		if m := dockerEnvRe.FindSubmatchIndex(line); m != nil {
			key := string(line[m[2]:m[3]])
			out = append(out, assignment{key: key, words: splitWords(key), valueStart: ws + m[4], valueEnd: ws + m[5]})
		}
	}
	return out
}

// unquotedAllowed decides whether an unquoted value is a literal: in
// configuration files it is; in code it is an expression, except inside a
// connection string or query ("...;Password=x;", "?token=x&").
func (st *scan) unquotedAllowed(line []byte, prev byte, ve int, inString bool, op string) bool {
	// The value must end the statement: a following word means prose
	// ("password: enter it here") or an expression.
	rest := strings.TrimLeft(string(line[ve:]), " \t")
	if rest != "" && (isAlnum(rest[0]) || rest[0] == '(' || rest[0] == '.') {
		return false
	}
	if prev == ';' || prev == '&' || prev == '?' || inString {
		return true
	}
	if !st.unquotedOK {
		return false
	}
	// YAML/INI: "key: value" and "key = value"; .env: KEY=value.
	return op == ":" || op == "=" || op == "?="
}

// unquotedValues reports file types whose unquoted values are literals.
func unquotedValues(p string) bool {
	base := strings.ToLower(path.Base(p))
	ext := path.Ext(base)
	switch ext {
	case ".env", ".properties", ".ini", ".cfg", ".conf", ".cnf", ".yaml", ".yml",
		".sh", ".bash", ".zsh", ".ksh", ".txt", ".npmrc", ".pypirc", ".netrc", ".md",
		".example", ".sample", ".template", ".dist", ".local", ".credentials", ".config", ".rc", ".service":
		return true
	case "":
		return true
	}
	return strings.HasPrefix(base, ".env") || isDockerfile(p) || strings.HasSuffix(base, "rc")
}

func isDockerfile(p string) bool {
	base := strings.ToLower(path.Base(p))
	return base == "dockerfile" || strings.HasPrefix(base, "dockerfile.") || strings.HasSuffix(base, ".dockerfile") || base == "containerfile"
}

// splitWords splits an identifier into lower-case words at '_', '-', '.',
// and camelCase boundaries; trailing digits are dropped ("password2").
func splitWords(id string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(id)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(cur[len(cur)-1]) || unicode.IsDigit(cur[len(cur)-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower && unicode.IsUpper(cur[len(cur)-1]) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	if n := len(words); n > 0 {
		w := strings.TrimRightFunc(words[n-1], unicode.IsDigit)
		if w == "" {
			words = words[:n-1]
		} else {
			words[n-1] = w
		}
	}
	return words
}

// keyClass says what kind of credential an assignment key names:
// "password", "secret" or "" for none.
func keyClass(words []string) string {
	n := len(words)
	if n == 0 {
		return ""
	}
	for _, w := range words {
		switch w {
		case "public", "publishable", "pub", "csrf", "xsrf", "sample", "example", "dummy", "fake", "mock":
			return ""
		}
	}
	last := words[n-1]
	switch last {
	case "password", "passwd", "pwd", "pass", "pswd", "passphrase", "passwort":
		return "password"
	case "secret", "token":
		return "secret"
	case "key":
		if n >= 2 {
			switch words[n-2] {
			case "api", "access", "private", "auth", "app", "master", "encryption", "signing", "secret", "client", "account":
				return "secret"
			}
		}
		return ""
	case "base":
		if n >= 3 && words[n-3] == "secret" && words[n-2] == "key" {
			return "secret"
		}
		return ""
	}
	for _, suf := range []string{"password", "passwd"} {
		if strings.HasSuffix(last, suf) {
			return "password"
		}
	}
	for _, suf := range []string{"secret", "token", "apikey", "secretkey", "accesskey", "privatekey", "authkey", "masterkey"} {
		if strings.HasSuffix(last, suf) {
			return "secret"
		}
	}
	return ""
}

// hasWord reports whether any key word contains one of subs.
func hasWord(words []string, subs ...string) bool {
	for _, w := range words {
		for _, s := range subs {
			if strings.Contains(w, s) {
				return true
			}
		}
	}
	return false
}

func (st *scan) matchAssign(d *detector, hit int) {
	ws, we := st.window(hit)
	if st.assignLine != ws {
		st.assignLine = ws
		st.assignments = st.parseAssignments(ws, we)
	}
	line := string(st.text[ws:we])
	for _, a := range st.assignments {
		if !d.keyOK(a.words, line) {
			continue
		}
		v := string(st.text[a.valueStart:a.valueEnd])
		if d.value != nil && !d.value.MatchString(v) {
			continue
		}
		st.add(d, a.valueStart, a.valueEnd)
	}
}

// genericValueOK judges a value assigned to a password/secret/token key.
func genericValueOK(v string, class string) bool {
	if strings.ContainsAny(v, " \t") || isReference(v) || isPasswordHash(v) || isUUID(v) {
		return false
	}
	if strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") || strings.HasPrefix(v, "~/") || strings.Contains(v, "://") {
		return false
	}
	lower, upper, digit, other := charClasses(v)
	// Identifier-like: an environment variable or constant name, a dotted
	// property path or a single word.
	if !digit && !other && !(lower && upper) {
		return false
	}
	if identifierLike(v) {
		return false
	}
	lv := strings.ToLower(v)
	for _, w := range []string{"password", "passwd", "secret", "token", "apikey", "api_key"} {
		if strings.Contains(lv, w) {
			return false
		}
	}
	h := entropy(v)
	switch class {
	case "password":
		if len(v) < 6 || len(v) > 128 {
			return false
		}
		letters := lower || upper
		return letters && (digit || other) && h >= 2.3 || len(v) >= 12 && h >= 3.2
	default:
		if len(v) < 10 || len(v) > 512 {
			return false
		}
		if (lower || upper) && digit {
			return h >= 3.0
		}
		return len(v) >= 20 && h >= 3.5
	}
}

// identifierLike reports constant names (SOME_NAME), dotted paths
// (config.db.password) and words joined by separators.
func identifierLike(v string) bool {
	upperSnake, dotted := true, true
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9') {
			upperSnake = false
		}
		if !(c >= 'a' && c <= 'z' || c == '.' || c == '_' || c == '-') {
			dotted = false
		}
	}
	if upperSnake && strings.Contains(v, "_") {
		return true
	}
	return dotted && strings.ContainsAny(v, "._-")
}
