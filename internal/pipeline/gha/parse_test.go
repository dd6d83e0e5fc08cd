package gha

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"

	"github.com/socyber/codeaudit/internal/finding"
)

// TestActionlintModelMatchesBuilder reads every workflow fixture with
// actionlint's parser and with the yaml-node builder (kept for files with
// anchors) and checks that both give the audits the same model.
func TestActionlintModelMatchesBuilder(t *testing.T) {
	var files []string
	for _, dir := range []string{"../testdata/repo/.github/workflows", "../testdata/safe/.github/workflows"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.yml"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 40 {
		t.Fatalf("found %d workflow fixtures", len(files))
	}
	for _, f := range files {
		content, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		root, err := decode(content)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if hasAliases(root, 0) {
			continue
		}
		awf, _ := actionlint.Parse(content)
		if awf == nil {
			t.Errorf("%s: actionlint could not parse it", f)
			continue
		}
		got, want := fromActionlint(awf, &lazyRoot{content: content}), buildWorkflow(root)
		normalize(got)
		normalize(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: actionlint's model differs from the builder's:\n%s", f, diffModels(got, want))
		}
	}
}

// normalize clears the differences that do not matter to the audits: the
// case of env keys and actionlint's Env.Expression / empty maps.
func normalize(wf *Workflow) {
	normEnv := func(e *Env) {
		if e == nil {
			return
		}
		vars := map[string]*EnvVar{}
		for k, v := range e.Vars {
			vars[strings.ToUpper(k)] = v
		}
		e.Vars = vars
	}
	normPerm := func(p *Permissions) {
		if p != nil && len(p.Scopes) == 0 {
			p.Scopes = nil
		}
	}
	normEnv(wf.Env)
	normPerm(wf.Permissions)
	for _, j := range wf.Jobs {
		normEnv(j.Env)
		normPerm(j.Permissions)
		if j.Container != nil {
			normEnv(j.Container.Env)
		}
		for _, c := range j.Services {
			normEnv(c.Env)
		}
		for _, st := range j.Steps {
			normEnv(st.Env)
			if len(st.Inputs) == 0 {
				st.Inputs = nil
			}
		}
		if len(j.Outputs) == 0 {
			j.Outputs = map[string]*Output{}
		}
	}
}

func diffModels(got, want *Workflow) string {
	var b strings.Builder
	if !reflect.DeepEqual(got.Events, want.Events) || got.TagPush != want.TagPush {
		b.WriteString("  events differ\n")
	}
	if !reflect.DeepEqual(got.Permissions, want.Permissions) {
		b.WriteString("  workflow permissions differ\n")
	}
	if !reflect.DeepEqual(got.Env, want.Env) {
		b.WriteString("  workflow env differs\n")
	}
	for id, wj := range want.Jobs {
		gj := got.Jobs[id]
		if gj == nil {
			b.WriteString("  job " + id + " missing\n")
			continue
		}
		v1, v2 := reflect.ValueOf(*gj), reflect.ValueOf(*wj)
		for i := range v1.NumField() {
			if !reflect.DeepEqual(v1.Field(i).Interface(), v2.Field(i).Interface()) {
				b.WriteString("  job " + id + ": " + v1.Type().Field(i).Name + " differs\n")
			}
		}
	}
	return b.String()
}

type collect struct{ got []finding.Finding }

func (c *collect) Emit(f finding.Finding) { c.got = append(c.got, f) }
func (c *collect) Warn(_, _ string)       {}

// TestParseWorkflowPaths checks which parser reads a workflow: actionlint
// for plain files, even with schema errors it reports, and the yaml-node
// builder for files with anchors; both are audited.
func TestParseWorkflowPaths(t *testing.T) {
	const plain = "on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    unknown-key: 1\n    steps:\n      - run: echo \"${{ github.event.pull_request.title }}\"\n"
	const anchored = "on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - &greet\n        run: echo \"${{ github.event.pull_request.title }}\"\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - *greet\n"
	for _, tc := range []struct {
		name, src  string
		aliases    bool
		injections int
		line, col  int
	}{
		{"plain", plain, false, 1, 7, 20},
		{"anchored", anchored, true, 1, 7, 20},
	} {
		root, err := decode([]byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := hasAliases(root, 0); got != tc.aliases {
			t.Errorf("%s: hasAliases = %v", tc.name, got)
		}
		if !tc.aliases {
			if awf, errs := actionlint.Parse([]byte(tc.src)); awf == nil || len(errs) == 0 {
				t.Errorf("%s: want a workflow and a schema error from actionlint, got %v, %v", tc.name, awf != nil, errs)
			}
		}
		c := &collect{}
		if err := NewAuditor().Audit(context.Background(), ".github/workflows/x.yml", []byte(tc.src), c); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range c.got {
			if f.RuleID == "pipeline.gha.expression-injection" {
				n++
				if f.Location.StartLine != tc.line || f.Location.StartColumn != tc.col {
					t.Errorf("%s: injection at %d:%d, want %d:%d", tc.name, f.Location.StartLine, f.Location.StartColumn, tc.line, tc.col)
				}
			}
		}
		if n != tc.injections {
			t.Errorf("%s: %d injection findings, want %d", tc.name, n, tc.injections)
		}
	}
}
