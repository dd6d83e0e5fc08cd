package gha

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rhysd/actionlint"
	"go.yaml.in/yaml/v3"
)

// Workflows are parsed by actionlint's parser (parse.go); its AST keeps
// line and column for every scalar. The audits read the small model below:
// scalars, permissions, env, inputs and outputs are actionlint's own types,
// and parse.go fills the remaining structs from actionlint's Workflow. The
// builder in this file, which reads go.yaml.in/yaml/v3 nodes directly, is
// used for composite action.yml files (actionlint has no public parser for
// them) and for workflows written with YAML anchors, aliases or << merge
// keys, which actionlint v1.7.7 does not resolve.

// maxAliasDepth bounds alias resolution; yaml.v3 itself rejects documents
// with excessive aliasing.
const maxAliasDepth = 16

// Types shared with actionlint's AST.
type (
	// Pos is a 1-based line and column.
	Pos = actionlint.Pos
	// String is a scalar with its position: the node's first character,
	// that is the quote of a quoted scalar or the | / > indicator of a
	// block scalar.
	String = actionlint.String
	// Permissions is a permissions: block.
	Permissions = actionlint.Permissions
	// PermissionScope is one scope: value entry.
	PermissionScope = actionlint.PermissionScope
	// Env is an env: block.
	Env = actionlint.Env
	// EnvVar is one env entry.
	EnvVar = actionlint.EnvVar
	// Output is one job output.
	Output = actionlint.Output
	// Input is one with: entry.
	Input = actionlint.Input
)

// containsExpression reports whether the value holds a ${{ }}.
func containsExpression(s *String) bool {
	return s != nil && strings.Contains(s.Value, "${{")
}

// Workflow is the part of a workflow file the audits read.
type Workflow struct {
	Events []*String
	// TagPush is set when push: has a tags: filter (a release workflow).
	TagPush     bool
	Permissions *Permissions
	Env         *Env
	Jobs        map[string]*Job
}

// Job is one job.
type Job struct {
	ID           *String
	RunsOn       *Runner
	Permissions  *Permissions
	Outputs      map[string]*Output
	Env          *Env
	If           *String
	Steps        []*Step
	Container    *Container
	Services     []*Container
	WorkflowCall *WorkflowCall
	Pos          *Pos
}

// Runner is runs-on:.
type Runner struct {
	Labels []*String
}

// Container is a job or service container.
type Container struct {
	Image    *String
	Password *String
	Env      *Env
}

// WorkflowCall is a job that calls a reusable workflow.
type WorkflowCall struct {
	Uses           *String
	InheritSecrets *String // the "inherit" scalar when secrets: inherit
}

// Step is one step.
type Step struct {
	ID, If, Name *String
	Run          *String
	Uses         *String
	Inputs       map[string]*Input
	Env          *Env
	Pos          *Pos
}

// builder turns yaml nodes into the model.
type builder struct{}

func decode(content []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, errors.New("empty document")
	}
	root := resolve(doc.Content[0])
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, errors.New("top level is not a mapping")
	}
	return root, nil
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i >= maxAliasDepth {
			return nil
		}
		n = n.Alias
	}
	return n
}

type entry struct {
	key *String
	val *yaml.Node
}

// entries lists a mapping's entries, keys as written, with << merge keys
// expanded (bounded by maxAliasDepth, which also stops self-merging
// anchors).
func entries(n *yaml.Node) []entry {
	budget := maxMergedEntries
	return mergedEntries(n, nil, &budget)
}

// maxMergedEntries bounds the entries one mapping expands to through
// merge keys: aliases are not expanded when decoding into yaml.Node, so
// merges of merges could otherwise grow exponentially.
const maxMergedEntries = 10000

func mergedEntries(n *yaml.Node, chain []*yaml.Node, budget *int) []entry {
	n = resolve(n)
	if len(chain) > maxAliasDepth || slices.Contains(chain, n) || *budget <= 0 {
		return nil
	}
	chain = append(chain, n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([]entry, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content) && *budget > 0; i += 2 {
		*budget--
		k := resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Tag == "!!merge" {
			v := resolve(n.Content[i+1])
			if v != nil && v.Kind == yaml.SequenceNode {
				for _, c := range v.Content {
					out = append(out, mergedEntries(c, chain, budget)...)
				}
			} else {
				out = append(out, mergedEntries(v, chain, budget)...)
			}
			continue
		}
		out = append(out, entry{key: scalar(k), val: resolve(n.Content[i+1])})
	}
	return out
}

func get(n *yaml.Node, key string) *yaml.Node {
	for _, e := range entries(n) {
		if strings.EqualFold(e.key.Value, key) {
			return e.val
		}
	}
	return nil
}

func scalar(n *yaml.Node) *String {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return nil
	}
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	return &String{Value: n.Value, Quoted: quoted, Pos: &Pos{Line: n.Line, Col: n.Column}}
}

func items(n *yaml.Node) []*yaml.Node {
	n = resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		if c = resolve(c); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// buildWorkflow reads a workflow from yaml nodes (the anchors fallback).
func buildWorkflow(root *yaml.Node) *Workflow {
	b := &builder{}
	wf := &Workflow{Jobs: map[string]*Job{}}
	for _, e := range entries(root) {
		switch strings.ToLower(e.key.Value) {
		case "on", "true": // YAML 1.1 readers turn a bare on: into true
			wf.Events = b.events(e.val)
			if push := get(e.val, "push"); push != nil && get(push, "tags") != nil {
				wf.TagPush = true
			}
		case "permissions":
			wf.Permissions = b.permissions(e.val, e.key)
		case "env":
			wf.Env = b.env(e.val)
		case "jobs":
			for i, je := range entries(e.val) {
				if i >= maxJobs {
					break
				}
				wf.Jobs[strings.ToLower(je.key.Value)] = b.job(je.key, je.val)
			}
		}
	}
	return wf
}

func (b *builder) events(n *yaml.Node) []*String {
	switch n.Kind {
	case yaml.ScalarNode:
		return []*String{scalar(n)}
	case yaml.SequenceNode:
		var out []*String
		for _, c := range items(n) {
			if s := scalar(c); s != nil {
				out = append(out, s)
			}
		}
		return out
	}
	var out []*String
	for _, e := range entries(n) {
		out = append(out, e.key)
	}
	return out
}

func (b *builder) permissions(n *yaml.Node, key *String) *Permissions {
	p := &Permissions{Scopes: map[string]*PermissionScope{}, Pos: key.Pos}
	if s := scalar(n); s != nil {
		p.All = s
		return p
	}
	for _, e := range entries(n) {
		p.Scopes[strings.ToLower(e.key.Value)] = &PermissionScope{Name: e.key, Value: scalar(e.val)}
	}
	return p
}

func (b *builder) env(n *yaml.Node) *Env {
	env := &Env{Vars: map[string]*EnvVar{}}
	for _, e := range entries(n) {
		if v := scalar(e.val); v != nil {
			env.Vars[strings.ToUpper(e.key.Value)] = &EnvVar{Name: e.key, Value: v}
		}
	}
	return env
}

func (b *builder) job(id *String, n *yaml.Node) *Job {
	j := &Job{ID: id, Pos: id.Pos, Outputs: map[string]*Output{}}
	var call *WorkflowCall
	for _, e := range entries(n) {
		switch strings.ToLower(e.key.Value) {
		case "runs-on":
			j.RunsOn = b.runner(e.val)
		case "permissions":
			j.Permissions = b.permissions(e.val, e.key)
		case "outputs":
			for _, o := range entries(e.val) {
				j.Outputs[strings.ToLower(o.key.Value)] = &Output{Name: o.key, Value: scalar(o.val)}
			}
		case "env":
			j.Env = b.env(e.val)
		case "if":
			j.If = scalar(e.val)
		case "steps":
			for i, sn := range items(e.val) {
				if i >= maxSteps {
					break
				}
				j.Steps = append(j.Steps, b.step(sn))
			}
		case "container":
			j.Container = b.container(e.val)
		case "services":
			for _, se := range entries(e.val) {
				if c := b.container(se.val); c != nil {
					j.Services = append(j.Services, c)
				}
			}
		case "uses":
			if call == nil {
				call = &WorkflowCall{}
			}
			call.Uses = scalar(e.val)
		case "secrets":
			if s := scalar(e.val); s != nil && strings.EqualFold(strings.TrimSpace(s.Value), "inherit") {
				if call == nil {
					call = &WorkflowCall{}
				}
				call.InheritSecrets = &String{Value: "secrets: inherit", Pos: e.key.Pos}
			}
		}
	}
	if call != nil && call.Uses != nil {
		j.WorkflowCall = call
	}
	return j
}

func (b *builder) runner(n *yaml.Node) *Runner {
	r := &Runner{}
	if s := scalar(n); s != nil {
		r.Labels = []*String{s}
		return r
	}
	if n.Kind == yaml.MappingNode {
		n = get(n, "labels")
		if s := scalar(n); s != nil {
			r.Labels = []*String{s}
			return r
		}
	}
	for _, c := range items(n) {
		if s := scalar(c); s != nil {
			r.Labels = append(r.Labels, s)
		}
	}
	return r
}

func (b *builder) container(n *yaml.Node) *Container {
	if n == nil {
		return nil
	}
	if s := scalar(n); s != nil {
		return &Container{Image: s}
	}
	c := &Container{Image: scalar(get(n, "image"))}
	if env := get(n, "env"); env != nil {
		c.Env = b.env(env)
	}
	if cr := get(n, "credentials"); cr != nil {
		c.Password = scalar(get(cr, "password"))
	}
	return c
}

func (b *builder) step(n *yaml.Node) *Step {
	st := &Step{Pos: &Pos{Line: n.Line, Col: n.Column}}
	for _, e := range entries(n) {
		switch strings.ToLower(e.key.Value) {
		case "id":
			st.ID = scalar(e.val)
		case "if":
			st.If = scalar(e.val)
		case "name":
			st.Name = scalar(e.val)
		case "run":
			st.Run = scalar(e.val)
		case "uses":
			st.Uses = scalar(e.val)
		case "env":
			st.Env = b.env(e.val)
		case "with":
			st.Inputs = map[string]*Input{}
			for _, w := range entries(e.val) {
				if v := scalar(w.val); v != nil {
					st.Inputs[strings.ToLower(w.key.Value)] = &Input{Name: w.key, Value: v}
				}
			}
		}
	}
	return st
}

// Action is the part of an action.yml the audits read.
type Action struct {
	Using *String
	Image *String // runs.image of a Docker action
	Steps []*Step
}

func parseAction(content []byte) (*Action, error) {
	root, err := decode(content)
	if err != nil {
		return nil, err
	}
	runs := get(root, "runs")
	if runs == nil {
		return nil, nil // an action.yml of some other tool, not a GitHub action
	}
	b := &builder{}
	a := &Action{Using: scalar(get(runs, "using")), Image: scalar(get(runs, "image"))}
	for i, sn := range items(get(runs, "steps")) {
		if i >= maxSteps {
			break
		}
		a.Steps = append(a.Steps, b.step(sn))
	}
	return a, nil
}
