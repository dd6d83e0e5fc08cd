package secrets

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
)

// checkCRC verifies the CRC32 checksum of GitHub and npm tokens. Every
// token of these formats carries it, so a valid checksum makes a real token
// near certain and an invalid one is a made-up string: it is dropped.
func checkCRC(m *Match, _ *scan) bool {
	if !validCRCToken(m.Secret[4:]) {
		return false
	}
	setProp(m, "checksum", "valid")
	m.Detail = "its checksum is valid, so it is a real token, not a made-up string"
	return true
}

func checkStripe(m *Match, _ *scan) bool {
	if strings.HasPrefix(m.Secret, "whsec_") {
		m.Show = 6
		return true
	}
	if strings.Contains(m.Secret[:8], "_test_") {
		m.Severity = medium
		lowerTo(m, cMed, "mode", "test", "it is a test-mode key: no live payments, but it exposes test data and settings")
	}
	return true
}

func checkBraintree(m *Match, _ *scan) bool {
	if strings.Contains(m.Secret, "$sandbox$") {
		m.Severity = medium
		lowerTo(m, cMed, "mode", "sandbox", "it is a sandbox token")
	}
	return true
}

// checkMailgun keeps key-<hex> at medium confidence unless Mailgun is named
// on the line: the shape alone is generic.
func checkMailgun(m *Match, s *scan) bool {
	ls, le := s.window(m.Start)
	if !bytes.Contains(bytes.ToLower(s.text[ls:le]), []byte("mailgun")) {
		m.Confidence = min(m.Confidence, cMed)
	}
	return true
}

// skipPrefixToDash shows the vendor prefix up to its last '-' (glpat-,
// sk-proj-).
func skipPrefixToDash(m *Match, _ *scan) bool {
	head := m.Secret[:min(len(m.Secret), maxVendorPrefix)]
	if i := strings.LastIndexByte(head, '-'); i > 0 {
		m.Show = i + 1
	}
	return true
}

func skipPrefixToUnderscore(m *Match, _ *scan) bool {
	head := m.Secret[:min(len(m.Secret), maxVendorPrefix)]
	if i := strings.LastIndexByte(head, '_'); i > 0 {
		m.Show = i + 1
	}
	return true
}

// checkJWT decodes the header and payload: both must be JSON objects and
// the header must name an algorithm. The well-known example token of the
// JWT documentation is dropped.
func checkJWT(m *Match, _ *scan) bool {
	parts := strings.SplitN(m.Secret, ".", 3)
	if len(parts) != 3 {
		return false
	}
	var header struct {
		Alg string `json:"alg"`
	}
	hb, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[0], "="))
	if err != nil || json.Unmarshal(hb, &header) != nil || header.Alg == "" {
		return false
	}
	pb, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	var payload map[string]any
	if err != nil || json.Unmarshal(pb, &payload) != nil {
		return false
	}
	if name, _ := payload["name"].(string); name == "John Doe" {
		return false
	}
	if sub, _ := payload["sub"].(string); sub == "1234567890" {
		return false
	}
	if strings.EqualFold(header.Alg, "none") {
		return false
	}
	setProp(m, "jwt_alg", header.Alg)
	return true
}

// findAzureClientSecret looks for Entra ID client secrets: three
// characters, a digit, "Q~", then 31-34 more. The keyword hit is the "Q~"
// in the middle, so the token starts four bytes earlier.
func findAzureClientSecret(s *scan, d *detector, _ string, hit int) {
	start := hit - 4
	if start < 0 || s.text[hit] != 'Q' || !(s.text[hit-1] >= '0' && s.text[hit-1] <= '9') {
		return
	}
	if start > 0 && (isAlnum(s.text[start-1]) || strings.IndexByte("_~.-", s.text[start-1]) >= 0) {
		return
	}
	for i := start; i < hit-1; i++ {
		c := s.text[i]
		if !isAlnum(c) && c != '_' && c != '~' && c != '.' {
			return
		}
	}
	end := hit + 2
	for end < len(s.text) && end-hit-2 < 40 && (isAlnum(s.text[end]) || strings.IndexByte("_~.-", s.text[end]) >= 0) {
		end++
	}
	if n := end - hit - 2; n < 31 || n > 34 {
		return
	}
	s.add(d, start, end)
}

// Private key block bounds.
const (
	maxKeyBlock   = 64 << 10
	minKeyBase64  = 64
	maxKeyLabel   = 40
	keyMinEntropy = 4.5
)

// findPrivateKey matches "-----BEGIN … PRIVATE KEY-----" with its key
// material and END line, in plain PEM or escaped inside a string. A key in
// a Google service-account JSON file is reported as that instead.
func findPrivateKey(s *scan, d *detector, gcpSA *finding.Rule, start int) {
	blk, ok := pemKeyBlock(s.text, start)
	if !ok {
		return
	}
	m := Match{Start: start, End: blk.end, Show: blk.labelEnd}
	if m.Show > maxVendorPrefix {
		m.Show = 0
	}
	if inServiceAccountJSON(s, start) {
		m.Rule = gcpSA
	}
	keepKey(s, d, m, blk)
}

// base64PEM is "-----BEGIN " in base64, as it starts the value of a
// Kubernetes Secret (tls.key), a kubeconfig (client-key-data) or a CI
// variable that holds a whole PEM file.
const base64PEM = "LS0tLS1CRUdJTi"

// findBase64PrivateKey matches a private key block written as one base64
// string: the string is decoded and judged like a PEM block.
func findBase64PrivateKey(s *scan, d *detector, _ string, start int) {
	t := s.text
	if !bytes.HasPrefix(t[start:], []byte(base64PEM)) || start > 0 && isBase64Byte(t[start-1]) {
		return
	}
	end := start
	for end < len(t) && end-start < maxKeyBlock*4/3 && isBase64Byte(t[end]) {
		end++
	}
	if (end-start)%4 != 0 || end < len(t) && isAlnum(t[end]) {
		return // cut off, or longer than any key block: not one whole value
	}
	dec, err := base64.StdEncoding.DecodeString(string(t[start:end]))
	if err != nil {
		return
	}
	blk, ok := pemKeyBlock(dec, 0)
	if !ok {
		return
	}
	m := Match{Start: start, End: end, Show: 4}
	setProp(&m, "encoding", "base64")
	keepKey(s, d, m, blk)
}

func isBase64Byte(c byte) bool { return isAlnum(c) || c == '+' || c == '/' || c == '=' }

// keyBlock is a private key block found by pemKeyBlock.
type keyBlock struct {
	label     string // "RSA PRIVATE KEY"
	labelEnd  int    // length of the BEGIN line's marker
	end       int    // offset just past the END line
	encrypted bool
}

// pemKeyBlock checks the block starting at text[start:] ("-----BEGIN "):
// a PRIVATE KEY label, an END line, and key material between them that is
// base64 of sufficient length and entropy, not a placeholder.
func pemKeyBlock(text []byte, start int) (keyBlock, bool) {
	const begin = "-----BEGIN "
	if !bytes.HasPrefix(text[start:], []byte(begin)) {
		return keyBlock{}, false
	}
	rest := text[start+len(begin) : min(len(text), start+len(begin)+maxKeyLabel+5)]
	li := bytes.Index(rest, []byte("-----"))
	if li < 0 {
		return keyBlock{}, false
	}
	label := string(rest[:li])
	if !strings.HasSuffix(label, "PRIVATE KEY") && !strings.HasSuffix(label, "PRIVATE KEY BLOCK") {
		return keyBlock{}, false
	}
	bodyStart := start + len(begin) + li + 5
	limit := min(len(text), bodyStart+maxKeyBlock)
	endMarker := []byte("-----END " + label + "-----")
	ei := bytes.Index(text[bodyStart:limit], endMarker)
	if ei < 0 {
		return keyBlock{}, false
	}
	body := text[bodyStart : bodyStart+ei]
	b64 := keyMaterial(body)
	if len(b64) < minKeyBase64 || entropy(b64) < keyMinEntropy {
		return keyBlock{}, false
	}
	raw := string(body)
	// The body must be key material, not code between two unrelated
	// markers: almost every non-space byte is base64 or an escape.
	if strings.Contains(raw, "-----BEGIN") || len(b64)*4 < nonSpace(body)*3 {
		return keyBlock{}, false
	}
	if strings.Contains(raw, "...") || strings.Contains(raw, "…") || strings.Contains(strings.ToLower(raw), "xxxx") ||
		strings.ContainsAny(raw, "<>{}") || repetitiveKey(b64) {
		return keyBlock{}, false
	}
	return keyBlock{
		label:     label,
		labelEnd:  len(begin) + li + 5,
		end:       bodyStart + ei + len(endMarker),
		encrypted: strings.Contains(label, "ENCRYPTED") || strings.Contains(raw, "ENCRYPTED") || opensshEncrypted(b64),
	}, true
}

// keepKey completes a private key match and keeps it.
func keepKey(s *scan, d *detector, m Match, blk keyBlock) {
	setProp(&m, "key_type", blk.label)
	if blk.encrypted {
		m.Severity = medium
		lowerTo(&m, cMed, "encrypted", "true", "the key is encrypted with a passphrase, which slows but does not stop its use")
	}
	// Keep the detector's generic filters off the block itself: they were
	// applied to the key material.
	m.Secret = string(s.text[m.Start:m.End])
	if m.Rule == nil {
		m.Rule = d.rule
	}
	if m.Confidence == finding.ConfidenceUnknown {
		m.Confidence = m.Rule.Confidence
	}
	if m.Severity == finding.SeverityUnknown {
		m.Severity = m.Rule.Severity
	}
	m.priority = d.priority
	s.keep(m)
}

// maxKeyRun is the longest run of one base64 character key material may
// hold. Structured keys have short runs of their own: every unencrypted
// OpenSSH key starts with about ten 'A's (the zero bytes of its empty KDF
// options and key count), so the token rule of eight does not apply.
const maxKeyRun = 24

// repetitiveKey reports key material that is padding, not a key: two
// distinct characters or fewer, or a run longer than maxKeyRun.
func repetitiveKey(b64 string) bool {
	distinct := map[byte]bool{}
	run := 0
	for i := 0; i < len(b64); i++ {
		distinct[b64[i]] = true
		if i > 0 && b64[i] == b64[i-1] {
			run++
			if run >= maxKeyRun {
				return true
			}
		} else {
			run = 1
		}
	}
	return len(distinct) <= 2
}

// keyMaterial returns the base64 characters of a key body, skipping
// escapes ("\n"), quotes, string concatenation and armour headers.
func keyMaterial(body []byte) string {
	var b strings.Builder
	lines := bytes.Split(body, []byte("\n"))
	for _, line := range lines {
		// Armour headers ("Proc-Type: 4,ENCRYPTED", "Version: …").
		if bytes.Contains(line, []byte(": ")) && !bytes.Contains(line, []byte(`\n`)) {
			continue
		}
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c == '\\' {
				i++
				continue
			}
			if isAlnum(c) || c == '+' || c == '/' || c == '=' {
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// opensshEncrypted decodes the start of an OpenSSH key and reports whether
// its cipher is anything but "none".
func opensshEncrypted(b64 string) bool {
	const magic = "openssh-key-v1\x00"
	n := min(len(b64), 64) / 4 * 4
	head, err := base64.StdEncoding.DecodeString(b64[:n])
	if err != nil || !bytes.HasPrefix(head, []byte(magic)) || len(head) < len(magic)+4 {
		return false
	}
	l := int(binary.BigEndian.Uint32(head[len(magic):]))
	c := head[len(magic)+4:]
	if l > len(c) || l > 32 {
		return false
	}
	return string(c[:l]) != "none"
}

// inServiceAccountJSON reports whether the key sits in a Google
// service-account key file: a "private_key" JSON member near
// "service_account" or "client_email".
func inServiceAccountJSON(s *scan, start int) bool {
	lo, hi := max(0, start-4096), min(len(s.text), start+8192)
	win := s.text[lo:hi]
	before := s.text[max(0, start-40):start]
	return bytes.Contains(before, []byte(`"private_key"`)) &&
		(bytes.Contains(win, []byte("service_account")) || bytes.Contains(win, []byte(`"client_email"`)))
}

// keep appends a fully built match (custom finders that bypass add).
func (st *scan) keep(m Match) {
	if st.context != "" {
		m.Confidence = max(m.Confidence-1, finding.ConfidenceLow)
		setProp(&m, "context", st.context)
	}
	st.matches = append(st.matches, m)
}

func nonSpace(b []byte) int {
	n := 0
	for _, c := range b {
		if c > ' ' {
			n++
		}
	}
	return n
}

// maxHeaderToken bounds the credential read after "Bearer " or "Basic ".
const maxHeaderToken = 1024

func isHeaderTokenByte(c byte) bool {
	return isAlnum(c) || strings.IndexByte("._~+/=-", c) >= 0
}

// headerToken returns the span of the credential after an Authorization
// scheme word at hit (e.g. "Bearer "), or false.
func headerToken(s *scan, hit, kwLen int) (int, int, bool) {
	t := s.text
	if hit > 0 && isAlnum(t[hit-1]) {
		return 0, 0, false
	}
	i := hit + kwLen
	for i < len(t) && t[i] == ' ' {
		i++
	}
	j := i
	for j < len(t) && j-i < maxHeaderToken && isHeaderTokenByte(t[j]) {
		j++
	}
	if j < len(t) && (isAlnum(t[j]) || t[j] == '$' || t[j] == '{') {
		return 0, 0, false
	}
	return i, j, j > i
}

// findBearer reports literal bearer tokens in Authorization headers
// ("Authorization: Bearer 8f3kLq…"): at least 20 characters, letters and
// digits, entropy 3.5 or more.
func findBearer(s *scan, d *detector, kw string, hit int) {
	i, j, ok := headerToken(s, hit, len(kw))
	if !ok || j-i < 20 {
		return
	}
	v := string(s.text[i:j])
	lower, upper, digit, _ := charClasses(v)
	if !(lower || upper) || !digit || entropy(v) < 3.5 || isReference(v) {
		return
	}
	s.add(d, i, j)
}

// findBasic reports HTTP Basic credentials: base64 of user:password with a
// real-looking password.
func findBasic(s *scan, d *detector, kw string, hit int) {
	i, j, ok := headerToken(s, hit, len(kw))
	if !ok || j-i < 8 {
		return
	}
	raw, err := base64.StdEncoding.DecodeString(string(s.text[i:j]))
	if err != nil {
		return
	}
	user, pass, found := strings.Cut(string(raw), ":")
	if !found || user == "" || pass == user || isPlaceholder(pass) || !genericValueOK(pass, "password") {
		return
	}
	s.add(d, i, j)
}

// findAWSPair reports the secret access key that follows an access key id
// on the same line, as in the credentials.csv the console offers for
// download ("AKIA…,wJalr…") or "AKIA…:secret" pairs.
func findAWSPair(s *scan, d *detector, kw string, hit int) {
	t := s.text
	i := hit + 20
	if i > len(t) || hit > 0 && isAlnum(t[hit-1]) {
		return
	}
	for k := hit + 4; k < i; k++ {
		if c := t[k]; !(c >= 'A' && c <= 'Z' || c >= '2' && c <= '7') {
			return
		}
	}
	j := i
	for j < len(t) && j-i < 4 && strings.IndexByte(",;:| \t\"'=", t[j]) >= 0 {
		j++
	}
	if j == i {
		return
	}
	e := j
	for e < len(t) && e-j <= 40 && (isAlnum(t[e]) || t[e] == '+' || t[e] == '/') {
		e++
	}
	if e-j != 40 || e < len(t) && (isAlnum(t[e]) || t[e] == '+' || t[e] == '/' || t[e] == '=') {
		return
	}
	s.add(d, j, e)
}

// findSASSignature reports the signature of an Azure shared access
// signature (…&sig=…) in a URL or connection string that carries the other
// SAS fields.
func findSASSignature(s *scan, d *detector, kw string, hit int) {
	t := s.text
	if hit == 0 || (t[hit-1] != '&' && t[hit-1] != '?' && t[hit-1] != ';') {
		return
	}
	ls, le := s.window(hit)
	line := t[ls:le]
	if !bytes.Contains(line, []byte("sv=")) || !(bytes.Contains(line, []byte("se=")) || bytes.Contains(line, []byte("sp="))) {
		return
	}
	i := hit + len(kw)
	j := i
	for j < le && j-i < 256 && (isAlnum(t[j]) || t[j] == '%' || t[j] == '+' || t[j] == '/' || t[j] == '=') {
		j++
	}
	if j-i < 40 {
		return
	}
	s.add(d, i, j)
}

// checkBasicAuthValue accepts an "auth" value that is base64 of
// user:password with a real-looking password, as in the auths section of
// a Docker config.json or an .npmrc _auth line.
func checkBasicAuthValue(m *Match, _ *scan) bool {
	raw, err := base64.StdEncoding.DecodeString(m.Secret)
	if err != nil {
		return false
	}
	user, pass, found := strings.Cut(string(raw), ":")
	return found && user != "" && pass != user && !isPlaceholder(pass) && genericValueOK(pass, "password")
}

// twilioPositional finds the auth token or API secret passed next to an
// account SID on a line that names Twilio: new Twilio('AC…', 'token').
var twilioPositional = regexp.MustCompile(`["']([0-9a-f]{32}|[A-Za-z0-9]{32})["']`)

func findTwilioPositional(s *scan, d *detector, _ string, hit int) {
	ws, we := s.window(hit)
	line := s.text[ws:we]
	if !bytes.Contains(line, []byte("'AC")) && !bytes.Contains(line, []byte(`"AC`)) && !bytes.Contains(line, []byte("'SK")) && !bytes.Contains(line, []byte(`"SK`)) {
		return
	}
	for _, m := range twilioPositional.FindAllSubmatchIndex(line, -1) {
		s.add(d, ws+m[2], ws+m[3])
	}
}

// findUserPassFlag reports user:password given to -u/--user (curl, wget):
// curl -u admin:S3cret… https://…
func findUserPassFlag(s *scan, d *detector, kw string, hit int) {
	t := s.text
	if hit > 0 && t[hit-1] != ' ' && t[hit-1] != '\t' && t[hit-1] != '"' && t[hit-1] != '\'' {
		return
	}
	i := hit + len(kw)
	for i < len(t) && (t[i] == ' ' || t[i] == '"' || t[i] == '\'') {
		i++
	}
	j := i
	for j < len(t) && j-i < 256 && t[j] > ' ' && t[j] != '"' && t[j] != '\'' {
		j++
	}
	user, pass, ok := strings.Cut(string(t[i:j]), ":")
	if !ok || user == "" || pass == "" || pass == user || !genericValueOK(pass, "password") {
		return
	}
	start := i + len(user) + 1
	s.add(d, start, j)
}
