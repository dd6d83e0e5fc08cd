package source

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name, head string
		want       Language
	}{
		{"main.go", "", Go},
		{"dir/App.JAVA", "", Java},
		{`win\path\x.py`, "", Python},
		{"Dockerfile", "", Dockerfile},
		{"Dockerfile.prod", "", Dockerfile},
		{"api.dockerfile", "", Dockerfile},
		{"Jenkinsfile.release", "", Groovy},
		{"Makefile", "", Shell},
		{"rules.mk", "", Shell},
		{"Pipfile", "", TOML},
		{"Pipfile.lock", "", JSON},
		{"Cargo.lock", "", TOML},
		{"x.gemspec", "", Ruby},
		{"Vagrantfile", "", Ruby},
		{".bashrc", "", Shell},
		{"notebook.ipynb", "", JSON},
		{"app.csproj", "", XML},
		{"icon.svg", "", XML},
		{"run", "#!/usr/bin/env python3\n", Python},
		{"run", "#!/usr/bin/env -S node --no-warnings\n", JavaScript},
		{"run", "#!/bin/bash -e\n", Shell},
		{"run", "#!/usr/bin/python3.12\n", Python},
		{"run", "#!/usr/bin/perl\n", Unknown},
		{"index", "\ufeff<?php echo 1;", PHP},
		{"feed", "<?xml version=\"1.0\"?>", XML},
		{"README", "hello", Unknown},
		{"", "", Unknown},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("DetectLanguage(%q, %q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}
