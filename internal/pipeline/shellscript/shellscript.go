// Package shellscript finds risky constructs in the shell scripts that CI
// systems run (GitHub Actions run:, GitLab script:, Jenkins sh): remote
// scripts piped into an interpreter, values printed to the build log and
// values written into files.
//
// It works line by line on the script text and does not parse shell fully:
// CI scripts are short, and the constructs looked for are recognisable from
// a line's commands. Offsets returned are byte offsets into the script.
package shellscript

import (
	"regexp"
	"strings"
)

// Span is a byte range [Start, End) in a script. For a command continued
// over lines with backslashes, End is the end of its first line and
// Command is the whole command on one line.
type Span struct {
	Start, End int
	Command    string
}

// interpreters that execute a script read from standard input or from an
// argument.
const interpreterNames = `(?:sh|bash|zsh|dash|ksh|fish|python[0-9.]*|perl|ruby|node|php|pwsh|powershell|iex|Invoke-Expression)`

// fetchers download remote content.
const fetcherNames = `(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|fetch)`

var (
	// curl https://x | sudo -E bash -s -- args
	pipeToShell = regexp.MustCompile(`\b` + fetcherNames + `\b[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+(?:\S+=\S*\s+)*)?` + interpreterNames + `\b`)
	// bash <(curl https://x) and source <(wget -O- ...)
	processSubst = regexp.MustCompile(`\b(?:` + interpreterNames + `|source|\.)\s+(?:-\S+\s+)*<\(\s*` + fetcherNames + `\b`)
	// sh -c "$(curl -fsSL https://x)" and eval "$(curl ...)"
	commandSubst = regexp.MustCompile(`\b(?:` + interpreterNames + `\s+-c|eval)\s+["']?\$\(\s*` + fetcherNames + `\b`)
	// iex (New-Object Net.WebClient).DownloadString('https://x')
	psDownload = regexp.MustCompile(`(?i)\b(?:iex|Invoke-Expression)\b[^\n]*\b(?:DownloadString|Invoke-WebRequest|iwr|irm|Invoke-RestMethod)\b`)
)

// RemoteExec returns the spans of commands that download a script and run
// it without checking its integrity.
func RemoteExec(script string) []Span {
	var out []Span
	forLines(joinContinuations(script), func(start int, line string) {
		if !mayFetch(line) {
			return // cheap filter: most lines download nothing
		}
		code := stripComment(line)
		for _, re := range []*regexp.Regexp{pipeToShell, processSubst, commandSubst, psDownload} {
			if m := re.FindStringIndex(code); m != nil {
				sp := Span{Start: start + m[0], End: start + m[1], Command: strings.Join(strings.Fields(code[m[0]:m[1]]), " ")}
				if nl := strings.IndexByte(script[sp.Start:sp.End], '\n'); nl >= 0 {
					sp.End = sp.Start + len(strings.TrimRight(script[sp.Start:sp.Start+nl], " \t\r\\"))
				}
				out = append(out, sp)
				return
			}
		}
	})
	return out
}

// joinContinuations turns each backslash-newline (a command continued on
// the next line) into spaces of the same length, so that a command split
// over lines is matched as one line and offsets still point into script.
func joinContinuations(script string) string {
	if !strings.Contains(script, "\\\n") && !strings.Contains(script, "\\\r\n") {
		return script
	}
	b := []byte(script)
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		// An escaped backslash (\\) does not continue the line.
		if i+1 < len(b) && b[i+1] == '\\' {
			i++
			continue
		}
		switch {
		case i+1 < len(b) && b[i+1] == '\n':
			b[i], b[i+1] = ' ', ' '
		case i+2 < len(b) && b[i+1] == '\r' && b[i+2] == '\n':
			b[i], b[i+1], b[i+2] = ' ', ' ', ' '
		}
	}
	return string(b)
}

// fetchWords are substrings every remote-exec pattern contains.
var fetchWords = []string{"curl", "wget", "iwr", "irm", "Invoke-", "fetch", "DownloadString"}

func mayFetch(line string) bool {
	for _, w := range fetchWords {
		if strings.Contains(line, w) {
			return true
		}
	}
	return false
}

// printCommand matches the commands that write their arguments to the log.
var printCommand = regexp.MustCompile(`(?:^|[;&|(]\s*|\bthen\s+|\bdo\s+)(?:echo|printf|print|Write-Host|Write-Output|cat\s+<<<)\b`)

// redirect matches an output redirection to a file (not to another stream
// or /dev/null).
var redirect = regexp.MustCompile(`(?:^|[^0-9&>])(?:[12]?>>?|&>>?)\s*([^\s&;|>][^\s;|]*)`)

// Line is one physical line of a script.
type Line struct {
	Start int    // byte offset of the line in the script
	Text  string // the line without its line break
	Code  string // Text with a trailing shell comment removed
}

// Lines splits a script into lines, with shell comments removed from Code.
func Lines(script string) []Line {
	var out []Line
	forLines(script, func(start int, line string) {
		out = append(out, Line{Start: start, Text: line, Code: stripComment(line)})
	})
	return out
}

// Prints reports whether a line prints to the build log. Output redirected
// to a file does not count (use WritesFile for that), nor output piped
// into a command that consumes it (docker login --password-stdin); output
// piped through filters that print it again (base64, rev, tee …) does.
func Prints(code string) bool {
	m := printCommand.FindStringIndex(code)
	if m == nil {
		return false
	}
	if _, ok := WritesFile(code); ok {
		return false
	}
	segs := pipeSegments(code)
	for i, seg := range segs {
		if seg.end <= m[0] || i == len(segs)-1 {
			continue
		}
		// The print command is in segment i and its output is piped on:
		// it reaches the log only if the last command prints it.
		last := strings.Fields(code[segs[len(segs)-1].start:segs[len(segs)-1].end])
		return len(last) > 0 && reprinters[last[0]]
	}
	return true
}

// reprinters are filters that write (a form of) their input to stdout.
var reprinters = map[string]bool{
	"base64": true, "rev": true, "xxd": true, "od": true, "hexdump": true, "cat": true, "tee": true,
	"sed": true, "tr": true, "awk": true, "cut": true, "jq": true, "fold": true, "head": true, "tail": true,
}

type segment struct{ start, end int }

// pipeSegments splits a line at | outside quotes (|| is not a pipe).
func pipeSegments(code string) []segment {
	var out []segment
	start := 0
	var quote byte
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '|':
			if i+1 < len(code) && code[i+1] == '|' {
				i++
				continue
			}
			out = append(out, segment{start, i})
			start = i + 1
		}
	}
	return append(out, segment{start, len(code)})
}

// WritesFile reports whether a line redirects output into a file, and the
// target (e.g. "$GITHUB_ENV", "creds.txt"). Redirections to /dev/null,
// /dev/stderr and /dev/stdout do not count.
func WritesFile(code string) (string, bool) {
	for _, m := range redirect.FindAllStringSubmatch(code, -1) {
		target := strings.Trim(m[1], `"'`)
		switch target {
		case "/dev/null", "/dev/stderr", "/dev/stdout", "":
			continue
		}
		return target, true
	}
	if i := strings.Index(code, "| tee "); i >= 0 {
		f := strings.Fields(code[i+len("| tee "):])
		for _, a := range f {
			if !strings.HasPrefix(a, "-") {
				return strings.Trim(a, `"'`), true
			}
		}
	}
	return "", false
}

// forLines calls fn for each physical line with its start offset.
func forLines(script string, fn func(start int, line string)) {
	start := 0
	for start <= len(script) {
		end := strings.IndexByte(script[start:], '\n')
		if end < 0 {
			fn(start, strings.TrimRight(script[start:], "\r"))
			return
		}
		fn(start, strings.TrimRight(script[start:start+end], "\r"))
		start += end + 1
	}
}

// stripComment removes a trailing # comment that is outside quotes. A #
// that is part of a word (a#b, ${#x}, $#) is kept.
func stripComment(line string) string {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\\':
			i++
		case c == '\'' || c == '"':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || line[i-1] == ';'):
			return line[:i]
		}
	}
	return line
}

// InDoubleQuotes reports whether byte offset i of a line is inside a
// double-quoted string, and InQuotes whether it is inside any quotes.
func quoteState(line string, at int) byte {
	var quote byte
	for i := 0; i < len(line) && i < at; i++ {
		c := line[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			}
		case quote == '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				quote = 0
			}
		case c == '\\':
			i++
		case c == '\'' || c == '"':
			quote = c
		}
	}
	return quote
}

// Quoted reports whether offset at of line is inside single or double
// quotes, and which.
func Quoted(line string, at int) (byte, bool) {
	q := quoteState(line, at)
	return q, q != 0
}

// reparse matches commands that parse a string argument as code again, so
// that quoting a value in the outer script does not protect it.
var reparse = regexp.MustCompile(`\b(?:eval|(?:sh|bash|zsh|dash|ksh)\s+-c|python[0-9.]*\s+-c|node\s+-e|ruby\s+-e|perl\s+-e|ssh\s+\S+|su\s+-c|xargs\s+(?:-\S+\s+)*(?:sh|bash))\b`)

// Reparsed reports whether offset at of line is inside the argument of a
// command that evaluates its argument as code again (eval, sh -c ...).
func Reparsed(line string, at int) bool {
	for _, m := range reparse.FindAllStringIndex(line, -1) {
		if m[0] < at {
			return true
		}
	}
	return false
}
