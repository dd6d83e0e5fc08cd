package compliance

import (
	"fmt"
	"strings"

	"github.com/socyber/codeaudit/internal/taxonomy"
)

// MarkdownTables renders the embedded regulation and ASVS tables as
// Markdown, for docs/compliance.md (a test keeps the document in step).
// OWASP Top 10 and CWE Top 25 are left out: they are public lists.
func MarkdownTables() string {
	fws, err := Frameworks()
	if err != nil {
		return "mapping data is invalid: " + err.Error() + "\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Mapping data version **%s**.\n", Version())
	for _, fw := range fws {
		if fw.Controls[0].owaspYear != 0 || strings.HasPrefix(fw.ID, "cwe-top25") {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\nSource: %s. Licence: %s.\n\n", fw.Name, fw.Source, fw.Licence)
		b.WriteString("| Control | What it requires | Bears on it |\n|:--|:--|:--|\n")
		for _, c := range fw.Controls {
			var on []string
			if c.All {
				on = append(on, "every active rule")
			}
			for _, a := range c.Analyzers {
				on = append(on, "all `"+a+"` rules")
			}
			for _, cwe := range c.CWEs {
				on = append(on, cwe+" "+taxonomy.CWEName(cwe))
			}
			if len(on) == 0 {
				on = append(on, "nothing yet (always not assessed)")
			}
			fmt.Fprintf(&b, "| %s | **%s.** %s | %s |\n", c.ID, c.Title, strings.ReplaceAll(c.Summary, "|", "\\|"),
				strings.ReplaceAll(strings.Join(on, "; "), "|", "\\|"))
		}
	}
	return b.String()
}
