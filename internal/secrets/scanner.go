package secrets

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/socyber/codeaudit/internal/finding"
	"github.com/socyber/codeaudit/internal/secrets/keyword"
)

// Bounds on the work done per file, so hostile input cannot make a scan
// slow or large.
const (
	// maxLineWindow caps the bytes around a keyword hit that context
	// detectors look at when the line is longer (minified files).
	maxLineWindow = 2048
	// maxTokenLen caps the bytes a vendor-prefix regex may consume.
	maxTokenLen = 1024
	// maxHitsPerFile stops looking at keyword hits after this many; files
	// with more are generated data, not hand-written configuration.
	maxHitsPerFile = 200_000
	// maxMatchesPerFile caps the findings one file can produce.
	maxMatchesPerFile = 1000
	// ctxCheckEvery is how many keyword hits pass between context checks.
	ctxCheckEvery = 4096
)

// ErrPartial is returned, with the matches found so far, when a file has so
// many keyword hits or matches that the scan stopped early.
var ErrPartial = errors.New("secrets: too many candidates, file only partly scanned")

// kind is how a detector finds candidates.
type kind int

const (
	// kindPrefix: a token that starts with a fixed, case-sensitive vendor
	// prefix ("ghp_", "AKIA"); the regex is anchored at the prefix.
	kindPrefix kind = iota + 1
	// kindAssign: the value of an assignment whose key names the credential
	// ("aws_secret_access_key = ..."); see assign.go.
	kindAssign
	// kindCustom: its own matcher (private key blocks, URLs).
	kindCustom
)

// Priorities resolve overlapping matches: the more specific detector wins.
const (
	prioGeneric = 1
	prioURL     = 2
	prioContext = 3
	prioToken   = 4
	prioBlock   = 5
)

// detector is one rule and how to find it. The rule's metadata lives here
// and nowhere else.
type detector struct {
	rule     *finding.Rule
	kind     kind
	priority int
	// keywords trigger the detector. For kindPrefix they are the exact,
	// case-sensitive prefixes; otherwise they are matched ignoring case.
	keywords []string
	// re (kindPrefix) is anchored at the prefix; the secret is the group
	// named "s", or the whole match.
	re *regexp.Regexp
	// tailOK (kindPrefix) reports bytes that may follow the token; nil
	// means any byte that is not a letter or digit.
	tailOK func(byte) bool
	// keyOK and value (kindAssign) accept an assignment by its key words and
	// its whole value.
	keyOK func(words []string, line string) bool
	value *regexp.Regexp
	// minEntropy is the Shannon entropy (bits per byte) the secret needs,
	// measured after the vendor prefix of length skip.
	minEntropy float64
	skip       int
	// show is how many leading characters (a public vendor prefix) the
	// redacted form may show.
	show int
	// check validates a candidate (checksums, decoding) and may adjust it;
	// returning false drops it.
	check func(m *Match, s *scan) bool
	// label names the provider when several share one rule.
	label string
	// find (kindCustom) looks for matches around a keyword hit.
	find func(s *scan, d *detector, kw string, start int)
}

// Match is one secret found in a text.
type Match struct {
	Rule *finding.Rule
	// Secret is the raw secret; it never leaves this package unredacted.
	Secret string
	// Start and End are byte offsets of the secret in the scanned text.
	Start, End int
	Confidence finding.Confidence
	Severity   finding.Severity
	// Show is how many leading bytes of Secret the redaction may show.
	Show int
	// Props holds detector facts (checksum validity, encryption).
	Props map[string]string
	// Detail adds a clause to the message ("its checksum is valid").
	Detail   string
	priority int
}

// Scanner holds the compiled detectors; it is immutable and safe for
// concurrent use.
type Scanner struct {
	dets    []*detector
	matcher *keyword.Matcher
	// targets maps a keyword id to the detectors it triggers.
	targets [][]target
	rules   []finding.Rule
}

type target struct {
	det   int
	exact string // kindPrefix: the case-sensitive prefix
}

// NewScanner compiles the built-in detectors.
func NewScanner() (*Scanner, error) {
	dets := builtinDetectors()
	s := &Scanner{dets: dets}
	index := map[string]int{}
	var words []string
	for i, d := range dets {
		if err := d.rule.Validate(); err != nil {
			return nil, fmt.Errorf("secrets: %w", err)
		}
		if !slices.ContainsFunc(s.rules, func(r finding.Rule) bool { return r.ID == d.rule.ID }) {
			s.rules = append(s.rules, *d.rule)
		}
		kws := d.keywords
		if d.kind == kindAssign {
			kws = append(slices.Clone(kws), assignKeywords...)
		}
		for _, k := range kws {
			lk := strings.ToLower(k)
			id, ok := index[lk]
			if !ok {
				id = len(words)
				index[lk] = id
				words = append(words, lk)
				s.targets = append(s.targets, nil)
			}
			t := target{det: i}
			if d.kind == kindPrefix {
				t.exact = k
			}
			if !slices.Contains(s.targets[id], t) {
				s.targets[id] = append(s.targets[id], t)
			}
		}
	}
	m, err := keyword.New(words)
	if err != nil {
		return nil, fmt.Errorf("secrets: %w", err)
	}
	s.matcher = m
	return s, nil
}

// Rules lists the rules of all detectors.
func (s *Scanner) Rules() []finding.Rule { return slices.Clone(s.rules) }

// scan is the state of one Scan call.
type scan struct {
	sc      *Scanner
	path    string
	text    []byte
	matches []Match
	// assignHit is the keyword hit last parsed for an assignment, and
	// assign/assignOK the result, shared by the detectors it triggers.
	assignHit  int
	assign     assignment
	assignOK   bool
	assignLine string
	unquotedOK bool
	// context is contextKind(path): findings in tests, examples and docs
	// get a lower confidence.
	context string
}

// Scan finds the secrets in text, which came from the file at path
// (relative, slash-separated; used for file-type and context decisions).
// Matches are sorted by position, overlaps resolved in favour of the more
// specific detector.
func (s *Scanner) Scan(ctx context.Context, path string, text []byte) ([]Match, error) {
	st := &scan{sc: s, path: path, text: text, assignHit: -1, unquotedOK: unquotedValues(path), context: contextKind(path)}
	hits := 0
	var err error
	partial := false
	s.matcher.Scan(text, func(id, start int) bool {
		hits++
		if hits%ctxCheckEvery == 0 {
			if err = ctx.Err(); err != nil {
				return false
			}
		}
		if hits > maxHitsPerFile || len(st.matches) >= maxMatchesPerFile {
			partial = true
			return false
		}
		for _, t := range s.targets[id] {
			st.dispatch(t, start, s.matcher.Len(id))
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("secrets: scanning %s: %w", path, err)
	}
	if partial {
		return st.resolve(), ErrPartial
	}
	return st.resolve(), nil
}

func (st *scan) dispatch(t target, start, kwLen int) {
	d := st.sc.dets[t.det]
	switch d.kind {
	case kindPrefix:
		st.matchPrefix(d, t.exact, start)
	case kindAssign:
		st.matchAssign(d, start)
	case kindCustom:
		d.find(st, d, string(st.text[start:start+kwLen]), start)
	}
}

// window returns the part of the line around offset i that context
// detectors look at: the whole line, or at most maxLineWindow bytes around
// i on longer lines. The search for the line ends is bounded too, so a
// multi-megabyte line costs the same per hit as a short one.
func (st *scan) window(i int) (int, int) {
	t := st.text
	lo := max(0, i-maxLineWindow/4)
	ls := lo
	if k := bytes.LastIndexByte(t[lo:i], '\n'); k >= 0 {
		ls = lo + k + 1
	}
	hi := min(len(t), i+maxLineWindow*3/4)
	le := hi
	if k := bytes.IndexByte(t[i:hi], '\n'); k >= 0 {
		le = i + k
	}
	return ls, le
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (st *scan) matchPrefix(d *detector, exact string, start int) {
	text := st.text
	if start+len(exact) > len(text) || string(text[start:start+len(exact)]) != exact {
		return
	}
	if start > 0 && isAlnum(text[start-1]) {
		return
	}
	end := min(len(text), start+maxTokenLen)
	loc := d.re.FindSubmatchIndex(text[start:end])
	if loc == nil {
		return
	}
	mEnd := start + loc[1]
	if mEnd < len(text) {
		ok := d.tailOK
		if ok == nil {
			ok = func(c byte) bool { return !isAlnum(c) }
		}
		if !ok(text[mEnd]) {
			return
		}
	}
	ss, se := start+loc[0], mEnd
	if g := d.re.SubexpIndex("s"); g > 0 && loc[2*g] >= 0 {
		ss, se = start+loc[2*g], start+loc[2*g+1]
	}
	st.add(d, ss, se)
}

// add applies the detector's generic filters to a candidate and keeps it.
func (st *scan) add(d *detector, start, end int) {
	st.addMatch(d, Match{Start: start, End: end})
}

func (st *scan) addMatch(d *detector, m Match) bool {
	m.Secret = string(st.text[m.Start:m.End])
	body := m.Secret
	if d.skip < len(body) {
		body = body[d.skip:]
	}
	if isPlaceholder(body) || knownPublic[m.Secret] {
		return false
	}
	if d.minEntropy > 0 && entropy(body) < d.minEntropy {
		return false
	}
	if m.Rule == nil {
		m.Rule = d.rule
	}
	if m.Confidence == finding.ConfidenceUnknown {
		m.Confidence = m.Rule.Confidence
	}
	if m.Severity == finding.SeverityUnknown {
		m.Severity = m.Rule.Severity
	}
	if m.Show == 0 {
		m.Show = d.show
	}
	m.priority = d.priority
	if d.label != "" {
		setProp(&m, "provider", d.label)
	}
	if d.check != nil && !d.check(&m, st) {
		return false
	}
	if st.context != "" {
		m.Confidence = max(m.Confidence-1, finding.ConfidenceLow)
		if m.Props == nil {
			m.Props = map[string]string{}
		}
		m.Props["context"] = st.context
	}
	st.matches = append(st.matches, m)
	return true
}

// resolve sorts matches, drops exact duplicates and, where matches
// overlap, keeps the one of the more specific detector.
func (st *scan) resolve() []Match {
	ms := st.matches
	if len(ms) == 0 {
		return nil
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.priority != b.priority {
			return b.priority - a.priority
		}
		return (b.End - b.Start) - (a.End - a.Start)
	})
	keep := make([]bool, len(ms))
	for i := range ms {
		keep[i] = true
		for j := range i {
			if !keep[j] || ms[j].End <= ms[i].Start {
				continue
			}
			// Overlap: the higher priority (then the longer) wins.
			if ms[i].priority > ms[j].priority || ms[i].priority == ms[j].priority && ms[i].End-ms[i].Start > ms[j].End-ms[j].Start {
				keep[j] = false
			} else {
				keep[i] = false
				break
			}
		}
	}
	out := ms[:0]
	for i, m := range ms {
		if keep[i] {
			out = append(out, m)
		}
	}
	return out
}
