package sast

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/ruletest"
	"github.com/socyber/codeaudit/internal/source"
)

// accuracyCase is one file of an accuracy suite: a class named
// Cwe<N>True... holds a real flaw, Cwe<N>False... a safe twin. Its one
// annotation marks the line the finding belongs on and names the
// built-in rule expected there (ruleid:) or not (ok:).
var accuracyCase = regexp.MustCompile(`^Cwe(\d+)(True|False)[A-Za-z0-9]*\.[a-z]+$`)

// accuracyCategory groups CWEs the way benchmark suites score them: code
// injection counts as one category whether a tool says 94 or 95.
func accuracyCategory(cwe int) string {
	if cwe == 94 || cwe == 95 {
		return "CWE-94/95"
	}
	return "CWE-" + strconv.Itoa(cwe)
}

// accuracyFloorJava is the score (TPR - FPR, in percent) each category
// of the Java suite must keep: a regression guard, raised as the engine
// and rules improve.
var accuracyFloorJava = map[string]int{
	"CWE-22": 100, "CWE-327": 100, "CWE-328": 100, "CWE-330": 100,
	"CWE-501": 100, "CWE-502": 100, "CWE-601": 100, "CWE-611": 100,
	"CWE-614": 100, "CWE-643": 100, "CWE-78": 100, "CWE-79": 100,
	"CWE-89": 100, "CWE-90": 100, "CWE-918": 100, "CWE-94/95": 100,
}

// accuracyFloorJavaOverall guards the mean score over all categories.
const accuracyFloorJavaOverall = 100

type accuracyScore struct {
	tp, fn, fp, tn  int
	missed, flagged []string
}

func (s *accuracyScore) tpr() float64 { return ratio(s.tp, s.tp+s.fn) }
func (s *accuracyScore) fpr() float64 { return ratio(s.fp, s.fp+s.tn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestAccuracyJava runs the built-in packs over testdata/accuracy/java the
// way a scan does (file phase, then the project's taint phase) and scores
// each CWE category as TPR - FPR. A real flaw counts as found only with a
// finding of its exact CWE on the annotated line; a safe twin counts as
// flagged with a finding of that CWE anywhere in its file.
func TestAccuracyJava(t *testing.T) {
	scores := runAccuracy(t, filepath.Join("testdata", "accuracy", "java"))
	var cats []string
	for c := range scores {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-10s %4s %4s %4s %4s %6s %6s %6s\n", "category", "TP", "FN", "FP", "TN", "TPR", "FPR", "score")
	total := 0.0
	for _, c := range cats {
		s := scores[c]
		score := s.tpr() - s.fpr()
		total += score
		fmt.Fprintf(&b, "%-10s %4d %4d %4d %4d %5.0f%% %5.0f%% %5.0f%%\n", c, s.tp, s.fn, s.fp, s.tn, 100*s.tpr(), 100*s.fpr(), 100*score)
		for _, m := range s.missed {
			fmt.Fprintf(&b, "    missed  %s\n", m)
		}
		for _, f := range s.flagged {
			fmt.Fprintf(&b, "    flagged %s\n", f)
		}
		if floor, ok := accuracyFloorJava[c]; ok && int(100*score+0.5) < floor {
			t.Errorf("%s: score %.0f%% below the floor %d%%", c, 100*score, floor)
		}
	}
	mean := total / float64(len(cats))
	fmt.Fprintf(&b, "%-10s %36.0f%%\n", "mean", 100*mean)
	t.Log(b.String())
	if int(100*mean+0.5) < accuracyFloorJavaOverall {
		t.Errorf("mean score %.0f%% below the floor %d%%", 100*mean, accuracyFloorJavaOverall)
	}
}

// runSuite runs the built-in packs over an accuracy suite the way a scan
// does (file phase, then the project's taint phase) and returns the
// rules' CWEs by id, the files, their contents and the findings. Any
// warning fails the test. Both the Java and the Python suites use it.
func runSuite(t *testing.T, dir string) (ruleCWE map[string]string, files []source.File, contents map[string][]byte, c *dirCollector) {
	t.Helper()
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ruleCWE = map[string]string{}
	for _, r := range a.Rules() {
		ruleCWE[r.ID] = r.CWE
	}
	c = &dirCollector{byPath: map[string][]finding.Finding{}}
	files, contents, err = runPhasesFiles(context.Background(), a, dir, c)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range c.warnings {
		t.Errorf("warning: %s", w)
	}
	return ruleCWE, files, contents, c
}

func runAccuracy(t *testing.T, dir string) map[string]*accuracyScore {
	t.Helper()
	ruleCWE, files, contents, c := runSuite(t, dir)
	scores := map[string]*accuracyScore{}
	cases := 0
	for _, f := range files {
		m := accuracyCase.FindStringSubmatch(path.Base(f.Path))
		exps := ruletest.Parse(contents[f.Path])
		if m == nil {
			if len(exps) > 0 {
				t.Errorf("%s: annotations outside a Cwe<N>True/False case", f.Path)
			}
			continue
		}
		cases++
		n, _ := strconv.Atoi(m[1])
		want := "CWE-" + m[1]
		real := m[2] == "True"
		if len(exps) != 1 {
			t.Errorf("%s: %d annotations, want exactly one", f.Path, len(exps))
			continue
		}
		e := exps[0]
		if e.Positive != real {
			t.Errorf("%s: annotation %v does not fit the file name", f.Path, e.Positive)
		}
		if got, ok := ruleCWE[e.RuleID]; !ok || got != want {
			t.Errorf("%s: rule %s has %q, the file name says %s", f.Path, e.RuleID, got, want)
		}
		cat := accuracyCategory(n)
		s := scores[cat]
		if s == nil {
			s = &accuracyScore{}
			scores[cat] = s
		}
		hit := false
		for _, fd := range c.byPath[f.Path] {
			if accuracyCategory(cweNumber(fd.CWE)) != cat {
				continue
			}
			if !real || fd.Location.StartLine == e.Line {
				hit = true
			}
		}
		switch {
		case real && hit:
			s.tp++
		case real:
			s.fn++
			s.missed = append(s.missed, f.Path)
		case hit:
			s.fp++
			s.flagged = append(s.flagged, f.Path)
		default:
			s.tn++
		}
	}
	if cases < accuracyMinCases {
		t.Errorf("%d cases in %s, want at least %d", cases, dir, accuracyMinCases)
	}
	return scores
}

// accuracyMinCases keeps the suite from silently shrinking.
const accuracyMinCases = 80

func cweNumber(cwe string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(cwe, "CWE-"))
	return n
}
