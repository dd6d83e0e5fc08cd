package credential

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		key, value string
		want       Kind
	}{
		{"GH_TOKEN", "ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234", KindTokenFormat},
		{"anything", "AKIAFAKEFAKEFAKE1234", KindTokenFormat},
		{"password", "Winter2024-prod-Deploy", KindKeyName},
		{"DB_PASSWORD", "changeme", ""},
		{"password", "${{ secrets.P }}", ""},
		{"API_TOKEN", "$OTHER_VAR", ""},
		{"token-file", "/run/secrets/token", ""},
		{"username", "deployer-account", ""},
		{"password", "short", ""},
		{"token-type", "bearer-token", ""},
		{"api_key", "9f86d081884c7d659a2feaa0c55ad015", KindKeyName},
	} {
		got, _ := Check(tc.key, tc.value)
		if got != tc.want {
			t.Errorf("Check(%q, %q) = %q, want %q", tc.key, tc.value, got, tc.want)
		}
	}
}

func TestRedactNeverShowsTheSecret(t *testing.T) {
	for _, v := range []string{"ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234", "Winter2024-prod-Deploy", "abcdefgh"} {
		r := Redact(v)
		if strings.Contains(r, v[4:]) || strings.Contains(r, v) {
			t.Errorf("Redact(%q) = %q reveals the value", v, r)
		}
		if Redact(v) != r {
			t.Error("Redact is not stable")
		}
	}
}
