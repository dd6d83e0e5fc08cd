package shellscript

import "testing"

func TestRemoteExec(t *testing.T) {
	for src, want := range map[string]bool{
		"curl -sSL https://x.example/i.sh | bash":            true,
		"curl -fsSL https://x | sudo -E bash -s -- --yes":    true,
		"wget -qO- https://x | python3 -":                    true,
		"bash <(curl -s https://x)":                          true,
		`sh -c "$(curl -fsSL https://x)"`:                    true,
		"iex (New-Object Net.WebClient).DownloadString('u')": true,
		"curl -fsSLo install.sh https://x":                   false,
		"curl https://x | jq .":                              false,
		"cat script.sh | bash":                               false,
		"# curl https://x | sh":                              false,
		"echo 'curl x' # | sh":                               false,
	} {
		if got := len(RemoteExec(src)) > 0; got != want {
			t.Errorf("RemoteExec(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestWritesFileAndPrints(t *testing.T) {
	for _, tc := range []struct {
		code   string
		target string
		prints bool
	}{
		{`echo "$T" > token.txt`, "token.txt", false},
		{`echo x >> "$GITHUB_ENV"`, "$GITHUB_ENV", false},
		{`echo "$T" 2>&1`, "", true},
		{`echo x > /dev/null`, "", true},
		{`printf '%s' "$K" | tee out.key`, "out.key", false},
		{`make build`, "", false},
		{`if true; then echo "$T"; fi`, "", true},
		{`echo "$T" | docker login -u u --password-stdin`, "", false},
		{`echo "$T" | base64`, "", true},
		{`echo "$T" | tr a-z A-Z | gh auth login --with-token`, "", false},
		{`echo "$T" || echo failed`, "", true},
	} {
		target, _ := WritesFile(tc.code)
		if target != tc.target || Prints(tc.code) != tc.prints {
			t.Errorf("%q: WritesFile = %q, Prints = %v; want %q, %v", tc.code, target, Prints(tc.code), tc.target, tc.prints)
		}
	}
}

func TestQuotedAndReparsed(t *testing.T) {
	line := `eval "echo $A" '$B' $C`
	for at, want := range map[int]byte{11: '"', 16: '\'', 20: 0} {
		if q, _ := Quoted(line, at); q != want {
			t.Errorf("Quoted(%d) = %q, want %q", at, q, want)
		}
	}
	if !Reparsed(line, 11) || Reparsed("echo $A", 5) {
		t.Error("Reparsed")
	}
}

func TestRemoteExecContinuedLines(t *testing.T) {
	src := "set -e\ncurl -fsSL https://x.example/i.sh \\\n  | sudo bash -s -- --yes\necho done \\\\\n| sh\n"
	got := RemoteExec(src)
	if len(got) != 1 {
		t.Fatalf("RemoteExec = %+v, want one span", got)
	}
	sp := got[0]
	if src[sp.Start:sp.End] != "curl -fsSL https://x.example/i.sh" {
		t.Errorf("span text %q", src[sp.Start:sp.End])
	}
	if sp.Command != "curl -fsSL https://x.example/i.sh | sudo bash" {
		t.Errorf("command %q", sp.Command)
	}
}
