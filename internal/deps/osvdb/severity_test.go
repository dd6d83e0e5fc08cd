package osvdb

import (
	"testing"

	"github.com/google/osv-scalibr/semantic"
)

func TestCVSSScore(t *testing.T) {
	tests := []struct {
		vector string
		want   float64
		ok     bool
	}{
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, true},
		{"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", 7.4, true},
		{"CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N", 5.4, true},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, true},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P", 0, false}, // CVSS v2: not used
		{"CVSS:3.1/AV:X", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := CVSSScore(tt.vector)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CVSSScore(%q) = %v, %v; want %v, %v", tt.vector, got, ok, tt.want, tt.ok)
		}
	}
}

func TestInRange(t *testing.T) {
	ev := func(kind, v string) Event {
		switch kind {
		case "i":
			return Event{Introduced: v}
		case "f":
			return Event{Fixed: v}
		case "l":
			return Event{LastAffected: v}
		}
		return Event{Limit: v}
	}
	tests := []struct {
		name    string
		eco     string
		events  []Event
		version string
		want    bool
	}{
		{"below fix", "npm", []Event{ev("i", "0"), ev("f", "1.2.3")}, "1.2.2", true},
		{"at fix", "npm", []Event{ev("i", "0"), ev("f", "1.2.3")}, "1.2.3", false},
		{"before introduced", "npm", []Event{ev("i", "1.0.0"), ev("f", "1.2.3")}, "0.9.0", false},
		{"unsorted pairs, second span", "npm", []Event{ev("i", "2.0.0"), ev("f", "2.1.0"), ev("i", "0"), ev("f", "1.5.0")}, "2.0.5", true},
		{"unsorted pairs, gap", "npm", []Event{ev("i", "2.0.0"), ev("f", "2.1.0"), ev("i", "0"), ev("f", "1.5.0")}, "1.7.0", false},
		{"last_affected inclusive", "npm", []Event{ev("i", "0"), ev("l", "1.0.0")}, "1.0.0", true},
		{"after last_affected", "npm", []Event{ev("i", "0"), ev("l", "1.0.0")}, "1.0.1", false},
		{"no fix yet", "npm", []Event{ev("i", "3.0.0")}, "9.9.9", true},
		{"limit", "npm", []Event{ev("i", "0"), ev("L", "2.0.0")}, "2.0.0", false},
		{"pypi pre-release below fix", "PyPI", []Event{ev("i", "0"), ev("f", "2.0.0")}, "2.0.0rc1", true},
		{"pypi normalised equal", "PyPI", []Event{ev("i", "0"), ev("f", "1.0")}, "1.0.0", false},
		{"maven qualifier", "Maven", []Event{ev("i", "2.0-beta9"), ev("f", "2.3.1")}, "2.0", true},
		{"maven ordering 2.13.2.1", "Maven", []Event{ev("i", "2.13.0"), ev("f", "2.13.2.1")}, "2.13.2", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := semantic.Parse(tt.version, tt.eco)
			if err != nil {
				t.Fatal(err)
			}
			if got := inRange(Range{Type: "ECOSYSTEM", Events: tt.events}, tt.eco, v); got != tt.want {
				t.Errorf("inRange = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNormalizeName(t *testing.T) {
	for _, tt := range [][3]string{
		{"PyPI", "Flask_SQLAlchemy", "flask-sqlalchemy"},
		{"PyPI", "zope.interface", "zope-interface"},
		{"PyPI", "a--b__c", "a-b-c"},
		{"npm", "@Scope/Pkg", "@Scope/Pkg"},
		{"Packagist", "Monolog/Monolog", "monolog/monolog"},
	} {
		if got := NormalizeName(tt[0], tt[1]); got != tt[2] {
			t.Errorf("NormalizeName(%s, %q) = %q, want %q", tt[0], tt[1], got, tt[2])
		}
	}
}

// TestSeverityOfPackageEntries: an affected entry's own vector counts only
// for the package it names.
func TestSeverityOfPackageEntries(t *testing.T) {
	v := &Vulnerability{
		ID: "GHSA-test",
		Affected: []Affected{
			{Package: Package{Ecosystem: "npm", Name: "a"}, Severity: []SeverityScore{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}}},
			{Package: Package{Ecosystem: "npm", Name: "b"}, Severity: []SeverityScore{{Type: "CVSS_V3", Score: "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N"}}},
		},
	}
	if score, _, _ := severityOf(v, "npm", "b"); score != 5.4 {
		t.Errorf("b scored %v, want 5.4 (its own entry's vector)", score)
	}
	if score, _, _ := severityOf(v, "npm", "a"); score != 10 {
		t.Errorf("a scored %v, want 10", score)
	}
}
