package secrets

import (
	"bytes"
	"encoding/base64"
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
	"secret.key", "access.key", "private.key", "auth.key", "app.key", "master.key", "encryption.key", "signing.key",
	"access-key", "private-key", "auth-key", "signing-key", "encryption-key", "hmac_key", "hmac.key", "hmac-key",
}

// assignment is one `key <op> value` found on a line.
type assignment struct {
	key        string
	words      []string
	valueStart int // offsets in the scanned text
	valueEnd   int
	quoted     bool
}

// xmlElementRe finds <key>value</key>.
var xmlElementRe = regexp.MustCompile(`^<([A-Za-z_][A-Za-z0-9_.:\-]*)>([^<\s]+)</`)

// dockerEnvRe finds the legacy `ENV KEY value` form of a Dockerfile.
var dockerEnvRe = regexp.MustCompile(`^\s*(?:ENV|ARG)\s+([A-Za-z_][A-Za-z0-9_]*)\s+([^\s=]\S*)\s*$`)

// maxKeyLen bounds the identifier an assignment key may have.
const maxKeyLen = 128

func isKeyByte(c byte) bool { return isAlnum(c) || c == '_' || c == '.' || c == '-' }

// assignmentAt parses the assignment whose key contains the keyword hit at
// offset hit, within the window [ws, we): `key = "value"`, `"key": 'value'`,
// `key: value`, `key := "value"`, `key => "value"`, `<key>value</key>` and
// the Dockerfile `ENV KEY value`. It is a small hand-written scanner rather
// than one regular expression with submatches: it runs on most lines that
// mention a password or token, and Go's submatch engine is too slow there.
func (st *scan) assignmentAt(hit, ws, we int) (assignment, bool) {
	t := st.text
	ks := hit
	for ks > ws && hit-ks < maxKeyLen && isKeyByte(t[ks-1]) {
		ks--
	}
	ke := hit
	for ke < we && ke-hit < maxKeyLen && isKeyByte(t[ke]) {
		ke++
	}
	// Keys do not end in '.' or '-' ("password." is prose); a leading
	// "--" makes a command-line flag (--password VALUE).
	for ke > ks && (t[ke-1] == '.' || t[ke-1] == '-') {
		ke--
	}
	dashes := 0
	for ks < ke && t[ks] == '-' {
		ks++
		dashes++
	}
	if ke <= ks || !(t[ks] == '_' || t[ks] >= 'A' && t[ks] <= 'Z' || t[ks] >= 'a' && t[ks] <= 'z') {
		return assignment{}, false
	}
	key := string(t[ks:ke])
	a := assignment{key: key, words: splitWords(key)}
	// <key>value</key>
	if ks > ws && t[ks-1] == '<' {
		if m := xmlElementRe.FindSubmatchIndex(t[ks-1 : we]); m != nil {
			a.valueStart, a.valueEnd, a.quoted = ks-1+m[4], ks-1+m[5], true
			return a, true
		}
	}
	prev := byte(0)
	openQ := false
	if ks > ws {
		prev = t[ks-1]
		if prev == '"' || prev == '\'' {
			openQ = true
			if ks-1 > ws {
				prev = t[ks-2]
			} else {
				prev = 0
			}
		}
	}
	if t[ks] == '_' && prev == ':' {
		prev = 0 // .npmrc: //registry/:_authToken=…
	}
	i := ke
	closeQ := false
	if i < we && (t[i] == '"' || t[i] == '\'') {
		closeQ = true
		i++
	}
	i = skipBlank(t, i, we)
	if i < we && t[i] == ']' {
		i = skipBlank(t, i+1, we)
	}
	op := ""
	for _, o := range []string{":=", "=>", "?=", "||=", "=", ":"} {
		if i+len(o) <= we && string(t[i:i+len(o)]) == o {
			op = o
			break
		}
	}
	if op == "" {
		if v, ok := st.spacedValue(a.words, dashes, ke, i, we); ok {
			a.valueStart, a.valueEnd, a.quoted = v[0], v[1], v[2] == 1
			return a, true
		}
		if openQ && closeQ {
			if v, ok := st.pairedValue(ks-1, i, ws, we); ok {
				a.valueStart, a.valueEnd, a.quoted = v[0], v[1], true
				return a, true
			}
		}
		if base := strings.ToLower(path.Base(st.path)); (base == ".netrc" || base == "_netrc") && i > ke {
			k := i
			for k < we && t[k] > ' ' {
				k++
			}
			if k > i {
				a.valueStart, a.valueEnd = i, k
				return a, true
			}
		}
		return st.dockerEnv(a, ws, we)
	}
	i += len(op)
	if op == "=" && i < we && (t[i] == '=' || t[i] == '~') {
		return assignment{}, false
	}
	if op == ":" && i < we && t[i] == ':' {
		return assignment{}, false // Ruby/C++ scope operator
	}
	i = skipBlank(t, i, we)
	// Optional string prefix (r"", b'', f"", @"").
	j := i
	for j < we && j-i < 2 && strings.IndexByte("rRbBuUfF@", t[j]) >= 0 {
		j++
	}
	if j < we && (t[j] == '"' || t[j] == '\'' || t[j] == '`') {
		q := t[j]
		k := j + 1
		for k < we && t[k] != q {
			if t[k] == '\\' {
				k++
			}
			k++
		}
		if k >= we {
			return assignment{}, false
		}
		a.valueStart, a.valueEnd, a.quoted = j+1, k, true
		return a, true
	}
	// A string escaped inside another string: the source lines of a
	// Jupyter notebook ("api_key = \"…\"\n") or JSON-encoded code.
	if j+1 < we && t[j] == '\\' && (t[j+1] == '"' || t[j+1] == '\'') {
		q := t[j+1]
		vs := j + 2
		k := vs
		for k+1 < we && !(t[k] == '\\' && t[k+1] == q) {
			k++
		}
		if k+1 >= we || k == vs {
			return assignment{}, false
		}
		a.valueStart, a.valueEnd, a.quoted = vs, k, true
		return a, true
	}
	k := i
	for k < we && t[k] > ' ' && strings.IndexByte("\"'`,;&<>()[]{}|", t[k]) < 0 {
		k++
	}
	if k == i {
		return assignment{}, false
	}
	if !st.unquotedAllowed(t[ws:we], prev, k-ws, openQ && !closeQ, op) {
		return assignment{}, false
	}
	a.valueStart, a.valueEnd = i, k
	return a, true
}

// spacedValue reads a value separated from its key by blanks only: a
// command-line flag (--password VALUE, --token "…") or SQL
// (IDENTIFIED BY '…', WITH PASSWORD '…'). ke is the end of the key and i
// the first non-blank byte after it.
func (st *scan) spacedValue(words []string, dashes, ke, i, we int) ([3]int, bool) {
	t := st.text
	if i == ke || i >= we {
		return [3]int{}, false
	}
	sqlPassword := len(words) == 1 && words[0] == "password" && dashes == 0 &&
		(strings.HasSuffix(strings.ToLower(st.path), ".sql") || bytes.Contains(bytes.ToUpper(t[max(0, ke-64):ke]), []byte("ROLE")) || bytes.Contains(bytes.ToUpper(t[max(0, ke-64):ke]), []byte("USER")))
	if dashes != 2 && !sqlPassword {
		return [3]int{}, false
	}
	if t[i] == '"' || t[i] == '\'' {
		q := t[i]
		k := i + 1
		for k < we && t[k] != q {
			k++
		}
		if k >= we || k == i+1 {
			return [3]int{}, false
		}
		return [3]int{i + 1, k, 1}, true
	}
	if sqlPassword {
		return [3]int{}, false // SQL values are quoted
	}
	k := i
	for k < we && t[k] > ' ' && strings.IndexByte("\"'`,;&<>()[]{}|", t[k]) < 0 {
		k++
	}
	if k == i || t[i] == '-' {
		return [3]int{}, false
	}
	return [3]int{i, k, 0}, true
}

// pairCalls are calls whose first argument names a setting and whose second
// is its value: define('DB_PASSWORD', '…'), os.Setenv("TOKEN", "…"),
// props.setProperty("password", "…"), map.put("secret", "…").
var pairCalls = []string{"define(", "setenv(", "putenv(", "setproperty(", "put(", "set(", "setdefault("}

// pairedValue handles a quoted key that is not followed by an operator:
// the second argument of a pairCalls call, or the value attribute of an
// XML element whose key/name attribute names the credential
// (<add key="DbPassword" value="…"/>). q is the key's opening quote, i
// the first byte after its closing quote.
func (st *scan) pairedValue(q, i, ws, we int) ([2]int, bool) {
	t := st.text
	before := strings.ToLower(strings.TrimRight(string(t[ws:q]), " \t"))
	switch {
	case strings.HasSuffix(before, "key=") || strings.HasSuffix(before, "name="):
		rest := t[i:we]
		j := bytes.Index(rest, []byte(`value="`))
		if j < 0 {
			return [2]int{}, false
		}
		vs := i + j + len(`value="`)
		ve := bytes.IndexByte(t[vs:we], '"')
		if ve < 0 {
			return [2]int{}, false
		}
		return [2]int{vs, vs + ve}, true
	}
	for _, c := range pairCalls {
		if !strings.HasSuffix(before, c) {
			continue
		}
		j := skipBlank(t, i, we)
		if j >= we || t[j] != ',' {
			return [2]int{}, false
		}
		j = skipBlank(t, j+1, we)
		if j >= we || (t[j] != '"' && t[j] != '\'') {
			return [2]int{}, false
		}
		qc := t[j]
		k := j + 1
		for k < we && t[k] != qc {
			if t[k] == '\\' {
				k++
			}
			k++
		}
		if k >= we {
			return [2]int{}, false
		}
		return [2]int{j + 1, k}, true
	}
	return [2]int{}, false
}

func skipBlank(t []byte, i, we int) int {
	for i < we && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	return i
}

// dockerEnv handles `ENV KEY value` in Dockerfiles.
func (st *scan) dockerEnv(a assignment, ws, we int) (assignment, bool) {
	if !isDockerfile(st.path) {
		return assignment{}, false
	}
	m := dockerEnvRe.FindSubmatchIndex(st.text[ws:we])
	if m == nil || string(st.text[ws+m[2]:ws+m[3]]) != a.key {
		return assignment{}, false
	}
	a.valueStart, a.valueEnd = ws+m[4], ws+m[5]
	return a, true
}

// unquotedAllowed decides whether an unquoted value is a literal: in
// configuration files it is; in code it is an expression, except inside a
// connection string or query ("...;Password=x;", "?token=x&").
func (st *scan) unquotedAllowed(line []byte, prev byte, ve int, inString bool, op string) bool {
	// A config-style key starts its line or follows a separator; after ':'
	// or '/' it is part of a larger token ("group:password:GID").
	switch prev {
	case ':', '/', '=', '\\', '@':
		return false
	}
	// The value must end the statement: a following word means prose
	// ("password: enter it here") or an expression.
	rest := strings.TrimLeft(string(line[ve:]), " \t")
	if rest != "" && (isAlnum(rest[0]) || rest[0] == '(' || rest[0] == '.') {
		return false
	}
	if prev == ';' || prev == '&' || prev == '?' || inString {
		return true
	}
	if !st.unquotedOK && !isCommentLine(line) {
		return false
	}
	// YAML/INI: "key: value" and "key = value"; .env: KEY=value.
	return op == ":" || op == "=" || op == "?="
}

// isCommentLine reports lines that are comments: a value written in a
// comment is a literal whatever the language.
func isCommentLine(line []byte) bool {
	l := bytes.TrimLeft(line, " \t")
	for _, o := range []string{"//", "#", "/*", "*", "--", "<!--", ";", "REM "} {
		if bytes.HasPrefix(l, []byte(o)) {
			return true
		}
	}
	return false
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
	case "password", "passwd", "pwd", "pswd", "passphrase", "passwort":
		return "password"
	case "pass":
		// Alone, "PASS" is a test-runner verdict ("--- PASS: TestX");
		// as the end of a longer key (DB_PASS, smtpPass) it is a password.
		if n >= 2 {
			return "password"
		}
		return ""
	case "secret", "token":
		return "secret"
	case "key":
		if n >= 2 {
			switch words[n-2] {
			case "api", "access", "private", "auth", "app", "master", "encryption", "signing", "secret", "client", "account", "hmac", "webhook", "consumer", "subscription", "service":
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
	if st.assignHit != hit {
		st.assignHit = hit
		ws, we := st.window(hit)
		st.assign, st.assignOK = st.assignmentAt(hit, ws, we)
		st.assignLine = ""
		if st.assignOK {
			st.assignLine = string(st.text[ws:we])
		}
	}
	if !st.assignOK {
		return
	}
	a := st.assign
	if !d.keyOK(a.words, st.assignLine) {
		return
	}
	v := string(st.text[a.valueStart:a.valueEnd])
	if d.value != nil && !d.value.MatchString(v) {
		return
	}
	st.add(d, a.valueStart, a.valueEnd)
}

// genericValueOK judges a value assigned to a password/secret/token key.
func genericValueOK(v string, class string, keyWords ...string) bool {
	// Kubernetes Secret data and similar hold base64 of the value: judge
	// the decoded text too, so base64 of "changeme" is still a placeholder.
	if d, ok := printableBase64(v); ok && (isPlaceholder(d) || isReference(d)) {
		return false
	}
	if strings.ContainsAny(v, " \t") || isReference(v) || isPasswordHash(v) || isUUID(v) {
		return false
	}
	if strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") || strings.HasPrefix(v, "~/") || strings.Contains(v, "://") {
		return false
	}
	// Checksummed vendor tokens were judged by their own detector.
	if len(v) == 40 && (strings.HasPrefix(v, "npm_") || len(v) > 4 && v[0] == 'g' && v[1] == 'h' && v[3] == '_') {
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
	// A value that repeats a word of its key names something
	// ("encryptionKey": "encryptionKey768").
	for _, w := range keyWords {
		if len(w) >= 4 && strings.Contains(lv, w) {
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
		if !(c >= 'A' && c <= 'Z' || c == '_' || c == '-' || c >= '0' && c <= '9') {
			upperSnake = false
		}
		if !(c >= 'a' && c <= 'z' || c == '.' || c == '_' || c == '-') {
			dotted = false
		}
	}
	// SOME_NAME, and identifiers such as CWE-259 or ISO-8859-1: a letter
	// run before the separator, not a password like "A-9X2K".
	if upperSnake && strings.Contains(v, "_") {
		return true
	}
	if upperSnake && strings.Contains(v, "-") {
		if i := strings.IndexByte(v, '-'); i >= 3 && strings.Trim(v[:i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
			return true
		}
	}
	return dotted && strings.ContainsAny(v, "._-")
}

// printableBase64 decodes v when it is standard base64 of printable ASCII.
func printableBase64(v string) (string, bool) {
	if len(v) < 8 || len(v)%4 != 0 {
		return "", false
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return "", false
	}
	for _, c := range b {
		if c < ' ' || c > '~' {
			return "", false
		}
	}
	return string(b), true
}
