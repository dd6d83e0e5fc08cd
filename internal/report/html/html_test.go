package html

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	xhtml "golang.org/x/net/html"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/report/reporttest"
	"github.com/socyber/codeaudit/internal/result"
)

func write(t testing.TB, opts Options, r *result.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := New(opts).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		r    *result.Result
	}{
		{"sample.html", Options{ShowSuppressed: true}, reporttest.Sample()},
		{"empty.html", Options{}, reporttest.Empty()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := write(t, tc.opts, tc.r)
			reporttest.Golden(t, tc.name, []byte(got))
			reporttest.Golden(t, strings.TrimSuffix(tc.name, ".html")+".outline", []byte(outline(t, got)))
		})
	}
}

// outline is the element structure of a page with ids and classes, text
// left out: the normalised shape the golden .outline files hold, so a
// change of wording does not hide a change of structure.
func outline(t *testing.T, doc string) string {
	t.Helper()
	root, err := xhtml.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *xhtml.Node, depth int)
	walk = func(n *xhtml.Node, depth int) {
		if n.Type == xhtml.ElementNode {
			if n.Data == "svg" || n.Data == "tr" && depth > 12 {
				b.WriteString(strings.Repeat(" ", depth) + n.Data + "…\n")
				return
			}
			b.WriteString(strings.Repeat(" ", depth) + n.Data)
			for _, a := range n.Attr {
				if a.Key == "id" || a.Key == "class" {
					b.WriteString(" " + a.Key + "=" + a.Val)
				}
			}
			b.WriteString("\n")
			depth++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth)
		}
	}
	walk(root, 0)
	return b.String()
}

// TestSelfContained checks that nothing is loaded from elsewhere: no
// src, no stylesheet or icon links, no CSS url() or @import, and that the
// one inline script is allowed by the page's CSP hash.
func TestSelfContained(t *testing.T) {
	got := write(t, Options{ShowSuppressed: true}, reporttest.Sample())
	root, err := xhtml.Parse(strings.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	var scripts []string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			for _, a := range n.Attr {
				switch {
				case a.Key == "src" || a.Key == "srcset" || a.Key == "action" || a.Key == "poster" || a.Key == "data" && n.Data == "object":
					t.Errorf("<%s %s=%q> loads a resource", n.Data, a.Key, a.Val)
				case a.Key == "href" && n.Data != "a":
					t.Errorf("<%s href=%q> loads a resource", n.Data, a.Val)
				case a.Key == "href" && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(a.Val, "https://"):
					t.Errorf("link %q is neither in-page nor https", a.Val)
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("inline event handler %s on <%s>", a.Key, n.Data)
				}
			}
			if n.Data == "script" && n.FirstChild != nil {
				scripts = append(scripts, n.FirstChild.Data)
			}
			if n.Data == "iframe" || n.Data == "embed" || n.Data == "img" {
				t.Errorf("<%s> element", n.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, bad := range []string{"url(", "@import", "@font-face", `src="http`, `<link`} {
		if strings.Contains(got, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if len(scripts) != 1 {
		t.Fatalf("%d scripts, want 1", len(scripts))
	}
	sum := sha256.Sum256([]byte(scripts[0]))
	if want := "script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(xhtml.UnescapeString(got), want) {
		t.Errorf("CSP lacks the hash of the inline script: %s", want)
	}
}

func TestContent(t *testing.T) {
	got := write(t, Options{}, reporttest.Sample())
	for _, want := range []string{
		`<title>Security code audit: ./shop</title>`,
		`<form id="filters" hidden`,
		`data-severity="high" data-category="A05" data-analyzer="sast" data-file="internal/store/users.go"`,
		`<a href="https://cwe.mitre.org/data/definitions/89.html">CWE-89</a> Improper Neutralization of Special Elements used in an SQL Command (&#39;SQL Injection&#39;)`,
		`<dd>A07:2021-Identification and Authentication Failures, A07:2025-Authentication Failures</dd>`,
		// trace steps 3 and 4 in the margin at their lines, flagged line highlighted
		`<tr><td class="step" title="3. formatted into q by fmt.Sprintf"><span class="stepno">3</span></td><td class="ln">41</td>`,
		`<tr class="flag"><td class="step" title="4. q executed by db.QueryContext"><span class="stepno">4</span></td><td class="ln">42</td>`,
		`<h4>Why it matters</h4><p>User input reaches a SQL query string without parameters`,
		`<pre class="example" data-lang="go"><code>db.QueryContext(ctx, &#34;SELECT * FROM users WHERE name = $1&#34;, name)</code></pre>`,
		`<p>Pass user input as query parameters instead of formatting it into the SQL text.</p>`,
		`<li><a href="https://go.dev/doc/database/sql-injection">https://go.dev/doc/database/sql-injection</a></li>`,
		// escaping of scanned text
		`&lt;main&gt; branch | changes what runs`,
		`&lt;b&gt;bold&lt;/b&gt;`,
		`<td><code>web/static/app.bundle.js</code></td><td>sast</td><td>parse timed out after 5s</td>`,
		`>Findings by severity</figcaption><svg class="chart"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if strings.Contains(got, "go.crypto.weak-random") || strings.Contains(got, `id="suppressed"`) {
		t.Error("suppressed findings shown without ShowSuppressed")
	}
	if n := strings.Count(got, `<article class="finding"`); n != 6 {
		t.Errorf("%d findings, want 6", n)
	}
}

func TestHostileInput(t *testing.T) {
	r := reporttest.Sample()
	f := &r.Findings[0]
	f.Message = `</script><script>alert(1)</script>`
	f.Location.Path = `"><img src=x onerror=alert(1)>`
	f.Snippet.Lines[0] = `<script>alert("x")</script>`
	f.Remediation = "Use <b>this</b>\n\n```\n</pre><script>x</script>\n```\n`<i>`"
	f.References = []string{"javascript:alert(1)", "https://ok.example/a?b=<c>"}
	f.Properties = map[string]string{"<k>": "<v>"}
	r.Target = "<x>"
	got := write(t, Options{}, r)
	if strings.Count(got, "<script") != 1 {
		t.Error("a script tag from the scanned data survived")
	}
	for _, bad := range []string{"<img", "<b>this", "<i>", `href="javascript:`, "<k>", "<x>"} {
		if strings.Contains(got, bad) {
			t.Errorf("unescaped %q in output", bad)
		}
	}
	if !strings.Contains(got, "<li>javascript:alert(1)</li>") {
		t.Error("a non-http reference must be shown as text")
	}
}

func TestMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Plain text.", "<p>Plain text.</p>\n"},
		{"One\nparagraph\n\nTwo `x<y>`", "<p>One paragraph</p>\n<p>Two <code>x&lt;y&gt;</code></p>\n"},
		{"Unbalanced ` tick", "<p>Unbalanced ` tick</p>\n"},
		{"Ex:\n```py\nprint('<a>')\n```\nafter", "<p>Ex:</p>\n<pre class=\"example\" data-lang=\"py\"><code>print(&#39;&lt;a&gt;&#39;)</code></pre>\n<p>after</p>\n"},
		{"```\nunterminated", "<pre class=\"example\"><code>unterminated</code></pre>\n"},
		{"", ""},
	} {
		if d := cmp.Diff(tc.want, string(Markdown(tc.in))); d != "" {
			t.Errorf("Markdown(%q) (-want +got):\n%s", tc.in, d)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://cwe.mitre.org/x": "https://cwe.mitre.org/x",
		"http://example.com":      "http://example.com",
		"javascript:alert(1)":     "",
		"data:text/html,x":        "",
		"/relative":               "",
		"https://":                "",
	} {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnnotateTraceOutsideSnippet(t *testing.T) {
	f := finding.Finding{
		Location: finding.Location{Path: "a.go", StartLine: 10, EndLine: 11},
		Snippet:  &finding.Snippet{StartLine: 9, Lines: []string{"a", "b", "c", "d"}},
		Trace: []finding.TraceStep{
			{Location: finding.Location{Path: "b.go", StartLine: 10}, Note: "other file"},
			{Location: finding.Location{Path: "a.go", StartLine: 99}, Note: "outside"},
			{Location: finding.Location{Path: "a.go", StartLine: 10}, Note: "here"},
			{Location: finding.Location{Path: "a.go", StartLine: 10}, Note: "again"},
		},
	}
	got := annotate(&f)
	want := []CodeLine{
		{Number: 9, Text: "a"},
		{Number: 10, Text: "b", Flagged: true, Steps: []int{3, 4}, StepNote: "3. here\n4. again"},
		{Number: 11, Text: "c", Flagged: true},
		{Number: 12, Text: "d"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("annotate (-want +got):\n%s", d)
	}
}

func TestLargeReport(t *testing.T) {
	got := write(t, Options{}, reporttest.Many(3000))
	if n := strings.Count(got, `<article class="finding"`); n != 3000 {
		t.Errorf("%d findings rendered, want 3000", n)
	}
	if !regexp.MustCompile(`<option value="critical">Critical \(\d+\)</option>`).MatchString(got) {
		t.Error("severity filter options missing")
	}
}

func BenchmarkWrite(b *testing.B) {
	r := reporttest.Many(1000)
	w := New(Options{})
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := w.Write(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/report")
}

func FuzzMarkdown(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		out := string(Markdown(s))
		if strings.Contains(out, "<script") || strings.Contains(out, "<img") {
			t.Errorf("Markdown(%q) let markup through: %s", s, out)
		}
	})
}

func TestRemediationExampleUnderSentence(t *testing.T) {
	r := reporttest.Sample()
	r.Findings[0].Remediation = "Use an http.Server with timeouts:\n  srv := &http.Server{\n      ReadTimeout: 30 * time.Second,\n  }\nThen call srv.ListenAndServe()."
	got := write(t, Options{}, r)
	want := "<p>Use an http.Server with timeouts:</p>\n<pre class=\"example\"><code>srv := &amp;http.Server{\n    ReadTimeout: 30 * time.Second,\n}</code></pre>\n<p>Then call srv.ListenAndServe().</p>"
	if !strings.Contains(got, want) {
		t.Errorf("remediation example not rendered as a code block; output lacks\n%s", want)
	}
}
