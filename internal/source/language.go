package source

import (
	"bytes"
	"path"
	"strings"
)

var byExtension = map[string]Language{
	".go": Go,
	".py": Python, ".pyw": Python, ".pyi": Python,
	".js": JavaScript, ".jsx": JavaScript, ".mjs": JavaScript, ".cjs": JavaScript,
	".ts": TypeScript, ".tsx": TypeScript, ".mts": TypeScript, ".cts": TypeScript,
	".java": Java, ".jsp": Java,
	".kt": Kotlin, ".kts": Kotlin,
	".scala": Scala, ".sc": Scala,
	".c": C, ".h": C,
	".cc": CPP, ".cpp": CPP, ".cxx": CPP, ".hpp": CPP, ".hh": CPP, ".hxx": CPP,
	".cs": CSharp,
	".rb": Ruby, ".erb": Ruby,
	".php": PHP, ".phtml": PHP,
	".rs":    Rust,
	".swift": Swift,
	".sh":    Shell, ".bash": Shell, ".zsh": Shell, ".ksh": Shell,
	".ps1": PowerShell, ".psm1": PowerShell,
	".sql":  SQL,
	".html": HTML, ".htm": HTML,
	".css": CSS, ".scss": CSS, ".less": CSS,
	".xml": XML, ".xsd": XML, ".xsl": XML, ".wsdl": XML,
	".yml": YAML, ".yaml": YAML,
	".json": JSON,
	".toml": TOML,
	".tf":   HCL, ".hcl": HCL, ".tfvars": HCL,
	".groovy": Groovy, ".gradle": Groovy,
	".md": Markdown, ".markdown": Markdown,
	".cbl": COBOL, ".cob": COBOL, ".cpy": COBOL,
	".gemspec": Ruby, ".rake": Ruby, ".ru": Ruby, ".podspec": Ruby,
	".jsonc": JSON, ".ipynb": JSON,
	".mk": Shell, ".bats": Shell,
	".psd1":  PowerShell,
	".xhtml": HTML,
	".svg":   XML, ".plist": XML, ".csproj": XML, ".vbproj": XML, ".fsproj": XML,
	".props": XML, ".targets": XML, ".nuspec": XML,
}

var byName = map[string]Language{
	"dockerfile":    Dockerfile,
	"containerfile": Dockerfile,
	"jenkinsfile":   Groovy,
	"makefile":      Shell,
	"gemfile":       Ruby,
	"rakefile":      Ruby,
	"vagrantfile":   Ruby,
	"podfile":       Ruby,
	"brewfile":      Ruby,
	"fastfile":      Ruby,
	"pipfile":       TOML,
	"pipfile.lock":  JSON,
	"composer.lock": JSON,
	"flake.lock":    JSON,
	"cargo.lock":    TOML,
	"poetry.lock":   TOML,
	"uv.lock":       TOML,
	"pdm.lock":      TOML,
	".bashrc":       Shell,
	".bash_profile": Shell,
	".zshrc":        Shell,
	".profile":      Shell,
	".envrc":        Shell,
	".babelrc":      JSON,
	".eslintrc":     JSON,
}

var byInterpreter = map[string]Language{
	"python": Python, "python2": Python, "python3": Python,
	"node": JavaScript, "nodejs": JavaScript, "deno": TypeScript, "ts-node": TypeScript,
	"sh": Shell, "bash": Shell, "zsh": Shell, "ksh": Shell, "dash": Shell,
	"ruby": Ruby, "php": PHP, "pwsh": PowerShell,
}

// DetectLanguage names the language of a file from its name, then its
// shebang line, then tell-tale content. head is the file's first bytes (any
// length; the first line is enough for a shebang) and may be nil.
func DetectLanguage(name string, head []byte) Language {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	lower := strings.ToLower(base)
	if l, ok := byExtension[path.Ext(lower)]; ok {
		return l
	}
	if l, ok := byName[lower]; ok {
		return l
	}
	if strings.HasPrefix(lower, "dockerfile.") || strings.HasSuffix(lower, ".dockerfile") {
		return Dockerfile
	}
	if strings.HasPrefix(lower, "jenkinsfile") {
		return Groovy
	}
	if l := shebang(head); l != Unknown {
		return l
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if bytes.HasPrefix(trimmed, []byte("<?php")) {
		return PHP
	}
	if bytes.HasPrefix(trimmed, []byte("<?xml")) {
		return XML
	}
	return Unknown
}

// shebang reads "#!/usr/bin/env python3 -u" or "#!/bin/bash".
func shebang(head []byte) Language {
	if !bytes.HasPrefix(head, []byte("#!")) {
		return Unknown
	}
	line := head[2:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	fields := strings.Fields(string(line))
	if len(fields) == 0 {
		return Unknown
	}
	interp := path.Base(fields[0])
	if interp == "env" {
		// Skip env's own options such as -S.
		interp = ""
		for _, f := range fields[1:] {
			if !strings.HasPrefix(f, "-") {
				interp = path.Base(f)
				break
			}
		}
	}
	if l, ok := byInterpreter[interp]; ok {
		return l
	}
	// python3.12, ruby2.7 and the like.
	for prefix, l := range map[string]Language{"python": Python, "ruby": Ruby, "node": JavaScript} {
		if strings.HasPrefix(interp, prefix) {
			return l
		}
	}
	return Unknown
}
