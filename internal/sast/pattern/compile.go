package pattern

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/socyber/codeaudit/internal/sast/lang"
	"github.com/socyber/codeaudit/internal/sast/syntax"
)

// Placeholders substituted for the pattern syntax the grammars lack.
const (
	phMetavar    = "__MV_"
	phMetavarSeq = "__MVS_"
	phEllipsis   = "__ELLIPSIS__"
	phDeep       = "__DEEP__"
	phTyped      = "__TMV"
)

// Limits of pattern compilation.
const (
	// MaxPatternSize bounds a pattern's source.
	MaxPatternSize = 64 << 10
	// maxPatternNodes bounds a compiled pattern.
	maxPatternNodes = 20_000
)

type op uint8

const (
	opNode         op = iota
	opMetavar         // $X
	opMetavarSeq      // $...X
	opEllipsis        // ...
	opDeep            // <... P ...>
	opString          // a constant string
	opTypedMetavar    // (Type $X) in Java, ($X : Type) in Go and TypeScript
)

type pnode struct {
	op   op
	kind string
	text string // leaf text
	name string // metavariable name, "$X"
	typ  string // the type of a typed metavariable
	str  *stringPattern
	qual string // qualified name when the node is a pure name chain
	// call is the function or method name a call pattern invokes as
	// written ("Command" in exec.Command(...)); "" when it is a
	// metavariable or not a plain name.
	call string
	// callVar is the metavariable standing for the called name
	// ("$M" in $L.$M(...)), and callNames, when set, the names it may
	// take (from the rule's metavariable-regex): the index files the
	// pattern under each of them.
	callVar   string
	callNames []string
	// memberQual and memberVar describe "a.b.$F": a name chain whose
	// last part is a metavariable, which also matches a name imported
	// from a.b ("from a.b import f").
	memberQual, memberVar string
	// param is set on a metavariable written as a parameter
	// ("function($E)"): it binds the parameter's name, whatever type
	// annotation or default value the code gives it.
	param bool
	// alts is set when the node may match one node of code in several
	// ways that bind different code (an ellipsis before a metavariable):
	// matching then backtracks into it when what follows fails, and a
	// root yields each way.
	alts     bool
	children []*pnode
}

// Pattern is a compiled pattern for one language. It is immutable and
// safe for concurrent use.
type Pattern struct {
	Lang   lang.ID
	Source string
	root   *pnode   // a single node pattern
	seq    []*pnode // a sequence of statements (len > 1)
	// guard is the cheap test before matching the root, or the first
	// statement of a sequence (nil: none).
	guard *guard
	words []string
	// metavars lists the metavariables the pattern binds.
	metavars []string
}

// CallVar returns the metavariable standing for the name a call pattern
// calls ("$M" in $L.$M(...)), or "".
func (p *Pattern) CallVar() string {
	if p.root == nil || p.root.op != opNode {
		return ""
	}
	return p.root.callVar
}

// RestrictCalls returns a copy of a call pattern whose called-name
// metavariable can only take the given names (because a
// metavariable-regex of the rule allows no others), so that the index
// tries it only on calls of those names. Matching is unchanged.
func (p *Pattern) RestrictCalls(names []string) *Pattern {
	if p.CallVar() == "" || len(names) == 0 {
		return p
	}
	cp := *p
	root := *p.root
	root.callNames = names
	cp.root = &root
	return &cp
}

// Words lists identifiers every match needs somewhere in the file; a file
// lacking one of them cannot match.
func (p *Pattern) Words() []string { return p.words }

// Metavariables lists the names ("$X") the pattern binds.
func (p *Pattern) Metavariables() []string { return p.metavars }

// Error is a pattern that cannot be compiled.
type Error struct {
	Lang   lang.ID
	Reason string
}

func (e *Error) Error() string {
	return fmt.Sprintf("invalid %s pattern: %s", e.Lang, e.Reason)
}

var metavarName = regexp.MustCompile(`^\$[A-Z_][A-Z0-9_]*$`)

// IsMetavariable reports whether s is a metavariable name such as "$X".
func IsMetavariable(s string) bool { return metavarName.MatchString(s) }

// Compile parses a pattern for language id.
func Compile(ctx context.Context, ps *lang.Parsers, id lang.ID, src string) (*Pattern, error) {
	src = strings.TrimSpace(src)
	if src == "" {
		return nil, &Error{id, "empty pattern"}
	}
	if len(src) > MaxPatternSize {
		return nil, &Error{id, fmt.Sprintf("pattern longer than %d bytes", MaxPatternSize)}
	}
	withTypes, typed := typedMetavars(id, src)
	sub, err := substitute(id, withTypes)
	if err != nil {
		return nil, &Error{id, err.Error()}
	}
	variants := []string{sub}
	if id == lang.Java && strings.Contains(sub, phEllipsis) {
		// Java parameters need a type and a name: "void $M(...)" is
		// retried with a parameter "__ELLIPSIS__ __ELLIPSIS__".
		if v := javaParams(sub); v != sub {
			variants = append(variants, v)
		}
	}
	var firstErr error
	for _, attempt := range attempts(variants, wrappers(id)) {
		sub, w := attempt.sub, attempt.wrapper
		full := w.prefix + sub + w.suffix
		tree, err := syntax.Build(ctx, ps, id, []byte(full))
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			firstErr = cmpErr(firstErr, err)
			continue
		}
		if tree.Errors > 0 || tree.Truncated {
			firstErr = cmpErr(firstErr, errors.New(describeError(tree, len(w.prefix), len(sub))))
			continue
		}
		// The pattern may end just before a ";" the wrapper supplied.
		end := len(w.prefix) + len(sub) + len(w.suffix) - len(strings.TrimLeft(w.suffix, "; \n"))
		nodes := locate(tree.Root, uint32(len(w.prefix)), uint32(end))
		if len(nodes) == 0 {
			firstErr = cmpErr(firstErr, errors.New("pattern is not a complete expression, statement or declaration"))
			continue
		}
		p := &Pattern{Lang: id, Source: src}
		c := &converter{tree: tree, seen: map[string]bool{}, typed: typed}
		var pn []*pnode
		for _, n := range nodes {
			pn = append(pn, c.convert(n, 0))
		}
		if c.err != nil {
			return nil, &Error{id, c.err.Error()}
		}
		if len(pn) == 1 {
			p.root = pn[0]
		} else {
			p.seq = pn
		}
		for _, n := range pn {
			markAlts(n, 0)
		}
		for _, n := range pn {
			if n.op != opEllipsis {
				p.guard = newGuard(id, n)
				break
			}
		}
		p.words = c.wordList()
		p.metavars = c.metavars
		return p, nil
	}
	return nil, &Error{id, firstErr.Error()}
}

func cmpErr(first, err error) error {
	if first == nil {
		return err
	}
	return first
}

type wrapper struct{ prefix, suffix string }

// javaDecl finds "Type name(": the start of a parameter list in a
// declaration.
var javaDecl = regexp.MustCompile(`([A-Za-z0-9_>\]]+)(\s+[A-Za-z_][A-Za-z0-9_]*\s*)\(`)

// javaParams rewrites each "..." parameter of method and constructor
// declarations ("$M(...)", "$M(..., @RequestBody $T $X, ...)") into a
// parameter the grammar accepts, "__ELLIPSIS__ __ELLIPSIS__", leaving
// calls alone.
func javaParams(sub string) string {
	var b strings.Builder
	last := 0
	for _, m := range javaDecl.FindAllStringSubmatchIndex(sub, -1) {
		switch sub[m[2]:m[3]] {
		case "new", "return", "throw", "else", "case", "yield":
			continue
		}
		open := m[1] - 1
		end := matchingParen(sub, open)
		if end < 0 || open < last {
			continue
		}
		b.WriteString(sub[last : open+1])
		items := splitTopLevel(sub[open+1 : end])
		for i, item := range items {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.TrimSpace(item) == phEllipsis {
				item = strings.Replace(item, phEllipsis, phEllipsis+" "+phEllipsis, 1)
			}
			b.WriteString(item)
		}
		last = end
	}
	b.WriteString(sub[last:])
	return b.String()
}

// matchingParen returns the offset of the ")" closing the "(" at open,
// or -1.
func matchingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitTopLevel splits a parameter list on the commas outside brackets.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '<', '[', '{':
			depth++
		case ')', '>', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

type attempt struct {
	sub     string
	wrapper wrapper
}

func attempts(variants []string, ws []wrapper) []attempt {
	var out []attempt
	for _, v := range variants {
		for _, w := range ws {
			out = append(out, attempt{v, w})
		}
	}
	return out
}

// wrappers are the contexts a pattern is tried in, in order: on its own,
// then inside a function or class body where the grammar needs one.
func wrappers(id lang.ID) []wrapper {
	switch id {
	case lang.Go:
		return []wrapper{{"", "\n"}, {"package p\nfunc __P() {\n", "\n}\n"}, {"package p\ntype __T struct {\n", "\n}\n"}}
	case lang.Java:
		return []wrapper{{"", "\n"}, {"", ";\n"}, {"class __P {\nvoid __m() {\n", ";\n}\n}\n"}, {"class __P {\n", "\n}\n"}}
	case lang.JavaScript, lang.TypeScript, lang.TSX:
		return []wrapper{{"", "\n"}, {"class __P {\n", "\n}\n"}}
	}
	return []wrapper{{"", "\n"}}
}

func describeError(t *syntax.Tree, off, n int) string {
	var bad *syntax.Node
	stack := []*syntax.Node{t.Root}
	for len(stack) > 0 && bad == nil {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Kind == lang.KindError {
			bad = x
		}
		stack = append(stack, x.Children...)
	}
	if bad == nil {
		return "syntax error"
	}
	start := max(int(bad.Start)-off, 0)
	end := max(bad.Start, min(bad.End, bad.Start+40, uint32(off+n)))
	near := string(t.Src[bad.Start:end])
	return fmt.Sprintf("syntax error at offset %d near %q", start, restore(near))
}

// restore turns placeholders back into pattern syntax for messages.
func restore(s string) string {
	return strings.NewReplacer(phMetavarSeq, "$...", phMetavar, "$", phEllipsis, "...", phDeep+"(", "<... ").Replace(s)
}

// locate finds the nodes that make up the pattern text [a, b): the single
// deepest node spanning it, or the statements it is made of.
func locate(root *syntax.Node, a, b uint32) []*syntax.Node {
	cur := root
	for depth := 0; depth < syntax.MaxDepth; depth++ {
		var over []*syntax.Node
		for _, c := range cur.Children {
			if c.End > a && c.Start < b {
				over = append(over, c)
			}
		}
		switch {
		case len(over) == 0:
			if cur.Start >= a && cur.End <= b && cur != root {
				return []*syntax.Node{unwrap(cur)}
			}
			return nil
		case len(over) == 1:
			c := over[0]
			if c.Start <= a && c.End >= b && (c.Start < a || c.End > b || len(c.Children) == 1) {
				cur = c
				continue
			}
			if c.Start >= a && c.End <= b {
				// Descend through wrappers spanning exactly the pattern.
				for len(c.Children) == 1 && c.Children[0].Start == c.Start && c.Children[0].End == c.End && c.Kind != lang.KindExpressionStatement {
					c = c.Children[0]
				}
				return []*syntax.Node{unwrap(c)}
			}
			cur = c
		default:
			for _, c := range over {
				if c.Start < a || c.End > b {
					return nil
				}
			}
			// Statements of a sequence stay statements: they are matched
			// against the statements of a block.
			return over
		}
	}
	return nil
}

// unwrap turns an expression statement into its expression, so that a
// pattern "f(x)" matches calls anywhere, not only as statements.
func unwrap(n *syntax.Node) *syntax.Node {
	if n.Kind == lang.KindExpressionStatement {
		named := n.NamedChildren()
		if len(named) == 1 && len(n.Children) == 1 {
			return named[0]
		}
	}
	return n
}

type converter struct {
	tree     *syntax.Tree
	typed    []typedVar
	nodes    int
	err      error
	words    []string
	seen     map[string]bool
	metavars []string
}

func (c *converter) wordList() []string { return c.words }

func (c *converter) addWord(w string) {
	if !isWord(w) || c.seen[w] || strings.HasPrefix(w, "__") {
		return
	}
	c.seen[w] = true
	c.words = append(c.words, w)
}

func isWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		ch := w[i]
		if !(ch == '_' || ch == '$' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || i > 0 && ch >= '0' && ch <= '9') {
			return false
		}
	}
	return true
}

func (c *converter) convert(n *syntax.Node, depth int) *pnode {
	c.nodes++
	if c.nodes > maxPatternNodes || depth > syntax.MaxDepth {
		if c.err == nil {
			c.err = errors.New("pattern too large or too deeply nested")
		}
		return &pnode{op: opEllipsis}
	}
	text := strings.TrimRight(strings.TrimSpace(c.tree.Text(n)), ";")
	text = strings.TrimSpace(text)
	if strings.HasPrefix(text, phTyped) && strings.HasSuffix(text, "__") {
		var i int
		if _, err := fmt.Sscanf(text, phTyped+"%d__", &i); err == nil && i >= 0 && i < len(c.typed) {
			c.metavar(c.typed[i].name)
			return &pnode{op: opTypedMetavar, name: c.typed[i].name, typ: c.typed[i].typ}
		}
	}
	switch {
	case text == phEllipsis, text == phEllipsis+" "+phEllipsis:
		return &pnode{op: opEllipsis}
	case strings.HasPrefix(text, phMetavarSeq) && isWord(text):
		name := "$..." + strings.TrimPrefix(text, phMetavarSeq)
		c.metavar(name)
		return &pnode{op: opMetavarSeq, name: name}
	case strings.HasPrefix(text, phMetavar) && isWord(text):
		name := "$" + strings.TrimPrefix(text, phMetavar)
		if name != "$_" {
			c.metavar(name)
		}
		return &pnode{op: opMetavar, name: name, param: isParam(n)}
	}
	if n.IsString {
		return &pnode{op: opString, kind: n.Kind, str: newStringPattern(n.Str)}
	}
	if callee, _, ok := c.tree.Callee(n); ok && callee != nil && callee != n && c.tree.Text(callee) == phDeep {
		args := c.tree.Arguments(n)
		if len(args) == 1 {
			return &pnode{op: opDeep, children: []*pnode{c.convert(args[0], depth+1)}}
		}
	}
	p := &pnode{kind: n.Kind}
	if name, bare, ok := c.tree.CallName(n); ok {
		text := c.tree.Text(name)
		if _, imported := c.tree.Imports[text]; !strings.Contains(text, "__") && !(bare && imported) {
			p.call = text
		} else if strings.HasPrefix(text, phMetavar) && isWord(text) {
			p.callVar = "$" + strings.TrimPrefix(text, phMetavar)
		}
	}
	if len(n.Children) == 0 {
		p.text = c.tree.Text(n)
		// require("x") may be written as an import instead, so it is not
		// a word every match needs.
		if c.tree.IsNameLeaf(n) && p.text != "require" {
			c.addWord(p.text)
		}
	}
	if c.tree.IsNameChainKind(n.Kind) && !strings.Contains(c.tree.Text(n), "__") {
		if q, ok := c.tree.QualifiedName(n); ok {
			p.qual = q
		}
	} else if n.Kind == lang.KindCallExpression && !strings.Contains(c.tree.Text(n), "__") {
		if q, ok := c.tree.QualifiedName(n); ok { // require("x")
			p.qual = q
		}
	}
	if obj, prop, ok := c.tree.Member(n); ok && strings.HasPrefix(c.tree.Text(prop), phMetavar) && !strings.Contains(c.tree.Text(obj), "__") {
		if q, ok := c.tree.QualifiedName(obj); ok {
			p.memberQual, p.memberVar = q, "$"+strings.TrimPrefix(c.tree.Text(prop), phMetavar)
		}
	}
	for _, ch := range n.Children {
		p.children = append(p.children, c.convert(ch, depth+1))
	}
	if blockKinds[n.Kind] && len(p.children) > 0 && p.children[len(p.children)-1].op != opEllipsis {
		// A body in a pattern may be followed by more statements.
		p.children = append(p.children, &pnode{op: opEllipsis})
	}
	return p
}

// markAlts sets alts on the nodes of p that may match one node of code
// in several ways binding different code: a list where "..." or $...X
// comes before something that binds, or <... P ...> around a P that
// binds. It reports whether p binds a metavariable.
func markAlts(p *pnode, depth int) (binds bool) {
	if depth > syntax.MaxDepth {
		return false
	}
	switch p.op {
	case opMetavar:
		binds = p.name != "$_"
	case opMetavarSeq, opTypedMetavar:
		binds = true
	}
	binds = binds || p.memberVar != ""
	// Whether a "..." or a $...X came before in this list.
	afterEllipsis, afterSeq := false, false
	for _, c := range p.children {
		cb := markAlts(c, depth+1)
		binds = binds || cb
		if c.alts || (afterEllipsis || afterSeq) && cb || afterSeq && c.op == opEllipsis {
			p.alts = true
		}
		afterEllipsis = afterEllipsis || c.op == opEllipsis
		afterSeq = afterSeq || c.op == opMetavarSeq
	}
	if p.op == opDeep && binds {
		p.alts = true
	}
	return binds
}

// paramKinds are parameter nodes that carry more than a name (a type, a
// default value); paramListKinds are the lists holding bare names.
var (
	paramKinds = map[string]bool{
		lang.JSTSRequiredParameter: true, lang.JSTSOptionalParameter: true,
		lang.PyTypedParameter: true, lang.PyDefaultParameter: true, lang.PyTypedDefaultParameter: true,
	}
	paramListKinds = map[string]bool{lang.JSFormalParameters: true, lang.PyParameters: true}
)

// isParam reports whether a pattern node stands for one parameter.
func isParam(n *syntax.Node) bool {
	return paramKinds[n.Kind] || n.Parent != nil && paramListKinds[n.Parent.Kind]
}

// blockKinds hold statement lists; a pattern's block matches a block that
// goes on after the pattern's last statement.
var blockKinds = map[string]bool{
	lang.KindBlock: true, lang.JSStatementBlock: true, lang.JavaClassBody: true,
	lang.JavaConstructorBody: true,
}

func (c *converter) metavar(name string) {
	for _, m := range c.metavars {
		if m == name {
			return
		}
	}
	c.metavars = append(c.metavars, name)
}

type typedVar struct{ name, typ string }

var (
	// (HttpServletRequest $REQ), (java.util.List<String> $X)
	javaTyped = regexp.MustCompile(`\(\s*([A-Za-z_][\w.]*(?:<[^()]*?>)?(?:\[\])*)\s+\$([A-Z_][A-Z0-9_]*)\s*\)`)
	// ($R : *http.Request), ($S : string)
	colonTyped = regexp.MustCompile(`\(\s*\$([A-Z_][A-Z0-9_]*)\s*:\s*([^()]+?)\s*\)`)
)

// typedMetavars replaces typed metavariables with numbered placeholders
// and returns their names and types. In Java a parenthesised "Type $X"
// right after an identifier is a parameter list, not a typed
// metavariable.
func typedMetavars(id lang.ID, src string) (string, []typedVar) {
	var re *regexp.Regexp
	nameGroup, typeGroup := 0, 0
	switch id {
	case lang.Java:
		re, nameGroup, typeGroup = javaTyped, 2, 1
	case lang.Go, lang.TypeScript, lang.TSX:
		re, nameGroup, typeGroup = colonTyped, 1, 2
	default:
		return src, nil
	}
	var typed []typedVar
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
		before := strings.TrimRight(src[:m[0]], " \t\n")
		if before != "" {
			ch := before[len(before)-1]
			if ch == '_' || ch == ')' || ch == ']' || ch == '>' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' {
				continue // a parameter list or a call
			}
		}
		b.WriteString(src[last:m[0]])
		fmt.Fprintf(&b, "%s%d__", phTyped, len(typed))
		typed = append(typed, typedVar{name: "$" + src[m[2*nameGroup]:m[2*nameGroup+1]], typ: src[m[2*typeGroup]:m[2*typeGroup+1]]})
		last = m[1]
	}
	if typed == nil {
		return src, nil
	}
	b.WriteString(src[last:])
	return b.String(), typed
}

// substitute replaces the pattern syntax outside string literals with
// placeholder identifiers every grammar accepts.
func substitute(id lang.ID, src string) (string, error) {
	var b strings.Builder
	b.Grow(len(src) + 32)
	i := 0
	for i < len(src) {
		ch := src[i]
		switch {
		case ch == '"' || ch == '\'' || ch == '`':
			j, err := skipString(id, src, i)
			if err != nil {
				return "", err
			}
			b.WriteString(src[i:j])
			i = j
		case ch == '#' && id == lang.Python, strings.HasPrefix(src[i:], "//") && id != lang.Python:
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			b.WriteString(src[i : i+j])
			i += j
		case strings.HasPrefix(src[i:], "<..."):
			b.WriteString(phDeep + "(")
			i += 4
		case strings.HasPrefix(src[i:], "...>"):
			b.WriteString(")")
			i += 4
		case strings.HasPrefix(src[i:], "$..."):
			name := metavarAt(src, i+4)
			if name == "" {
				return "", fmt.Errorf("\"$...\" must be followed by an upper-case name at offset %d", i)
			}
			b.WriteString(phMetavarSeq + name)
			i += 4 + len(name)
		case strings.HasPrefix(src[i:], "..."):
			if (id == lang.JavaScript || id == lang.TypeScript || id == lang.TSX) && i+3 < len(src) && isIdentStart(src[i+3]) {
				b.WriteString("...") // a spread: ...args
				i += 3
				continue
			}
			b.WriteString(phEllipsis)
			if id == lang.Java && statementPosition(src, i, i+3) {
				b.WriteByte(';') // Java statements end in ";"
			}
			i += 3
		case ch == '$':
			name := metavarAt(src, i+1)
			if name == "" {
				b.WriteByte(ch)
				i++
				continue
			}
			b.WriteString(phMetavar + name)
			i += 1 + len(name)
		default:
			b.WriteByte(ch)
			i++
		}
	}
	return b.String(), nil
}

// statementPosition reports whether src[i:j] stands alone as a statement:
// after "{", ";", "}" or a line break and before "}" or a line break.
func statementPosition(src string, i, j int) bool {
	before := strings.TrimRight(src[:i], " \t")
	after := strings.TrimLeft(src[j:], " \t")
	okBefore := before == "" || strings.ContainsAny(before[len(before)-1:], "{;}\n")
	okAfter := after == "" || after[0] == '}' || after[0] == '\n' || after[0] == '\r'
	return okBefore && okAfter
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// metavarAt reads an upper-case metavariable name starting at i.
func metavarAt(s string, i int) string {
	j := i
	for j < len(s) && (s[j] == '_' || s[j] >= 'A' && s[j] <= 'Z' || j > i && s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j < len(s) && (s[j] >= 'a' && s[j] <= 'z') {
		return "" // $Abc is not a metavariable
	}
	return s[i:j]
}

// skipString returns the offset just after the string literal at i.
func skipString(id lang.ID, s string, i int) (int, error) {
	q := s[i]
	if id == lang.Python && strings.HasPrefix(s[i:], strings.Repeat(string(q), 3)) {
		end := strings.Index(s[i+3:], strings.Repeat(string(q), 3))
		if end < 0 {
			return 0, fmt.Errorf("unterminated string at offset %d", i)
		}
		return i + 3 + end + 3, nil
	}
	if id == lang.Java && strings.HasPrefix(s[i:], `"""`) {
		end := strings.Index(s[i+3:], `"""`)
		if end < 0 {
			return 0, fmt.Errorf("unterminated text block at offset %d", i)
		}
		return i + 3 + end + 3, nil
	}
	if q == '\'' && (id == lang.Go || id == lang.Java) {
		// rune and char literals
		for j := i + 1; j < len(s) && j < i+12; j++ {
			if s[j] == '\\' {
				j++
				continue
			}
			if s[j] == '\'' {
				return j + 1, nil
			}
		}
		return i + 1, nil
	}
	escapes := !(q == '`' && id == lang.Go)
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && escapes:
			j++
		case s[j] == q:
			return j + 1, nil
		case s[j] == '\n' && q != '`':
			return 0, fmt.Errorf("unterminated string at offset %d", i)
		}
	}
	return 0, fmt.Errorf("unterminated string at offset %d", i)
}

// stringPattern matches constant string values: "..." is any string,
// "a...b" a string starting with a and ending with b.
type stringPattern struct {
	any   bool
	exact string
	parts []string // split on "...", when it contains one
}

func newStringPattern(v string) *stringPattern {
	if v == "..." {
		return &stringPattern{any: true}
	}
	if strings.Contains(v, "...") {
		return &stringPattern{parts: strings.Split(v, "...")}
	}
	return &stringPattern{exact: v}
}

func (sp *stringPattern) match(v string) bool {
	switch {
	case sp.any:
		return true
	case sp.parts == nil:
		return v == sp.exact
	}
	first, last := sp.parts[0], sp.parts[len(sp.parts)-1]
	if !strings.HasPrefix(v, first) {
		return false
	}
	v = v[len(first):]
	for _, mid := range sp.parts[1 : len(sp.parts)-1] {
		k := strings.Index(v, mid)
		if k < 0 {
			return false
		}
		v = v[k+len(mid):]
	}
	return strings.HasSuffix(v, last)
}
