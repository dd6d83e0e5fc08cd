//go:build ignore

package fixtures

import (
	"fmt"
	"strings"
)

func whereOwner(owner string) string {
	return "owner = '" + strings.TrimSpace(owner) + "'"
}

func selectFrom(table, where string) string {
	var b strings.Builder
	b.WriteString("SELECT * FROM ")
	b.WriteString(table)
	fmt.Fprintf(&b, " WHERE %s", where)
	return b.String()
}

func card(title string) string {
	return fmt.Sprintf("<div class=\"card\">%s</div>", title)
}
