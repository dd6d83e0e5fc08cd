package source

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type lineCounts struct{ Code, Comment, Blank int }

func TestCountLines(t *testing.T) {
	tests := []struct {
		name    string
		lang    Language
		content string
		want    lineCounts
	}{
		{"empty", Go, "", lineCounts{}},
		{"go basics", Go, `package main

// Comment line.
import "fmt" // trailing comment

/*
 block

 */
func main() { /* inline */ fmt.Println("// not a comment", '"') }
`, lineCounts{Code: 3, Comment: 4, Blank: 3}},
		{"go raw string spans lines", Go, "var s = `\n// inside\n\n/* still */\n`\n// after\n", lineCounts{Code: 5, Comment: 1}},
		{"go block then code", Go, "/* a */ x := 1\nx++ /*\n*/\n", lineCounts{Code: 2, Comment: 1}},
		{"go no final newline", Go, "a\n\n// c", lineCounts{Code: 1, Comment: 1, Blank: 1}},
		{"crlf", Go, "a\r\n\r\n// c\r\n", lineCounts{Code: 1, Comment: 1, Blank: 1}},
		{"python", Python, `#!/usr/bin/env python3
"""Module docstring."""

import os  # trailing


def f():
    """
    Multi-line docstring.

    """
    s = """not a
    docstring # no comment"""
    return "# not a comment"
`, lineCounts{Code: 5, Comment: 5, Blank: 4}},
		{"python single quoted docstring", Python, "'''doc'''\nx = 1\n", lineCounts{Code: 1, Comment: 1}},
		{"javascript", JavaScript, "// c\nconst url = 'http://x'; // c\nconst t = `a\n// in template ${x}\n`;\n/** doc\n * more */\n", lineCounts{Code: 4, Comment: 3}},
		{"javascript escaped backtick", JavaScript, "const t = `a \\` // still\n`;\n// c\n", lineCounts{Code: 2, Comment: 1}},
		{"sql", SQL, "-- header\nSELECT a -- trailing\nFROM t /* x */\nWHERE b = '--not';\n/* multi\nline */\n\n", lineCounts{Code: 3, Comment: 3, Blank: 1}},
		{"sql minus", SQL, "SELECT 1 - 2\n", lineCounts{Code: 1}},
		{"html", HTML, "<!DOCTYPE html>\n<!-- comment -->\n<p>text</p>\n<!--\n  multi\n-->\n\n<p>a</p> <!-- tail -->\n", lineCounts{Code: 3, Comment: 4, Blank: 1}},
		{"shell hash rules", Shell, "#!/bin/sh\necho ${#x} $# a#b\necho hi # c\n  # indented\n", lineCounts{Code: 2, Comment: 2}},
		{"yaml", YAML, "# c\nurl: http://x#frag\nkey: v # c\n", lineCounts{Code: 2, Comment: 1}},
		{"dockerfile", Dockerfile, "# syntax=docker/dockerfile:1\nFROM x\nRUN echo # not a comment\n", lineCounts{Code: 2, Comment: 1}},
		{"ruby block", Ruby, "=begin\ndoc\n\n=end\nputs 1 # c\n", lineCounts{Code: 1, Comment: 3, Blank: 1}},
		{"rust nested", Rust, "/* a /* b */ still */\nfn x<'a>() {} // c\n", lineCounts{Code: 1, Comment: 1}},
		{"powershell", PowerShell, "<#\nhelp\n#>\nWrite-Host 1 # c\n", lineCounts{Code: 1, Comment: 3}},
		{"php", PHP, "<?php\n# comment\n#[Route('/x')]\nfunction f() {} // c\n/* b */\n", lineCounts{Code: 3, Comment: 2}},
		{"json", JSON, "{\n\n  \"a\": \"//\"\n}\n", lineCounts{Code: 3, Blank: 1}},
		{"unknown", Unknown, "x\n\n# y\n", lineCounts{Code: 2, Blank: 1}},
		{"cobol", COBOL, "000100 IDENTIFICATION DIVISION.\n000200* comment\n      *> free comment\n\n       DISPLAY 'HI'.\n", lineCounts{Code: 2, Comment: 2, Blank: 1}},
		{"unterminated string ends at line", C, "char *s = \"abc\nint x; // c\n", lineCounts{Code: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, comment, blank := CountLines(tt.lang, []byte(tt.content))
			got := lineCounts{code, comment, blank}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CountLines(%s) (-want +got):\n%s", tt.lang, diff)
			}
		})
	}
}

// TestCountLinesTotal checks the three counts always add up to the number
// of lines, for every language.
func TestCountLinesTotal(t *testing.T) {
	content := []byte("a\n/* b\n\n*/ c // d\n\"\"\" e\n'''\n`\n<!-- --> -- #\n=begin\n\n")
	langs := []Language{Unknown, COBOL}
	for l := range syntaxes {
		langs = append(langs, l)
	}
	want := bytes.Count(content, []byte("\n"))
	for _, l := range langs {
		code, comment, blank := CountLines(l, content)
		if got := code + comment + blank; got != want {
			t.Errorf("CountLines(%q) counted %d lines, want %d", l, got, want)
		}
	}
}

func FuzzCountLines(f *testing.F) {
	f.Add("go", []byte("package x\n// c\n/* d */\nvar s = `x`\n"))
	f.Add("python", []byte("'''doc\n'''\nx = '#'\n"))
	f.Add("ruby", []byte("=begin\n=end\n"))
	f.Add("cobol", []byte("000100* x\n"))
	f.Fuzz(func(t *testing.T, lang string, content []byte) {
		code, comment, blank := CountLines(Language(lang), content)
		lines := bytes.Count(content, []byte("\n"))
		if len(content) > 0 && content[len(content)-1] != '\n' {
			lines++
		}
		if code < 0 || comment < 0 || blank < 0 || code+comment+blank != lines {
			t.Fatalf("CountLines = %d, %d, %d for %d lines", code, comment, blank, lines)
		}
	})
}

func BenchmarkCountLines(b *testing.B) {
	unit := `package main

import "fmt"

// greet says hello to name, politely, with a long comment line.
func greet(name string) string {
	/* build the message */
	msg := fmt.Sprintf("hello, %s // not a comment", name)
	return msg
}

`
	content := []byte(strings.Repeat(unit, 2000))
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for b.Loop() {
		CountLines(Go, content)
	}
}
