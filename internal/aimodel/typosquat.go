package aimodel

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/editdistance"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

// RulePublisherTyposquat is the id of the publisher check on code.
const RulePublisherTyposquat = "models.code.publisher-typosquat"

//go:embed publishers.txt
var publishersData string

const (
	// minPublisherLen: shorter names are not compared.
	minPublisherLen = 5
	// longPublisherLen: names this long allow an edit distance of 2.
	longPublisherLen = 10
	// maxCodeFile bounds the source file read by the code analyzer.
	maxCodeFile = 8 << 20
)

// Publishers is the list of well-known model publishers.
type Publishers struct {
	names []string
	lower map[string]bool
}

// DefaultPublishers parses the shipped list, plus extra names.
func DefaultPublishers(extra ...string) *Publishers {
	p := &Publishers{lower: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(publishersData))
	var all []string
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			all = append(all, l)
		}
	}
	for _, n := range append(all, extra...) {
		p.names = append(p.names, n)
		p.lower[strings.ToLower(n)] = true
	}
	return p
}

// Near returns the well-known publisher that org imitates: within edit
// distance 1 (2 for long names), compared case-insensitively, and not
// itself a listed publisher.
func (p *Publishers) Near(org string) (string, bool) {
	lo := strings.ToLower(org)
	if p.lower[lo] || len(lo) < minPublisherLen {
		return "", false
	}
	for _, n := range p.names {
		if len(n) < minPublisherLen {
			continue
		}
		limit := 1
		if len(n) >= longPublisherLen {
			limit = 2
		}
		if d := editdistance.OSA(lo, strings.ToLower(n), limit); d > 0 && d <= limit {
			return n, true
		}
	}
	return "", false
}

var (
	// hubCall: calls that take a Hub repository id.
	hubCall = regexp.MustCompile(`from_pretrained|hf_hub_download|snapshot_download|pipeline\s*\(|load_dataset|SentenceTransformer|repo_id|model_id|model\s*=|hf://|hub\.load`)
	// hubID: a quoted "org/name" literal.
	hubID = regexp.MustCompile(`["']([A-Za-z0-9][\w.-]{1,95})/([\w.-]{1,96})["']`)
)

// CodeAnalyzer reports model references whose publisher imitates a
// well-known one. It runs with SAST on Python, JavaScript and TypeScript.
type CodeAnalyzer struct {
	pubs *Publishers
	rule finding.Rule
}

// NewCodeAnalyzer returns the publisher check; extraPublishers adds names
// to the shipped list.
func NewCodeAnalyzer(extraPublishers ...string) *CodeAnalyzer {
	return &CodeAnalyzer{pubs: DefaultPublishers(extraPublishers...), rule: finding.Rule{
		ID:          RulePublisherTyposquat,
		Title:       "Model publisher name imitates a well-known publisher",
		Description: "A model or dataset is fetched from an organisation whose name is one or two edits away from a well-known publisher (EleuterAI for EleutherAI). Typosquatted repositories carry malicious weights or remote code.",
		Severity:    finding.High, Confidence: finding.ConfidenceMedium, CWE: "CWE-1357",
		Remediation: "Check the organisation name letter by letter against the publisher's page and pin the revision:\n  AutoModel.from_pretrained(\"EleutherAI/gpt-neo-125m\", revision=\"<commit hash>\")",
		References:  []string{"https://cwe.mitre.org/data/definitions/1357.html", "https://huggingface.co/docs/hub/security"},
		Tags:        []string{"ai", "model", "supply-chain", "typosquatting"},
		Languages:   []string{"python", "javascript", "typescript"},
		Analyzer:    "models-code",
	}}
}

// Info describes the analyzer.
func (c *CodeAnalyzer) Info() analyzer.Info {
	return analyzer.Info{Name: "models-code", Scanner: analyzer.ScannerSAST, Description: "Model publisher typosquatting in Python and JavaScript code"}
}

// Rules lists the rule.
func (c *CodeAnalyzer) Rules() []finding.Rule { return []finding.Rule{c.rule} }

// Wants claims Python, JavaScript and TypeScript files.
func (c *CodeAnalyzer) Wants(f *source.File) bool {
	switch f.Language {
	case source.Python, source.JavaScript, source.TypeScript:
		return true
	}
	return false
}

// AnalyzeFile scans string literals on lines that load models.
func (c *CodeAnalyzer) AnalyzeFile(ctx context.Context, t *analyzer.Target, out analyzer.Emitter) error {
	content := t.Content
	if content == nil {
		st, err := os.Stat(t.File.Abs)
		if err != nil || st.Size() > maxCodeFile {
			return nil
		}
		if content, err = os.ReadFile(t.File.Abs); err != nil {
			return fmt.Errorf("read %s: %w", t.File.Path, err)
		}
	}
	for n, line := range bytes.Split(content, []byte("\n")) {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if !hubCall.Match(line) {
			continue
		}
		for _, m := range hubID.FindAllSubmatchIndex(line, -1) {
			org := string(line[m[2]:m[3]])
			real, ok := c.pubs.Near(org)
			if !ok {
				continue
			}
			loc := finding.Location{Path: t.File.Path, StartLine: n + 1, StartColumn: m[0] + 1, EndLine: n + 1, EndColumn: m[1] + 1}
			f := finding.New(&c.rule, loc, fmt.Sprintf("%s is published by %q, which looks like a typo of the well-known publisher %q.", line[m[0]+1:m[1]-1], org, real))
			f.Properties = map[string]string{"publisher": org, "imitates": real}
			out.Emit(f)
		}
	}
	return nil
}
