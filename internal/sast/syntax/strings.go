package syntax

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/socyber/codeaudit/internal/sast/lang"
)

// maxStringValue bounds a decoded string; longer literals keep their
// first maxStringValue bytes (still matched by "..." and prefixes).
const maxStringValue = 64 << 10

func clip(s string) string {
	if len(s) > maxStringValue {
		return s[:maxStringValue]
	}
	return s
}

func decodeGo(kind, raw string) (string, bool) {
	if kind == lang.GoRawString {
		if len(raw) < 2 {
			return "", false
		}
		return clip(strings.ReplaceAll(raw[1:len(raw)-1], "\r", "")), true
	}
	if v, err := strconv.Unquote(raw); err == nil {
		return clip(v), true
	}
	if len(raw) >= 2 {
		return clip(unescapeC(raw[1 : len(raw)-1])), true
	}
	return "", false
}

func decodePython(_, raw string) (string, bool) {
	i := 0
	rawMode, fmtMode := false, false
	for i < len(raw) && i < 3 {
		switch raw[i] {
		case 'r', 'R':
			rawMode = true
		case 'f', 'F':
			fmtMode = true
		case 'b', 'B', 'u', 'U':
		default:
			goto quotes
		}
		i++
	}
quotes:
	body := raw[i:]
	q := ""
	for _, cand := range []string{`"""`, `'''`, `"`, `'`} {
		if strings.HasPrefix(body, cand) && strings.HasSuffix(body, cand) && len(body) >= 2*len(cand) {
			q = cand
			break
		}
	}
	if q == "" {
		return "", false
	}
	body = body[len(q) : len(body)-len(q)]
	if fmtMode {
		body = strings.NewReplacer("{{", "{", "}}", "}").Replace(body)
	}
	if rawMode {
		return clip(body), true
	}
	return clip(unescapeC(body)), true
}

func decodeJS(kind, raw string) (string, bool) {
	if len(raw) < 2 {
		return "", false
	}
	return clip(unescapeC(raw[1 : len(raw)-1])), true
}

func decodeJava(_, raw string) (string, bool) {
	if strings.HasPrefix(raw, `"""`) && strings.HasSuffix(raw, `"""`) && len(raw) >= 6 {
		body := raw[3 : len(raw)-3]
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			body = body[i+1:]
		}
		return clip(unescapeC(dedent(body))), true
	}
	if len(raw) < 2 {
		return "", false
	}
	return clip(unescapeC(raw[1 : len(raw)-1])), true
}

// dedent removes the indentation common to all non-blank lines (Java text
// blocks).
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || ind < common {
			common = ind
		}
	}
	if common <= 0 {
		return s
	}
	for i, l := range lines {
		if len(l) >= common {
			lines[i] = l[common:]
		} else {
			lines[i] = strings.TrimLeft(l, " \t")
		}
	}
	return strings.Join(lines, "\n")
}

// unescapeC decodes the backslash escapes the C family shares; anything
// it does not know is kept as written.
func unescapeC(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '0':
			b.WriteByte(0)
		case '\\', '\'', '"', '`', '$', '/':
			b.WriteByte(e)
		case '\n':
			// line continuation
		case 'x', 'u':
			width := 2
			if e == 'u' {
				width = 4
			}
			if i+1+width <= len(s) {
				if v, err := strconv.ParseUint(s[i+1:i+1+width], 16, 32); err == nil {
					if e == 'x' {
						b.WriteByte(byte(v))
					} else {
						b.WriteRune(rune(v))
					}
					i += width
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(e)
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	out := b.String()
	if !utf8.ValidString(out) {
		return strings.ToValidUTF8(out, "\uFFFD")
	}
	return out
}
