package taxonomy

import (
	"slices"
	"strings"
	"testing"
)

func TestParseCWE(t *testing.T) {
	for in, want := range map[string]int{"CWE-89": 89, "cwe-79": 79, "CWE22": 22, " 78 ": 78} {
		if got, ok := ParseCWE(in); !ok || got != want {
			t.Errorf("ParseCWE(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "CWE-", "CWE-x", "-3", "CWE-0"} {
		if _, ok := ParseCWE(in); ok {
			t.Errorf("ParseCWE(%q) accepted bad input", in)
		}
	}
}

func TestCWEName(t *testing.T) {
	if got := CWEName("CWE-89"); got != "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')" {
		t.Errorf("CWEName(CWE-89) = %q", got)
	}
	if CWEName("CWE-999999") != "" || KnownCWE("CWE-999999") {
		t.Error("unknown CWE should have no name")
	}
}

func TestOWASP(t *testing.T) {
	tests := []struct {
		cwe  string
		year int
		want string
	}{
		{"CWE-89", 2021, "A03"},
		{"CWE-89", 2025, "A05"},
		{"CWE-79", 2021, "A03"},
		{"CWE-22", 2021, "A01"},
		{"CWE-327", 2021, "A02"},
		{"CWE-798", 2021, "A07"},
		// CWE-564 (Hibernate SQL injection) is not listed itself; it inherits
		// from its parent CWE-89.
		{"CWE-564", 2021, "A03"},
	}
	for _, tt := range tests {
		c, ok := OWASP(tt.cwe, tt.year)
		if !ok || c.ID != tt.want {
			t.Errorf("OWASP(%s, %d) = %v, %v; want %s", tt.cwe, tt.year, c, ok, tt.want)
		}
	}
	if c, ok := OWASP("CWE-89", 2021); !ok || c.String() != "A03:2021-Injection" {
		t.Errorf("String() = %q", c.String())
	}
}

func TestTop25(t *testing.T) {
	if r := Top25Rank("CWE-79", 2024); r != 1 {
		t.Errorf("CWE-79 2024 rank = %d", r)
	}
	if len(Top25(2025)) != 25 || len(Top25(2024)) != 25 {
		t.Error("Top 25 lists must have 25 entries")
	}
	if len(OWASPCategories(2021)) != 10 || len(OWASPCategories(2025)) != 10 {
		t.Error("OWASP lists must have 10 categories")
	}
}

func TestAncestors(t *testing.T) {
	got := Ancestors("CWE-89")
	if len(got) == 0 || got[0] != "CWE-943" {
		t.Fatalf("Ancestors(CWE-89) = %v, want CWE-943 first", got)
	}
	if !slices.Contains(got, "CWE-74") || !slices.Contains(got, "CWE-707") {
		t.Errorf("Ancestors(CWE-89) = %v, want CWE-74 and CWE-707 among them", got)
	}
	if Ancestors("nonsense") != nil || len(Ancestors("CWE-707")) != 0 {
		t.Error("Ancestors of a malformed id or a root must be empty")
	}
}

func TestCWEDescription(t *testing.T) {
	if d := CWEDescription("CWE-89"); !strings.HasPrefix(d, "The product constructs all or part of an SQL command") {
		t.Errorf("CWEDescription(CWE-89) = %q", d)
	}
	if CWEDescription("CWE-0") != "" || CWEDescription("x") != "" {
		t.Error("unknown CWE must have no description")
	}
}
