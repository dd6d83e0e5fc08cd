package view

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/reporttest"
)

func TestSorted(t *testing.T) {
	fs := reporttest.Sample().Findings
	rev := make([]finding.Finding, len(fs))
	for i := range fs {
		rev[len(fs)-1-i] = fs[i]
	}
	var got []string
	for _, f := range Sorted(rev) {
		got = append(got, f.Severity.String()+" "+f.Location.Path)
	}
	want := []string{
		"critical config/prod.env",
		"high .github/workflows/triage.yml",
		"high go.mod",
		"high internal/store/users.go",
		"low src/äpp/ハッシュ.py",
		"info ml/load.py",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}
}

func TestFormatting(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Duration(120), "120ms"},
		{Duration(3250), "3.25s"},
		{Duration(125000), "2m05s"},
		{Count(0), "0"},
		{Count(999), "999"},
		{Count(15745), "15,745"},
		{Count(-1234567), "-1,234,567"},
		{Plural(1, "warning"), "1 warning"},
		{Plural(1200, "file"), "1,200 files"},
		{FirstParagraph("one\r\nline\r\n\r\ntwo"), "one\nline"},
		{FirstParagraph("  only  "), "only"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestOWASPIDs(t *testing.T) {
	f := reporttest.Sample().Findings[0]
	if d := cmp.Diff([]string{"A07:2021", "A07:2025"}, OWASPIDs(&f)); d != "" {
		t.Error(d)
	}
}
