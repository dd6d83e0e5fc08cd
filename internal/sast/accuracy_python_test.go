package sast

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/ruletest"
)

// pyAccuracyDir holds the Python accuracy suite: one case per file,
// cweNNN_true_*.py (a real flaw, ruleid: on the sink line) and
// cweNNN_false_*.py (a safe twin).
const pyAccuracyDir = "testdata/accuracy/python"

// pyAccuracyFloor is the lowest TPR-FPR (in percent) each category may
// score: the level reached when the suite was last tuned. A category
// scoring less fails the test (a regression guard); raise the floor when a
// fix lifts a category. CWE-502 keeps one known false positive on
// purpose: python.deserialization.pickle reports every pickle.loads, also
// in a dead branch of a handler, since pickled files and caches are
// dangerous whatever the request holds. CWE-79 keeps one too:
// python.web.unescaped-markup sees Markup(f"...{text}") and cannot know
// that text was escaped two lines earlier (python.taint.xss does).
var pyAccuracyFloor = map[int]int{
	22: 100, 78: 100, 79: 83, 89: 100, 90: 100, 95: 100, 327: 100, 328: 100,
	330: 100, 501: 100, 502: 67, 601: 100, 611: 100, 614: 100, 643: 100, 918: 100,
}

// pyCWEAliases lists CWEs that also count for a category: code injection
// is scored as 94 or 95.
var pyCWEAliases = map[int][]int{95: {94}}

var pyCaseName = regexp.MustCompile(`^cwe0*([0-9]+)_(true|false)_[a-z0-9_]+\.py$`)

type pyScore struct{ tp, fn, fp, tn int }

func (s pyScore) tpr() float64 { return ratio(s.tp, s.tp+s.fn) }
func (s pyScore) fpr() float64 { return ratio(s.fp, s.fp+s.tn) }

// TestPyAccuracy runs the built-in rule packs over the Python accuracy
// suite the way a scan does (pattern phase per file, taint phase over the
// directory as one project) and scores TPR, FPR and TPR-FPR per CWE. A
// true case counts as found only with a finding of exactly its CWE on a
// ruleid:-annotated line; a false case is a false positive with any
// finding of its CWE anywhere in the file.
func TestPyAccuracy(t *testing.T) {
	_, files, contents, c := runSuite(t, pyAccuracyDir)
	scores := map[int]*pyScore{}
	cases := 0
	for _, f := range files {
		m := pyCaseName.FindStringSubmatch(f.Path)
		if m == nil {
			if strings.HasPrefix(f.Path, "cwe") {
				t.Errorf("%s: case name must be cweNNN_true_*.py or cweNNN_false_*.py", f.Path)
			}
			continue
		}
		cases++
		cwe, _ := strconv.Atoi(m[1])
		positive := m[2] == "true"
		want := append([]int{cwe}, pyCWEAliases[cwe]...)
		hasCWE := func(line int) bool {
			for _, fd := range c.byPath[f.Path] {
				n, _ := strconv.Atoi(strings.TrimPrefix(fd.CWE, "CWE-"))
				if slices.Contains(want, n) && (line == 0 || fd.Location.StartLine == line) {
					return true
				}
			}
			return false
		}
		s := scores[cwe]
		if s == nil {
			s = &pyScore{}
			scores[cwe] = s
		}
		var sinks []int
		for _, e := range ruletest.Parse(contents[f.Path]) {
			if e.Positive == positive {
				sinks = append(sinks, e.Line)
			}
		}
		if len(sinks) == 0 {
			t.Errorf("%s: no %s annotation", f.Path, map[bool]string{true: "ruleid:", false: "ok:"}[positive])
			continue
		}
		switch {
		case positive && slices.ContainsFunc(sinks, hasCWE):
			s.tp++
		case positive:
			s.fn++
			t.Logf("missed: %s", f.Path)
		case hasCWE(0):
			s.fp++
			for _, fd := range c.byPath[f.Path] {
				t.Logf("false positive: %s:%d %s", f.Path, fd.Location.StartLine, fd.RuleID)
			}
		default:
			s.tn++
		}
	}
	if cases < pyAccuracyMinCases {
		t.Errorf("only %d cases in %s, want at least %d", cases, pyAccuracyDir, pyAccuracyMinCases)
	}
	t.Log("\n" + pyAccuracyTable(scores))
	for cwe, floor := range pyAccuracyFloor {
		s, ok := scores[cwe]
		if !ok {
			t.Errorf("CWE-%d: no cases", cwe)
			continue
		}
		if got := pyPercent(s.tpr() - s.fpr()); got < floor {
			t.Errorf("CWE-%d: TPR-FPR %d%% is below the floor %d%%", cwe, got, floor)
		}
	}
}

// pyAccuracyMinCases is the least number of cases the suite must hold.
const pyAccuracyMinCases = 80

func pyPercent(f float64) int {
	if f < 0 {
		return -int(-f*100 + 0.5)
	}
	return int(f*100 + 0.5)
}

// pyAccuracyTable renders the per-CWE scores and the overall average.
func pyAccuracyTable(scores map[int]*pyScore) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %3s %3s %3s %3s %6s %6s %8s\n", "CWE", "TP", "FN", "FP", "TN", "TPR", "FPR", "TPR-FPR")
	cwes := make([]int, 0, len(scores))
	for k := range scores {
		cwes = append(cwes, k)
	}
	slices.Sort(cwes)
	var sum float64
	for _, k := range cwes {
		s := scores[k]
		sum += s.tpr() - s.fpr()
		fmt.Fprintf(&b, "%-8s %3d %3d %3d %3d %5d%% %5d%% %7d%%\n", "CWE-"+strconv.Itoa(k), s.tp, s.fn, s.fp, s.tn,
			pyPercent(s.tpr()), pyPercent(s.fpr()), pyPercent(s.tpr()-s.fpr()))
	}
	if len(cwes) > 0 {
		fmt.Fprintf(&b, "average TPR-FPR over %d categories: %d%%\n", len(cwes), pyPercent(sum/float64(len(cwes))))
	}
	return b.String()
}
