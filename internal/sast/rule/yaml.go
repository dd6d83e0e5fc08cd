package rule

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LoadError is a rule file that cannot be used. The CLI prints it as
// "rules.yaml:12: rule "x": unknown language "cobol"" and exits 2.
type LoadError struct {
	File   string
	Line   int
	RuleID string
	Reason string
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.RuleID != "" {
		fmt.Fprintf(&b, "rule %q: ", e.RuleID)
	}
	b.WriteString(e.Reason)
	return b.String()
}

// mapping returns the key/value pairs of a mapping node in order.
func pairs(n *yaml.Node) [][2]*yaml.Node {
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
	}
	return out
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// scalar reads a scalar as a string.
func scalar(n *yaml.Node) (string, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Value, true
}

// stringList reads a scalar or a sequence of scalars.
func stringList(n *yaml.Node) ([]string, bool) {
	n = resolve(n)
	if n == nil {
		return nil, false
	}
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" {
			return nil, true
		}
		return []string{n.Value}, true
	}
	if n.Kind != yaml.SequenceNode {
		return nil, false
	}
	var out []string
	for _, c := range n.Content {
		s, ok := scalar(c)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}
