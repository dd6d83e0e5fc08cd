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
	"CWE-113": "Injection", "CWE-943": "Injection", "CWE-77": "Injection",
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
	"CWE-352":  "CSRF",
	"CWE-942":  "CORS and browser policies", "CWE-346": "CORS and browser policies",
	"CWE-1021": "CORS and browser policies", "CWE-693": "CORS and browser policies",
	"CWE-489": "Debug and error exposure", "CWE-209": "Debug and error exposure",
	"CWE-200": "Sensitive data exposure", "CWE-532": "Sensitive data exposure",
	"CWE-598": "Sensitive data exposure", "CWE-359": "Sensitive data exposure",
	"CWE-312": "Sensitive data exposure",
	"CWE-400": "Resource exhaustion", "CWE-409": "Resource exhaustion",
	"CWE-242": "Memory and integer safety", "CWE-190": "Memory and integer safety",
	"CWE-1327": "Network exposure",
	"CWE-915":  "Mass assignment and prototype pollution",
	"CWE-1321": "Mass assignment and prototype pollution",
}

// packLanguages reads the languages of every built-in rule from the
// embedded YAML (finding.Rule does not always carry them).
func packLanguages(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
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
			} `yaml:"rules"`
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for _, r := range doc.Rules {
			out[strings.ToLower(r.ID)] = r.Languages
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
	langs := packLanguages(t)
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
		for _, l := range langs[r.ID] {
			counts[class][l]++
		}
		files[r.ID+".md"] = rulePage(r, langs[r.ID], class)
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
	b.WriteString("JavaScript rules also run on TypeScript (`.ts`, `.tsx`), so they count in both columns.\n\n")
	b.WriteString("## All rules\n\n")
	b.WriteString("| id | languages | CWE | severity / confidence | title |\n|---|---|---|---|---|\n")
	for _, r := range all {
		fmt.Fprintf(&b, "| [`%s`](%s.md) | %s | %s | %s / %s | %s |\n", r.ID, r.ID,
			strings.Join(langs[r.ID], ", "), r.CWE, r.Severity, r.Confidence, escapeCell(r.Title))
	}
	files["README.md"] = b.String()
	return files
}

func rulePage(r finding.Rule, langs []string, class string) string {
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
