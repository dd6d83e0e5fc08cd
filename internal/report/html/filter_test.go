package html

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// harness runs filter.js against a minimal fake DOM in Node: the filter
// bar must be revealed, and choosing a severity, analyzer or file must hide
// exactly the other findings.
const harness = `
function el(id) { return { id: id, value: "", hidden: true, handlers: {}, textContent: "",
  addEventListener: function (ev, fn) { this.handlers[ev] = fn; } }; }
var ids = {};
["filters", "f-severity", "f-category", "f-analyzer", "f-file", "f-shown", "f-reset"].forEach(function (i) { ids[i] = el(i); });
function item(tag, sev, cat, ana, file) {
  var a = { "data-severity": sev, "data-category": cat, "data-analyzer": ana, "data-file": file };
  return { tagName: tag, hidden: false, getAttribute: function (k) { return a[k]; } };
}
var items = [
  item("ARTICLE", "high", "A05", "sast", "internal/store/users.go"),
  item("TR", "high", "A05", "sast", "internal/store/users.go"),
  item("ARTICLE", "critical", "A07", "secrets", "config/prod.env"),
  item("ARTICLE", "low", "none", "sast", "src/App.py"),
];
global.document = { getElementById: function (i) { return ids[i]; }, querySelectorAll: function () { return items; } };
eval(require("fs").readFileSync(process.argv[2], "utf8"));
var out = [];
function state() { return items.map(function (i) { return i.hidden ? "-" : "+"; }).join("") + " " + ids["f-shown"].textContent; }
out.push(ids["filters"].hidden ? "bar hidden" : "bar shown");
ids["f-severity"].value = "high"; ids["f-severity"].handlers.change(); out.push(state());
ids["f-severity"].value = ""; ids["f-analyzer"].value = "sast"; ids["f-analyzer"].handlers.change(); out.push(state());
ids["f-file"].value = " APP.PY "; ids["f-file"].handlers.input(); out.push(state());
ids["f-reset"].handlers.click(); out.push(state());
ids["f-category"].value = "A07"; ids["f-category"].handlers.change(); out.push(state());
console.log(out.join("\n"));
`

func TestFilterScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; filter script not exercised")
	}
	dir := t.TempDir()
	js := filepath.Join(dir, "filter.js")
	h := filepath.Join(dir, "harness.js")
	if err := os.WriteFile(js, []byte(filterJS), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h, []byte(harness), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, h, js).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	want := "bar shown\n++-- 1\n" + // high: the article and its index row
		"++-+ 2\n" + // analyzer sast
		"---+ 1\n" + // and file contains app.py, case-insensitive
		"++++ 3\n" + // reset
		"--+- 1" // category A07
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("filter states:\n%s\nwant:\n%s", got, want)
	}
}
