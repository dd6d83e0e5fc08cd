package gha

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rhysd/actionlint"
	"go.yaml.in/yaml/v3"
)

// parseWorkflow reads a workflow with actionlint's parser and maps its AST
// into the audits' model. actionlint's schema errors (an unknown key, a
// missing runs-on) are not the audits' business: the parts it could read
// are audited all the same.
//
// When actionlint reports an error, the file is decoded with
// go.yaml.in/yaml/v3 as well: to report invalid YAML, an empty document or
// a top level that is not a mapping the same way for every file, and to find
// anchors, aliases and << merge keys, which GitHub accepts and actionlint
// v1.7.7 does not resolve (it reports them as errors); such files are read
// by the yaml-node builder instead.
func parseWorkflow(content []byte) (*Workflow, error) {
	awf, errs := actionlint.Parse(content)
	var root *yaml.Node
	if awf == nil || len(errs) > 0 {
		r, err := decode(content)
		if err != nil {
			return nil, err
		}
		if awf == nil || hasAliases(r, 0) {
			return buildWorkflow(r), nil
		}
		root = r
	}
	return fromActionlint(awf, &lazyRoot{content: content, root: root}), nil
}

// lazyRoot decodes the yaml tree only when the model needs it (the
// position of a secrets: inherit, which actionlint keeps as a boolean).
type lazyRoot struct {
	content []byte
	root    *yaml.Node
	done    bool
}

func (l *lazyRoot) get() *yaml.Node {
	if l.root == nil && !l.done {
		l.done = true
		l.root, _ = decode(l.content)
	}
	return l.root
}

// maxAliasScanDepth bounds the recursion of hasAliases; deeper documents
// are treated as if they had aliases (the bounded builder reads them).
const maxAliasScanDepth = 256

// hasAliases reports whether the tree uses an alias or a << merge key.
func hasAliases(n *yaml.Node, depth int) bool {
	if n == nil {
		return false
	}
	if depth > maxAliasScanDepth || n.Kind == yaml.AliasNode || n.Tag == "!!merge" {
		return true
	}
	for _, c := range n.Content {
		if hasAliases(c, depth+1) {
			return true
		}
	}
	return false
}

func fromActionlint(a *actionlint.Workflow, root *lazyRoot) *Workflow {
	wf := &Workflow{Jobs: map[string]*Job{}, Permissions: a.Permissions, Env: a.Env}
	for _, ev := range a.On {
		switch e := ev.(type) {
		case *actionlint.WebhookEvent:
			if e.Hook == nil {
				continue
			}
			wf.Events = append(wf.Events, e.Hook)
			if e.Hook.Value == "push" && e.Tags != nil {
				wf.TagPush = true
			}
		case *actionlint.ScheduledEvent:
			wf.Events = append(wf.Events, &String{Value: e.EventName(), Pos: e.Pos})
		case *actionlint.WorkflowDispatchEvent:
			wf.Events = append(wf.Events, &String{Value: e.EventName(), Pos: e.Pos})
		case *actionlint.RepositoryDispatchEvent:
			wf.Events = append(wf.Events, &String{Value: e.EventName(), Pos: e.Pos})
		case *actionlint.WorkflowCallEvent:
			wf.Events = append(wf.Events, &String{Value: e.EventName(), Pos: e.Pos})
		}
	}
	jobs := make([]*actionlint.Job, 0, len(a.Jobs))
	for _, j := range a.Jobs {
		if j != nil && j.ID != nil {
			jobs = append(jobs, j)
		}
	}
	slices.SortFunc(jobs, func(x, y *actionlint.Job) int { return comparePos(x.Pos, y.Pos) })
	for i, j := range jobs {
		if i >= maxJobs {
			break
		}
		wf.Jobs[strings.ToLower(j.ID.Value)] = jobFromActionlint(j, root)
	}
	return wf
}

func comparePos(x, y *Pos) int {
	if x == nil || y == nil {
		return 0
	}
	return cmp.Or(cmp.Compare(x.Line, y.Line), cmp.Compare(x.Col, y.Col))
}

// jobFromActionlint maps one job; the yaml tree is read only for the
// position of secrets: inherit.
func jobFromActionlint(a *actionlint.Job, root *lazyRoot) *Job {
	j := &Job{
		ID:          a.ID,
		Pos:         a.Pos,
		Permissions: a.Permissions,
		Env:         a.Env,
		If:          a.If,
		Outputs:     map[string]*Output{},
	}
	if j.Pos == nil {
		j.Pos = a.ID.Pos
	}
	for k, o := range a.Outputs {
		j.Outputs[k] = o
	}
	if a.RunsOn != nil {
		j.RunsOn = &Runner{Labels: a.RunsOn.Labels}
		if a.RunsOn.LabelsExpr != nil {
			j.RunsOn.Labels = append([]*String{a.RunsOn.LabelsExpr}, a.RunsOn.Labels...)
		}
	}
	j.Container = containerFromActionlint(a.Container)
	var services []*actionlint.Service
	if a.Services != nil {
		services = make([]*actionlint.Service, 0, len(a.Services.Value))
	}
	for _, sv := range servicesOf(a) {
		if sv != nil && sv.Container != nil {
			services = append(services, sv)
		}
	}
	slices.SortFunc(services, func(x, y *actionlint.Service) int {
		if x.Name == nil || y.Name == nil {
			return 0
		}
		return comparePos(x.Name.Pos, y.Name.Pos)
	})
	for _, sv := range services {
		j.Services = append(j.Services, containerFromActionlint(sv.Container))
	}
	if wc := a.WorkflowCall; wc != nil && wc.Uses != nil {
		j.WorkflowCall = &WorkflowCall{Uses: wc.Uses}
		if wc.InheritSecrets {
			pos := wc.Uses.Pos
			for _, e := range entries(get(get(root.get(), "jobs"), a.ID.Value)) {
				if strings.EqualFold(e.key.Value, "secrets") {
					pos = e.key.Pos
					break
				}
			}
			j.WorkflowCall.InheritSecrets = &String{Value: "secrets: inherit", Pos: pos}
		}
	}
	for i, st := range a.Steps {
		if i >= maxSteps {
			break
		}
		if st != nil {
			j.Steps = append(j.Steps, stepFromActionlint(st))
		}
	}
	return j
}

func containerFromActionlint(a *actionlint.Container) *Container {
	if a == nil {
		return nil
	}
	c := &Container{Image: a.Image, Env: a.Env}
	if a.Credentials != nil {
		c.Password = a.Credentials.Password
	}
	return c
}

func stepFromActionlint(a *actionlint.Step) *Step {
	st := &Step{ID: a.ID, If: a.If, Name: a.Name, Env: a.Env, Pos: a.Pos}
	switch e := a.Exec.(type) {
	case *actionlint.ExecRun:
		st.Run = e.Run
	case *actionlint.ExecAction:
		st.Uses = e.Uses
		if len(e.Inputs) > 0 || e.Entrypoint != nil || e.Args != nil {
			st.Inputs = make(map[string]*Input, len(e.Inputs)+2)
			for k, in := range e.Inputs {
				st.Inputs[k] = in
			}
			// actionlint keeps these two with: entries apart from the
			// inputs; the audits read them like any other.
			if e.Entrypoint != nil {
				st.Inputs["entrypoint"] = &Input{Name: &String{Value: "entrypoint", Pos: e.Entrypoint.Pos}, Value: e.Entrypoint}
			}
			if e.Args != nil {
				st.Inputs["args"] = &Input{Name: &String{Value: "args", Pos: e.Args.Pos}, Value: e.Args}
			}
		}
	}
	return st
}

func servicesOf(a *actionlint.Job) map[string]*actionlint.Service {
	if a.Services == nil {
		return nil
	}
	return a.Services.Value
}
