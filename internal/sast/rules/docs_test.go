package rules_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/google/go-cmp/cmp"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/ruletest"
	"github.com/socyber/codeaudit/internal/sast"
	"github.com/socyber/codeaudit/internal/sast/rules"
	"github.com/socyber/codeaudit/internal/taxonomy"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/rules/ from the built-in rule metadata")

// docsDir is docs/rules/ seen from this package.
var docsDir = filepath.Join("..", "..", "..", "docs", "rules")

// docLanguages are the columns of the coverage table, in order.
var docLanguages = []string{"go", "python", "javascript", "typescript", "java"}

// classOf groups rules into the weakness classes of the coverage table by
// their CWE. A CWE not listed falls into "Other".
var classOf = map[string]string{
	"CWE-78": "Injection", "CWE-89": "Injection", "CWE-94": "Injection", "CWE-95": "Injection",
	"CWE-90": "Injection", "CWE-643": "Injection", "CWE-1336": "Injection", "CWE-117": "Injection",
	"CWE-113": "Injection", "CWE-943": "Injection", "CWE-77": "Injection", "CWE-917": "Injection",
	"CWE-79":  "Cross-site scripting",
	"CWE-918": "SSRF and open redirect", "CWE-601": "SSRF and open redirect",
	"CWE-22": "Files and paths", "CWE-377": "Files and paths", "CWE-378": "Files and paths",
	"CWE-732": "Files and paths", "CWE-276": "Files and paths", "CWE-552": "Files and paths",
	"CWE-548": "Files and paths",
	"CWE-502": "Unsafe deserialization",
	"CWE-611": "XML external entities",
	"CWE-327": "Weak cryptography", "CWE-328": "Weak cryptography", "CWE-329": "Weak cryptography",
	"CWE-326": "Weak cryptography", "CWE-780": "Weak cryptography", "CWE-321": "Hardcoded keys",
	"CWE-330": "Predictable randomness",
	"CWE-916": "Password storage", "CWE-256": "Password storage", "CWE-257": "Password storage",
	"CWE-295": "TLS and SSH verification", "CWE-297": "TLS and SSH verification",
	"CWE-322": "TLS and SSH verification", "CWE-319": "Cleartext transport",
	"CWE-347": "JWT verification",
	"CWE-614": "Cookies and sessions", "CWE-1004": "Cookies and sessions",
	"CWE-1275": "Cookies and sessions", "CWE-384": "Cookies and sessions",
	"CWE-352": "CSRF",
	"CWE-942": "CORS and browser policies", "CWE-346": "CORS and browser policies",
	"CWE-1021": "CORS and browser policies", "CWE-693": "CORS and browser policies",
	"CWE-489": "Debug and error exposure", "CWE-209": "Debug and error exposure",
	"CWE-200": "Sensitive data exposure", "CWE-532": "Sensitive data exposure",
	"CWE-598": "Sensitive data exposure", "CWE-359": "Sensitive data exposure",
	"CWE-312": "Sensitive data exposure",
	"CWE-400": "Resource exhaustion", "CWE-409": "Resource exhaustion",
	"CWE-242": "Memory and integer safety", "CWE-190": "Memory and integer safety",
	"CWE-1327": "Network exposure",
	"CWE-862":  "Access control", "CWE-287": "Access control", "CWE-501": "Access control",
	"CWE-1385": "CORS and browser policies",
	"CWE-208":  "Weak cryptography", "CWE-336": "Predictable randomness",
	"CWE-770": "Resource exhaustion", "CWE-922": "Sensitive data exposure", "CWE-201": "Sensitive data exposure",
	"CWE-915":  "Mass assignment and prototype pollution",
	"CWE-1321": "Mass assignment and prototype pollution",
}

// packMeta is what the docs need from the YAML beyond finding.Rule.
type packMeta struct {
	Languages []string
	Message   string
}

// packMetadata reads the languages and message of every built-in rule
// from the embedded YAML (finding.Rule does not always carry languages
// and never the message template).
func packMetadata(t *testing.T) map[string]packMeta {
	t.Helper()
	out := map[string]packMeta{}
	err := fs.WalkDir(rules.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.FS(), p)
		if err != nil {
			return err
		}
		var doc struct {
			Rules []struct {
				ID        string   `yaml:"id"`
				Languages []string `yaml:"languages"`
				Message   string   `yaml:"message"`
			} `yaml:"rules"`
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for _, r := range doc.Rules {
			out[strings.ToLower(r.ID)] = packMeta{Languages: r.Languages, Message: strings.TrimSpace(r.Message)}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// renderDocs returns the content of every file under docs/rules/, keyed
// by file name.
func renderDocs(t *testing.T) map[string]string {
	t.Helper()
	a, err := sast.New(sast.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	all := a.Rules()
	slices.SortFunc(all, func(x, y finding.Rule) int { return strings.Compare(x.ID, y.ID) })
	meta := packMetadata(t)
	examples := fixtureExamples(t)
	files := map[string]string{}

	counts := map[string]map[string]int{}
	var classes []string
	for _, r := range all {
		class := classOf[r.CWE]
		if class == "" {
			class = "Other"
		}
		if counts[class] == nil {
			counts[class] = map[string]int{}
			classes = append(classes, class)
		}
		for _, l := range meta[r.ID].Languages {
			counts[class][l]++
		}
		files[r.ID+".md"] = rulePage(r, meta[r.ID], class, examples[r.ID])
	}
	slices.Sort(classes)

	var b strings.Builder
	b.WriteString("# Built-in rules\n\n")
	b.WriteString("Generated from the rule metadata in `internal/sast/rules/` by\n")
	b.WriteString("`go test ./internal/sast/rules -run TestRuleDocs -update-docs`; do not edit by hand.\n")
	b.WriteString("See [../rules.md](../rules.md) for the rule syntax.\n\n")
	b.WriteString("## Coverage: rules per weakness class and language\n\n")
	b.WriteString("| class | " + strings.Join(docLanguages, " | ") + " |\n")
	b.WriteString("|---" + strings.Repeat("|---:", len(docLanguages)) + "|\n")
	total := map[string]int{}
	for _, c := range classes {
		b.WriteString("| " + c)
		for _, l := range docLanguages {
			n := counts[c][l]
			total[l] += n
			if n == 0 {
				b.WriteString(" | ")
			} else {
				fmt.Fprintf(&b, " | %d", n)
			}
		}
		b.WriteString(" |\n")
	}
	b.WriteString("| **total**")
	for _, l := range docLanguages {
		fmt.Fprintf(&b, " | **%d**", total[l])
	}
	b.WriteString(" |\n\n")
	b.WriteString("JavaScript rules also run on TypeScript (`.ts`, `.tsx`), so they count in both columns; each of them has its own TypeScript fixtures (typed parameters, ES imports), checked by `TestTypeScriptFixtures`.\n\n")
	b.WriteString(limitsText)
	b.WriteString(gapsText)
	b.WriteString("## All rules\n\n")
	b.WriteString("| id | languages | CWE | severity / confidence | title |\n|---|---|---|---|---|\n")
	for _, r := range all {
		fmt.Fprintf(&b, "| [`%s`](%s.md) | %s | %s | %s / %s | %s |\n", r.ID, r.ID,
			strings.Join(meta[r.ID].Languages, ", "), r.CWE, r.Severity, r.Confidence, escapeCell(r.Title))
	}
	files["README.md"] = b.String()
	return files
}

// gapsText says which empty cells of the coverage table are empty on
// purpose.
const gapsText = `## Empty cells on purpose

- **Header/CRLF injection** (CWE-113) has a rule for Java servlets only:
  Go's net/http replaces line breaks in header values, Node's http module
  throws ERR_INVALID_CHAR, Werkzeug raises ValueError and Django
  BadHeaderError, so request data cannot split a response there.
- **XXE** in Go: encoding/xml never loads DTDs or external entities; only
  the libxml2 bindings can, and they are covered.
- **Prototype pollution** (CWE-1321) exists only in JavaScript.
- **CSRF** in Go: net/http has no built-in protection to switch off; the
  gorilla/csrf rule checks its cookie instead.

`

// limitsText is the hand-written part of the index.
const limitsText = `## Reading the results

- **Confidence** says how sure a match is a real problem: *high* rules
  match an API use that is unsafe whatever the data (a trust-all
  TrustManager, ECB mode); *medium* rules need the usual context (a
  cookie without Secure may be a harmless preference cookie); *low* rules
  flag places to review (innerHTML of a non-constant, template.HTML).
- Pattern rules look at one file at a time and do not follow data; rules
  whose id contains ` + "`.taint.`" + ` follow untrusted input from sources to sinks
  and are documented with the taint engine.
- Rules that only matter for deployed code (TLS relaxations, server
  timeouts, world-writable files, listening on 0.0.0.0 in Go) skip
  ` + "`*_test.go`" + `.
- Each rule's examples below come from its test fixtures
  (` + "`internal/sast/rules/<language>/`" + `), which are checked in both
  directions by ` + "`go test ./internal/sast/rules`" + `.

`

// example is one annotated fixture line.
type example struct {
	path string
	line string
	bad  bool
}

// maxExamples bounds the examples shown per rule and kind.
const maxExamples = 3

// fixtureExamples collects, per rule id, the fixture lines annotated as
// reported (bad) and as not reported (good).
func fixtureExamples(t *testing.T) map[string][]example {
	t.Helper()
	out := map[string][]example{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(filepath.ToSlash(p), "/") || strings.HasSuffix(p, ".yaml") {
			return err
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lines := finding.SplitLines(content)
		for _, e := range ruletest.Parse(content) {
			if e.Line < 1 || e.Line > len(lines) {
				continue
			}
			n := 0
			for _, x := range out[e.RuleID] {
				if x.bad == e.Positive {
					n++
				}
			}
			if n >= maxExamples {
				continue
			}
			out[e.RuleID] = append(out[e.RuleID], example{path: filepath.ToSlash(p), line: strings.TrimSpace(lines[e.Line-1]), bad: e.Positive})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func rulePage(r finding.Rule, m packMeta, class string, examples []example) string {
	langs := m.Languages
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", r.Title)
	fmt.Fprintf(&b, "- **id**: `%s`\n", r.ID)
	fmt.Fprintf(&b, "- **languages**: %s\n", strings.Join(langs, ", "))
	fmt.Fprintf(&b, "- **severity**: %s, **confidence**: %s\n", r.Severity, r.Confidence)
	cwe := r.CWE
	if name := taxonomy.CWEName(r.CWE); name != "" {
		cwe += " " + name
	}
	fmt.Fprintf(&b, "- **CWE**: %s\n", cwe)
	if cat, ok := taxonomy.OWASP(r.CWE, 2021); ok {
		fmt.Fprintf(&b, "- **OWASP Top 10 (2021)**: %s\n", cat)
	}
	fmt.Fprintf(&b, "- **class**: %s\n", class)
	if r.Description != "" {
		fmt.Fprintf(&b, "\n## What it detects\n\n%s\n", strings.TrimSpace(r.Description))
	}
	if m.Message != "" {
		fmt.Fprintf(&b, "\n## Message\n\n> %s\n\n(`$NAME` is replaced by the matched code.)\n", strings.Join(strings.Fields(m.Message), " "))
	}
	for _, bad := range []bool{true, false} {
		var ex []example
		for _, e := range examples {
			if e.bad == bad {
				ex = append(ex, e)
			}
		}
		if len(ex) == 0 {
			continue
		}
		if bad {
			b.WriteString("\n## Reported\n\n")
		} else {
			b.WriteString("\n## Not reported\n\n")
		}
		for _, e := range ex {
			fmt.Fprintf(&b, "- `%s` (%s)\n", strings.ReplaceAll(e.line, "`", "'"), e.path)
		}
	}
	if r.Remediation != "" {
		fmt.Fprintf(&b, "\n## How to fix\n\n```text\n%s\n```\n", strings.TrimRight(r.Remediation, "\n"))
	}
	if len(r.References) > 0 {
		b.WriteString("\n## References\n\n")
		for _, ref := range r.References {
			fmt.Fprintf(&b, "- <%s>\n", ref)
		}
	}
	b.WriteString("\n[All rules](README.md)\n")
	return b.String()
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// TestRuleDocs keeps docs/rules/ in step with the rule metadata: one page
// per built-in rule and the coverage table. Run with -update-docs after
// changing a rule.
func TestRuleDocs(t *testing.T) {
	want := renderDocs(t)
	if *updateDocs {
		if err := os.MkdirAll(docsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(docsDir, "*.md"))
		for _, p := range old {
			if _, ok := want[filepath.Base(p)]; !ok {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, content := range want {
			if err := os.WriteFile(filepath.Join(docsDir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	have, _ := filepath.Glob(filepath.Join(docsDir, "*.md"))
	for _, p := range have {
		if _, ok := want[filepath.Base(p)]; !ok {
			t.Errorf("%s documents no built-in rule (run with -update-docs)", p)
		}
	}
	for name, content := range want {
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil {
			t.Errorf("%v (run with -update-docs)", err)
			continue
		}
		if diff := cmp.Diff(content, string(got)); diff != "" {
			t.Errorf("docs/rules/%s is stale (run with -update-docs) (-want +got):\n%s", name, diff)
		}
	}
}
