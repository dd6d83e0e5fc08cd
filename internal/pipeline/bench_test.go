package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/source"
)

type countEmitter struct{ n int }

func (c *countEmitter) Emit(finding.Finding) { c.n++ }
func (c *countEmitter) Warn(_, _ string)     {}

// generatedWorkflow builds a realistic workflow of a few jobs; every
// third one has the classic hazards.
func generatedWorkflow(i int) []byte {
	var b strings.Builder
	trigger := "push"
	if i%3 == 0 {
		trigger = "pull_request_target"
	}
	fmt.Fprintf(&b, "name: wf-%d\non:\n  %s:\n    branches: [main]\npermissions:\n  contents: read\nenv:\n  GLOBAL: v%d\njobs:\n", i, trigger, i)
	for j := range 4 {
		fmt.Fprintf(&b, "  job%d:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n", j)
		b.WriteString("      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n        with:\n          persist-credentials: false\n")
		b.WriteString("      - uses: actions/setup-go@d35c59abb061a4a6fb18e82ac0862c26744d6ab5\n        with:\n          go-version-file: go.mod\n")
		if i%3 == 0 {
			b.WriteString("      - run: |\n          echo \"${{ github.event.pull_request.title }}\"\n          curl -sSL https://x.example/i.sh | bash\n")
		}
		b.WriteString("      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: |\n")
		for k := range 10 {
			fmt.Fprintf(&b, "          go test -run Test%d ./... && echo \"$TITLE\" step %d\n", k, k)
		}
		b.WriteString("      - uses: actions/upload-artifact@b4b15b8c7c6ac21ea08fcf65892d2ee8f75cf882\n        with:\n          path: out/\n")
	}
	return []byte(b.String())
}

// BenchmarkWorkflows audits 300 generated workflows per iteration.
func BenchmarkWorkflows(b *testing.B) {
	const n = 300
	a := New(Options{})
	files := make([]*analyzer.Target, n)
	total := 0
	for i := range files {
		c := generatedWorkflow(i)
		total += len(c)
		files[i] = &analyzer.Target{File: source.File{Path: fmt.Sprintf(".github/workflows/wf%d.yml", i)}, Content: c}
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		out := &countEmitter{}
		for _, t := range files {
			if err := a.AnalyzeFile(context.Background(), t, out); err != nil {
				b.Fatal(err)
			}
		}
		if out.n == 0 {
			b.Fatal("no findings")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n)/1e3, "µs/workflow")
}

// BenchmarkJenkinsfile audits a 2,000-line scripted pipeline.
func BenchmarkJenkinsfile(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("pipeline {\n  agent { label 'x' }\n  stages {\n")
	for i := range 250 {
		fmt.Fprintf(&sb, "    stage('s%d') {\n      steps {\n        withCredentials([string(credentialsId: 'c', variable: 'T%d')]) {\n          sh \"deploy --token ${T%d} --v ${params.V}\"\n        }\n      }\n    }\n", i, i, i)
	}
	sb.WriteString("  }\n}\n")
	content := []byte(sb.String())
	a := New(Options{})
	t := &analyzer.Target{File: source.File{Path: "Jenkinsfile"}, Content: content}
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		if err := a.AnalyzeFile(context.Background(), t, &countEmitter{}); err != nil {
			b.Fatal(err)
		}
	}
}
