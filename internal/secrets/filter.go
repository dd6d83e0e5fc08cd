package secrets

import (
	"path"
	"strings"
)

// placeholderWords mark values that stand in for a secret in examples,
// templates and documentation. They are matched case-insensitively anywhere
// in the value (for vendor tokens: in the part after the vendor prefix).
var placeholderWords = []string{
	"example", "sample", "placeholder", "dummy", "changeme", "change_me", "change-me",
	"changeit", "your_", "your-", "yourkey", "yourtoken", "yoursecret", "yourpass", "my_secret",
	"xxxx", "****", "••", "…", "...", "redacted", "replace", "insert_", "insert-",
	"fake", "notreal", "not_real", "not-real", "notasecret", "not_a_secret", "todo", "fixme",
	"lorem", "ipsum", "foobar", "123456789", "abcdefgh", "qwerty", "zzzzz",
	"secret_here", "key_here", "token_here", "keyhere", "tokenhere", "here_", "_here",
	"<", ">", "${", "{{", "}}", "%(", "$(", "#{", "%s", "%v", "%d",
}

// weakDefaults are values that are the documented default or an obvious
// stand-in rather than a chosen secret.
var weakDefaults = map[string]bool{
	"password": true, "passwd": true, "pass": true, "secret": true, "token": true,
	"changeme": true, "admin": true, "root": true, "guest": true, "test": true,
	"postgres": true, "mysql": true, "redis": true, "user": true, "username": true,
	"none": true, "null": true, "nil": true, "true": true, "false": true, "undefined": true,
	"default": true, "empty": true, "string": true, "required": true, "optional": true,
	"apikey": true, "api_key": true, "secretkey": true, "secret_key": true, "mysecret": true,
	"mypassword": true, "p@ssw0rd": true, "pa$$word": true, "password1": true,
	"password123": true, "123456": true, "12345678": true, "letmein": true,
	"foo": true, "bar": true, "baz": true, "qux": true, "foobar": true, "hunter2": true, "abc123": true,
	"pass123": true, "passw0rd": true, "secret123": true, "s3cr3t": true, "xyz": true, "abc": true,
}

// knownPublic are credentials published on purpose: the storage emulator
// key every Azure SDK documents.
var knownPublic = map[string]bool{
	"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==": true,
}

// isPlaceholder reports whether v is a stand-in, a template or a reference
// rather than a literal secret.
func isPlaceholder(v string) bool {
	if v == "" {
		return true
	}
	lower := strings.ToLower(v)
	if weakDefaults[lower] {
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	switch v[0] {
	case '$', '%', '@', '&', '*', '!':
		// Shell and batch variables, YAML anchors/tags, references.
		return true
	}
	if strings.HasPrefix(v, "__") && strings.HasSuffix(v, "__") {
		return true
	}
	if strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") {
		return true
	}
	return repetitive(v) || sequential(lower)
}

// repetitive reports values made of one character or a short repeated
// unit ("aaaaaaaa", "abababab", "00000000").
func repetitive(v string) bool {
	if len(v) < 6 {
		return false
	}
	distinct := map[byte]bool{}
	for i := 0; i < len(v); i++ {
		distinct[v[i]] = true
	}
	if len(distinct) <= 2 {
		return true
	}
	// A run of 8 equal bytes never happens in a random token of sane length.
	run := 1
	for i := 1; i < len(v); i++ {
		if v[i] == v[i-1] {
			run++
			if run >= 8 {
				return true
			}
		} else {
			run = 1
		}
	}
	return false
}

func sequential(lower string) bool {
	for _, s := range []string{"0123456789", "abcdefghij", "1234567890", "9876543210"} {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// referenceMarkers are what a value holds when it names where the secret
// comes from instead of holding it.
var referenceMarkers = []string{
	"getenv", "environ", "process.env", "env(", "env[", "env.", "secrets.", "vault:",
	"ssm:", "arn:aws:", "keyvault", "ref+", "!ref", "!sub", "{{resolve:", "enc(",
	"secretmanager", "lookup(", "var.", "local.", "data.",
}

// isReference reports whether v refers to a secret stored elsewhere.
func isReference(v string) bool {
	lower := strings.ToLower(v)
	for _, m := range referenceMarkers {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// isUUID reports the 8-4-4-4-12 hexadecimal form.
func isUUID(v string) bool {
	if len(v) != 36 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHex(c) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// isPasswordHash reports values in a password-hashing or crypt format:
// they are hashes, not secrets.
func isPasswordHash(v string) bool {
	for _, p := range []string{"$2a$", "$2b$", "$2y$", "$argon2", "$scrypt$", "$pbkdf2", "$apr1$", "{SSHA}", "{SHA}", "{bcrypt}", "{noop}", "pbkdf2_sha256$", "sha1$", "md5$"} {
		// Also inside htpasswd-style "user:hash" values.
		if strings.Contains(v, p) {
			return true
		}
	}
	for _, p := range []string{"$1$", "$5$", "$6$"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// testPathParts are directory names whose content is test, example or
// documentation material; findings there get a lower confidence.
var testPathParts = map[string]bool{
	"test": true, "tests": true, "__tests__": true, "spec": true, "specs": true,
	"testdata": true, "test-data": true, "test_data": true, "fixtures": true, "fixture": true,
	"mocks": true, "mock": true, "__mocks__": true, "examples": true, "example": true,
	"samples": true, "sample": true, "docs": true, "doc": true, "documentation": true,
	"demo": true, "demos": true, "e2e": true,
}

// contextKind says whether a path holds tests/fixtures ("test"), docs
// ("docs") or templates ("template"); "" is ordinary code or config.
func contextKind(p string) string {
	base := path.Base(p)
	lowerBase := strings.ToLower(base)
	ext := path.Ext(lowerBase)
	switch ext {
	case ".md", ".markdown", ".rst", ".adoc", ".txt":
		return "docs"
	}
	if strings.Contains(lowerBase, "swagger") || strings.Contains(lowerBase, "openapi") {
		// API descriptions hold example values.
		return "docs"
	}
	switch ext {
	case ".example", ".sample", ".template", ".tmpl", ".dist", ".tpl":
		return "template"
	}
	switch {
	case strings.HasSuffix(lowerBase, "_test.go"), strings.HasPrefix(lowerBase, "test_"),
		strings.HasSuffix(lowerBase, "_test.py"), strings.Contains(lowerBase, ".test."),
		strings.Contains(lowerBase, ".spec."), strings.HasSuffix(base, "Test.java"),
		strings.HasSuffix(base, "Tests.java"), strings.HasSuffix(base, "Test.kt"),
		strings.HasSuffix(lowerBase, "_spec.rb"), strings.HasSuffix(lowerBase, "_test.rb"):
		return "test"
	}
	dir := path.Dir(p)
	for dir != "." && dir != "/" && dir != "" {
		part := strings.ToLower(path.Base(dir))
		if testPathParts[part] {
			if part == "docs" || part == "doc" || part == "documentation" {
				return "docs"
			}
			if part == "examples" || part == "example" || part == "samples" || part == "sample" || part == "demo" || part == "demos" {
				return "example"
			}
			return "test"
		}
		dir = path.Dir(dir)
	}
	return ""
}
