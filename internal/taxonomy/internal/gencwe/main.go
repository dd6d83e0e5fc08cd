// Command gencwe turns MITRE's CWE research-view CSV into the compact table
// the taxonomy package embeds: one line per weakness with its id, name, the
// ids of its ChildOf parents in view 1000 and its short description. The
// full CSV is 3 MB of prose the binary never needs; the names, the
// hierarchy and the one-paragraph descriptions are what reports and the
// OWASP derivation use.
//
// Usage: go run ./internal/gencwe SRC.csv > data/cwe-names.tsv
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"strings"
)

var childOf = regexp.MustCompile(`NATURE:ChildOf:CWE ID:(\d+):VIEW ID:1000`)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gencwe SRC.csv")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, "# CWE id, name, ChildOf parents (view 1000) and description, generated from MITRE CWE v4.14; see CWE-TERMS-OF-USE.txt")
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		id := rec[col["CWE-ID"]]
		name := strings.ReplaceAll(rec[col["Name"]], "\t", " ")
		var parents []string
		for _, m := range childOf.FindAllStringSubmatch(rec[col["Related Weaknesses"]], -1) {
			parents = append(parents, m[1])
		}
		desc := strings.Join(strings.Fields(rec[col["Description"]]), " ")
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\n", id, name, strings.Join(parents, ","), desc)
	}
}
