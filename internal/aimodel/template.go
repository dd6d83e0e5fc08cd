package aimodel

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// Jinja constructs a chat template never needs. A template renders
// messages with loops, conditions, filters and string methods; reaching a
// dunder attribute, the attr filter or a module is how server-side
// template injection climbs from a string to os.popen.
var (
	jinjaTag        = regexp.MustCompile(`(?s)\{\{.*?\}\}|\{%.*?%\}`)
	jinjaDunder     = regexp.MustCompile(`__[A-Za-z][A-Za-z0-9_]*__|_TemplateReference__context`)
	jinjaAttrFilter = regexp.MustCompile(`\|\s*attr\s*\(`)
	jinjaImport     = regexp.MustCompile(`^[{%][%-]?\s*(?:import|from\s+\S+\s+import)\b`)
	jinjaCall       = regexp.MustCompile(`\b(?:os|sys|subprocess|builtins|importlib)\s*\.|\b(?:popen|eval|exec|system|getattr|globals|compile)\s*\(`)
)

// templateConstructs lists the suspicious constructs in a Jinja template,
// each once, sorted.
func templateConstructs(tmpl string) []string {
	seen := map[string]bool{}
	for _, tag := range jinjaTag.FindAllString(tmpl, -1) {
		for _, m := range jinjaDunder.FindAllString(tag, -1) {
			seen[m] = true
		}
		if jinjaAttrFilter.MatchString(tag) {
			seen["|attr()"] = true
		}
		if jinjaImport.MatchString(tag) {
			seen["import"] = true
		}
		for _, m := range jinjaCall.FindAllString(tag, -1) {
			seen[strings.Join(strings.Fields(m), "")] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// template checks tokenizer_config.json (its chat_template) and
// chat_template.jinja files.
func (s *scan) template(ctx context.Context, r io.ReaderAt, size int64, kind format, inner string) error {
	if size > MaxConfigJSON {
		s.warn(inner, "%d bytes is over the %d-byte limit for a tokenizer config; not scanned", size, MaxConfigJSON)
		return nil
	}
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return fmt.Errorf("read %s: %w", where(s.path, inner), err)
	}
	if kind == formatJinja {
		s.reportTemplate(RuleTokenizerTemplate, string(b), b, "", inner)
		return nil
	}
	var cfg struct {
		ChatTemplate json.RawMessage `json:"chat_template"`
	}
	if err := json.Unmarshal(b, &cfg); err != nil || len(cfg.ChatTemplate) == 0 {
		return nil
	}
	var one string
	var named []struct {
		Name     string `json:"name"`
		Template string `json:"template"`
	}
	switch {
	case json.Unmarshal(cfg.ChatTemplate, &one) == nil:
		s.reportTemplate(RuleTokenizerTemplate, one, b, "chat_template", inner)
	case json.Unmarshal(cfg.ChatTemplate, &named) == nil:
		for _, t := range named {
			s.reportTemplate(RuleTokenizerTemplate, t.Template, b, "chat_template "+t.Name, inner)
		}
	}
	return nil
}

// reportTemplate emits a finding when tmpl has suspicious constructs. raw
// is the file text used to find the line, "" for binary files.
func (s *scan) reportTemplate(ruleID, tmpl string, raw []byte, key, inner string) {
	found := templateConstructs(tmpl)
	if len(found) == 0 {
		return
	}
	loc := s.loc()
	if raw != nil {
		needle := []byte(`"chat_template"`)
		if key == "" {
			needle = []byte(found[0])
		}
		if i := bytes.Index(raw, needle); i >= 0 {
			line := 1 + bytes.Count(raw[:i], []byte("\n"))
			loc.StartLine, loc.EndLine = line, line
		}
	}
	what := "the chat template"
	if key != "" {
		what = "the chat template " + key
	}
	s.emit(ruleID, loc,
		fmt.Sprintf("%s: %s uses %s; rendered outside a Jinja sandbox it can run code on the host.", where(s.path, inner), what, list(found)),
		props(inner, "constructs", strings.Join(found, ","), "key", key))
}
