// Package keyword finds many keywords in a text in one pass with an
// Aho-Corasick automaton, ignoring ASCII case.
//
// It is written here rather than imported because the secrets scanner needs
// three things at once that the maintained Go libraries do not combine: ASCII
// case folding inside the automaton (no lower-cased copy of every file),
// a dense transition table over a compressed byte alphabet (the scan loop is
// one table lookup per byte and allocates nothing), and a callback per match
// so the caller can stop early or honour a context.
package keyword

import (
	"errors"
	"fmt"
)

// MaxKeywords bounds the dictionary so a mistake in a detector table cannot
// build an automaton of unbounded size.
const MaxKeywords = 4096

// MaxKeywordLen bounds one keyword's length.
const MaxKeywordLen = 128

// Matcher is an immutable automaton; it is safe for concurrent use.
type Matcher struct {
	// class maps a (case-folded) byte to its column in next; bytes that
	// occur in no keyword share class 0.
	class   [256]uint8
	classes int
	// next is the dense transition table: next[state*classes+class].
	next []int32
	// out lists, per state, the keywords that end there (including those
	// reached through dictionary suffix links).
	out  [][]int32
	lens []int
}

// New builds a matcher for keywords. Keywords are compared ignoring ASCII
// case; empty, duplicate-free input is not required (duplicates each report).
func New(keywords []string) (*Matcher, error) {
	if len(keywords) == 0 {
		return nil, errors.New("keyword: no keywords")
	}
	if len(keywords) > MaxKeywords {
		return nil, fmt.Errorf("keyword: %d keywords exceed the limit of %d", len(keywords), MaxKeywords)
	}
	m := &Matcher{lens: make([]int, len(keywords))}
	// Alphabet compression: one class per distinct folded byte.
	classes := 1
	for i, k := range keywords {
		if k == "" || len(k) > MaxKeywordLen {
			return nil, fmt.Errorf("keyword: keyword %d has length %d (want 1-%d)", i, len(k), MaxKeywordLen)
		}
		m.lens[i] = len(k)
		for j := 0; j < len(k); j++ {
			b := fold(k[j])
			if m.class[b] == 0 {
				if classes == 255 {
					return nil, errors.New("keyword: too many distinct bytes")
				}
				m.class[b] = uint8(classes)
				classes++
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		m.class[c] = m.class[c+'a'-'A']
	}
	m.classes = classes

	// Trie with -1 for missing edges.
	trie := [][]int32{newRow(classes)}
	out := [][]int32{nil}
	for i, k := range keywords {
		s := int32(0)
		for j := 0; j < len(k); j++ {
			c := m.class[k[j]]
			if trie[s][c] < 0 {
				trie = append(trie, newRow(classes))
				out = append(out, nil)
				trie[s][c] = int32(len(trie) - 1)
			}
			s = trie[s][c]
		}
		out[s] = append(out[s], int32(i))
	}

	// Breadth-first: failure links turn the trie into a DFA.
	fail := make([]int32, len(trie))
	queue := make([]int32, 0, len(trie))
	for c := 0; c < classes; c++ {
		if t := trie[0][c]; t < 0 {
			trie[0][c] = 0
		} else {
			fail[t] = 0
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		out[s] = append(out[s], out[fail[s]]...)
		for c := 0; c < classes; c++ {
			t := trie[s][c]
			if t < 0 {
				trie[s][c] = trie[fail[s]][c]
				continue
			}
			fail[t] = trie[fail[s]][c]
			queue = append(queue, t)
		}
	}
	// Class 0 (bytes in no keyword) always returns to the root.
	m.next = make([]int32, len(trie)*classes)
	for s, row := range trie {
		copy(m.next[s*classes:], row)
	}
	m.out = out
	return m, nil
}

func newRow(n int) []int32 {
	r := make([]int32, n)
	for i := range r {
		r[i] = -1
	}
	return r
}

func fold(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// Len returns the length in bytes of keyword id.
func (m *Matcher) Len(id int) int { return m.lens[id] }

// Scan calls fn for every keyword occurrence in text, in order of the
// position where the occurrence ends. start is the byte offset where the
// keyword begins. fn returns false to stop the scan early.
func (m *Matcher) Scan(text []byte, fn func(id, start int) bool) {
	s := int32(0)
	classes := int32(m.classes)
	next, class, out := m.next, &m.class, m.out
	for i := 0; i < len(text); i++ {
		s = next[s*classes+int32(class[text[i]])]
		if s == 0 {
			continue
		}
		for _, id := range out[s] {
			if !fn(int(id), i+1-m.lens[id]) {
				return
			}
		}
	}
}
