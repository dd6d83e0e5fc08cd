package syntax

import (
	"strings"
	"sync"

	"github.com/socyber/codeaudit/internal/sast/lang"
)

// member describes a node kind of the form object.property.
type member struct{ object, property string }

// call describes a call-like node kind: which field holds the callee and
// which the arguments. A callee field of "" means the node names the
// callee through object and name fields (Java method_invocation).
type call struct{ callee, args string }

// spec holds what normalisation needs to know about one grammar. Specs are
// built once and read-only.
type spec struct {
	comments    set
	strings     set // constant-string literal kinds
	stringParts set // children of string literals that are dropped
	parens      string
	concat      set // binary kinds whose "+" folds constant strings
	implicitCat string
	nameLeaves  set
	members     map[string]member
	calls       map[string]call
	// assigns maps an assignment-like kind to its left and right fields.
	assigns map[string]member
	// importish are the kinds whose nodes feed the import table.
	importish set
	// scopes are the function-like kinds that delimit local variables.
	scopes []string
	// reads lists parent kinds under which an identifier is only read.
	reads set
	// decode turns a string literal's source into its value.
	decode func(kind, raw string) (string, bool)
}

type set map[string]bool

func newSet(kinds ...string) set {
	s := set{}
	for _, k := range kinds {
		s[k] = true
	}
	return s
}

var specs = sync.OnceValue(func() map[lang.ID]*spec {
	goSpec := &spec{
		comments:    newSet(lang.KindComment),
		strings:     newSet(lang.GoInterpretedString, lang.GoRawString),
		stringParts: newSet(lang.GoInterpretedContent, lang.GoRawContent, lang.KindEscapeSequence),
		parens:      lang.KindParenthesizedExpression,
		concat:      newSet(lang.KindBinaryExpression),
		nameLeaves:  newSet(lang.KindIdentifier, lang.GoPackageIdentifier, lang.KindTypeIdentifier, lang.GoFieldIdentifier),
		members: map[string]member{
			lang.GoSelectorExpression: {"operand", "field"},
			lang.GoQualifiedType:      {"package", "name"},
		},
		calls: map[string]call{lang.KindCallExpression: {"function", "arguments"}},
		assigns: map[string]member{
			lang.GoAssignmentStatement: {"left", "right"},
			lang.GoShortVarDeclaration: {"left", "right"},
			lang.GoVarSpec:             {"name", "value"},
			lang.GoConstSpec:           {"name", "value"},
		},
		importish: newSet(lang.GoImportSpec),
		decode:    decodeGo,
		scopes:    []string{lang.GoFunctionDeclaration, lang.GoMethodDeclaration, lang.GoFuncLiteral},
		reads: newSet(lang.KindArgumentList, lang.KindBinaryExpression, lang.GoSelectorExpression, lang.KindCallExpression,
			lang.GoReturnStatement, lang.GoIndexExpression, lang.GoKeyedElement, lang.GoLiteralValue, lang.GoIfStatement, lang.GoExpressionCase),
	}
	pySpec := &spec{
		comments:    newSet(lang.KindComment),
		strings:     newSet(lang.PyString),
		stringParts: newSet(lang.PyStringStart, lang.PyStringContent, lang.PyStringEnd, lang.KindEscapeSequence),
		parens:      lang.KindParenthesizedExpression,
		concat:      newSet(lang.PyBinaryOperator),
		implicitCat: lang.PyConcatenatedString,
		nameLeaves:  newSet(lang.KindIdentifier),
		members:     map[string]member{lang.PyAttribute: {"object", "attribute"}},
		calls:       map[string]call{lang.PyCall: {"function", "arguments"}},
		assigns: map[string]member{
			lang.PyAssignment:          {"left", "right"},
			lang.PyAugmentedAssignment: {"left", "right"},
		},
		importish: newSet(lang.KindImportStatement, lang.PyImportFromStatement),
		decode:    decodePython,
		scopes:    []string{lang.PyFunctionDefinition, lang.PyLambda, lang.PyClassDefinition},
		reads: newSet(lang.KindArgumentList, lang.PyBinaryOperator, lang.PyAttribute, lang.PyCall, lang.PyReturnStatement,
			lang.PySubscript, lang.PyKeywordArgument, lang.PyInterpolation, lang.PyComparisonOperator, lang.PyIfStatement, lang.PyList, lang.PyPair),
	}
	jsSpec := &spec{
		comments:    newSet(lang.KindComment, lang.JSHTMLComment),
		strings:     newSet(lang.JSString, lang.JSTemplateString),
		stringParts: newSet(lang.KindStringFragment, lang.KindEscapeSequence),
		parens:      lang.KindParenthesizedExpression,
		concat:      newSet(lang.KindBinaryExpression),
		nameLeaves:  newSet(lang.KindIdentifier, lang.JSPropertyIdentifier),
		members:     map[string]member{lang.JSMemberExpression: {"object", "property"}},
		calls: map[string]call{
			lang.KindCallExpression: {"function", "arguments"},
			lang.JSNewExpression:    {"constructor", "arguments"},
		},
		assigns: map[string]member{
			lang.KindAssignmentExpression: {"left", "right"},
			lang.JSAugmentedAssignment:    {"left", "right"},
			lang.KindVariableDeclarator:   {"name", "value"},
		},
		importish: newSet(lang.KindImportStatement, lang.KindVariableDeclarator),
		decode:    decodeJS,
		scopes:    []string{lang.JSFunctionDeclaration, lang.JSArrowFunction, lang.JSMethodDefinition, lang.JSFunctionExpression},
		reads: newSet(lang.JSArguments, lang.KindBinaryExpression, lang.JSMemberExpression, lang.KindCallExpression, lang.JSReturnStatement,
			lang.JSSubscriptExpression, lang.JSTemplateSubstitution, lang.JSPair, lang.JSArray, lang.JSNewExpression),
	}
	tsSpec := *jsSpec
	tsSpec.nameLeaves = newSet(lang.KindIdentifier, lang.JSPropertyIdentifier, lang.KindTypeIdentifier)
	javaSpec := &spec{
		comments:    newSet(lang.JavaLineComment, lang.JavaBlockComment),
		strings:     newSet(lang.JavaStringLiteral),
		stringParts: newSet(lang.KindStringFragment, lang.KindEscapeSequence, lang.JavaMultilineStringFragment),
		parens:      lang.KindParenthesizedExpression,
		concat:      newSet(lang.KindBinaryExpression),
		nameLeaves:  newSet(lang.KindIdentifier, lang.KindTypeIdentifier),
		members: map[string]member{
			lang.JavaFieldAccess:      {"object", "field"},
			lang.JavaScopedIdentifier: {"scope", "name"},
			// scoped_type_identifier has no fields: see QualifiedName.
		},
		calls: map[string]call{
			lang.JavaMethodInvocation:         {"", "arguments"},
			lang.JavaObjectCreationExpression: {"type", "arguments"},
		},
		assigns: map[string]member{
			lang.KindAssignmentExpression: {"left", "right"},
			lang.KindVariableDeclarator:   {"name", "value"},
		},
		importish: newSet(lang.KindImportDeclaration),
		decode:    decodeJava,
		scopes:    []string{lang.JavaMethodDeclaration, lang.JavaConstructorDeclaration, lang.JavaLambdaExpression, lang.JavaClassBody},
		reads: newSet(lang.KindArgumentList, lang.KindBinaryExpression, lang.JavaFieldAccess, lang.JavaMethodInvocation, lang.JavaReturnStatement,
			lang.JavaArrayAccess, lang.JavaObjectCreationExpression, lang.JavaCastExpression),
	}
	return map[lang.ID]*spec{
		lang.Go: goSpec, lang.Python: pySpec, lang.JavaScript: jsSpec,
		lang.TypeScript: &tsSpec, lang.TSX: &tsSpec, lang.Java: javaSpec,
	}
})

func specFor(id lang.ID) *spec { return specs()[id] }

// declKinds are the declarations whose types TypeOf reports.
var declKinds = map[string]bool{
	lang.JavaFormalParameter: true, lang.JavaCatchFormalParameter: true, lang.JavaLocalVariableDeclaration: true,
	lang.JavaFieldDeclaration: true, lang.GoParameterDeclaration: true, lang.GoVarSpec: true, lang.GoShortVarDeclaration: true,
	lang.JSTSRequiredParameter: true, lang.JSTSOptionalParameter: true, lang.KindVariableDeclarator: true,
}

// finish runs when all children of n are built: string values, folding of
// constant concatenations, and removal of parentheses.
// finishes reports whether finish may act on nodes of a kind; it must
// cover every kind finish tests.
func (sp *spec) finishes(kind string) bool {
	_, assign := sp.assigns[kind]
	return sp.importish[kind] || assign || declKinds[kind] || sp.strings[kind] || sp.concat[kind] ||
		kind == sp.implicitCat && sp.implicitCat != "" || kind == sp.parens
}

func (sp *spec) finish(t *Tree, n *Node) {
	if sp.importish[n.Kind] {
		t.importNodes = append(t.importNodes, n)
	}
	if _, ok := sp.assigns[n.Kind]; ok {
		t.assignNodes = append(t.assignNodes, n)
	}
	if declKinds[n.Kind] {
		t.declNodes = append(t.declNodes, n)
	}
	switch {
	case sp.strings[n.Kind]:
		if len(n.Children) == 0 {
			if v, ok := sp.decode(n.Kind, t.Text(n)); ok {
				n.IsString, n.Str = true, v
			}
		}
	case sp.concat[n.Kind]:
		l, op, r := n.Child("left"), n.Child("operator"), n.Child("right")
		if l != nil && r != nil && op != nil && op.Kind == "+" && l.IsString && r.IsString {
			n.IsString, n.Str = true, l.Str+r.Str
		}
	case n.Kind == sp.implicitCat && sp.implicitCat != "":
		var b strings.Builder
		for _, c := range n.Children {
			if !c.IsString {
				return
			}
			b.WriteString(c.Str)
		}
		n.IsString, n.Str = true, b.String()
	case n.Kind == sp.parens && n.Parent != nil:
		var inner *Node
		for _, c := range n.Children {
			if c.Named {
				if inner != nil {
					return // not a simple parenthesised expression
				}
				inner = c
			}
		}
		if inner == nil {
			return
		}
		siblings := n.Parent.Children
		if len(siblings) > 0 && siblings[len(siblings)-1] == n {
			inner.Field, inner.Parent = n.Field, n.Parent
			siblings[len(siblings)-1] = inner
		}
	}
}
