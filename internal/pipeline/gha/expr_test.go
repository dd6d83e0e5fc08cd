package gha

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAccesses(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []access
	}{
		{"${{ github.event.issue.title }}", []access{{Path: "github.event.issue.title", Offset: 4}}},
		{"x ${{ toJSON(secrets) }}", []access{{Path: "secrets", Offset: 13, InToJSON: true}}},
		{"${{ github.event['pull_request'].head.ref || inputs.name }}", []access{
			{Path: "github.event.pull_request.head.ref", Offset: 4},
			{Path: "inputs.name", Offset: 45},
		}},
		{"${{ join(github.event.commits.*.message, ' ') }}", []access{{Path: "github.event.commits.*.message", Offset: 9}}},
		{"${{ env[matrix.name] }}", []access{{Path: "env.*", Offset: 4}, {Path: "matrix.name", Offset: 8}}},
	} {
		var got []access
		for _, e := range parseExprs(tc.src) {
			got = append(got, e.accesses()...)
		}
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(access{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.src, diff)
		}
	}
}

func TestClassify(t *testing.T) {
	for path, want := range map[string]taint{
		"github.event.issue.title":            taintEvent,
		"github.event.pull_request.head.ref":  taintEvent,
		"github.event.pull_request.head.sha":  clean,
		"github.event.pull_request.number":    clean,
		"github.event.commits.*.author.email": taintEvent,
		"github.head_ref":                     taintEvent,
		"inputs.version":                      taintInput,
		"github.event.inputs.tag":             taintInput,
		"github.event.pull_request":           taintEvent,
		"github.sha":                          clean,
		"secrets.token":                       clean,
	} {
		if got := classify(access{Path: path}); got != want {
			t.Errorf("classify(%s) = %v, want %v", path, got, want)
		}
	}
}

func TestValueAccesses(t *testing.T) {
	for src, want := range map[string][]string{
		"${{ github.event.issue.title }}":                                  {"github.event.issue.title"},
		"${{ contains(github.event.issue.title, 'x') }}":                   nil,
		"${{ github.event.issue.title == 'x' }}":                           nil,
		"${{ !github.event.issue.title }}":                                 nil,
		"${{ github.event.issue.title || 'none' }}":                        {"github.event.issue.title"},
		"${{ format('{0}', github.head_ref) }}":                            {"github.head_ref"},
		"${{ fromJSON(inputs.map)[github.event.issue.title] }}":            {"inputs.map"},
		"${{ github.event.issue.title != '' && github.event.issue.body }}": {"github.event.issue.body"},
	} {
		var got []string
		for _, e := range parseExprs(src) {
			for _, a := range e.valueAccesses() {
				got = append(got, a.Path)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", src, diff)
		}
	}
}

// TestParseExpressionBounds checks the guards put before actionlint's
// recursive expression parser, and that a "}}" inside a string literal
// does not end the expression.
func TestParseExpressionBounds(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		ok        bool
		end       int
	}{
		{"plain", "github.head_ref }} tail", true, 18},
		{"braces in a string", "format('{0}}', 'x''}}') }}", true, 26},
		{"nested 64", strings.Repeat("(", 64) + "a" + strings.Repeat(")", 64) + " }}", true, 132},
		{"nested 65", strings.Repeat("(", 65) + "a" + strings.Repeat(")", 65) + " }}", false, 0},
		{"many nots", strings.Repeat("!", 65) + "a }}", false, 0},
		{"long chain", strings.Repeat("a && ", 5000) + "a }}", false, 0},
		{"unterminated", "github.head_ref", false, 0},
	} {
		n, end, err := parseExpression(tc.src)
		if (err == nil) != tc.ok || tc.ok && (n == nil || end != tc.end) {
			t.Errorf("%s: parseExpression = %v, %d, %v; want ok=%v end=%d", tc.name, n, end, err, tc.ok, tc.end)
		}
	}
}
