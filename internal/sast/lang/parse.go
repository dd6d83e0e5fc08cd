package lang

import (
	"context"
	"errors"
	"fmt"
	"time"

	sitter "github.com/tree-sitter/go-tree-sitter"
)

// Limits of one parse.
const (
	// DefaultParseTimeout bounds one parse when the caller's context has no
	// earlier deadline.
	DefaultParseTimeout = 10 * time.Second
	// MaxSourceSize is the largest input handed to tree-sitter (its byte
	// offsets are 32-bit; the engine's file cap is far lower anyway).
	MaxSourceSize = 64 << 20
	// readChunk is how many bytes the input callback hands tree-sitter at a
	// time. go-tree-sitter copies each chunk into C memory, so handing it
	// the whole rest of the file would copy quadratically when the lexer
	// seeks backwards.
	readChunk = 64 << 10
)

// ErrTimeout is returned when a parse ran out of time or was cancelled.
var ErrTimeout = errors.New("parse cancelled or timed out")

// maxIdleParsers bounds how many idle parsers a pool keeps per language.
const maxIdleParsers = 16

// Parsers pools tree-sitter parsers per language. Parsers hold C memory, so
// the pool is a bounded channel rather than a sync.Pool (which would drop
// them without closing). Call NewParsers; a Parsers is safe for concurrent
// use. Close releases the idle parsers.
type Parsers struct {
	pools map[ID]chan *sitter.Parser
}

// NewParsers makes an empty pool for every supported grammar.
func NewParsers() *Parsers {
	p := &Parsers{pools: map[ID]chan *sitter.Parser{}}
	for id := range grammars() {
		p.pools[id] = make(chan *sitter.Parser, maxIdleParsers)
	}
	return p
}

func (p *Parsers) get(id ID) (*sitter.Parser, error) {
	select {
	case ps := <-p.pools[id]:
		return ps, nil
	default:
	}
	g, err := GrammarFor(id)
	if err != nil {
		return nil, err
	}
	ps := sitter.NewParser()
	if err := ps.SetLanguage(g.Language); err != nil {
		ps.Close()
		return nil, fmt.Errorf("cannot create a %s parser: %w", id, err)
	}
	return ps, nil
}

func (p *Parsers) put(id ID, ps *sitter.Parser) {
	select {
	case p.pools[id] <- ps:
	default:
		ps.Close()
	}
}

// Close closes the idle parsers. Parsers in use are closed when returned
// to a full pool, so Close is safe to call once the analysis is over.
func (p *Parsers) Close() {
	for _, ch := range p.pools {
		for {
			select {
			case ps := <-ch:
				ps.Close()
				continue
			default:
			}
			break
		}
	}
}

// Parse parses src as language id within ctx and the default timeout. The
// caller must Close the returned tree. A tree with syntax errors is still
// returned: callers inspect its root's HasError.
func (p *Parsers) Parse(ctx context.Context, id ID, src []byte) (*sitter.Tree, error) {
	if len(src) > MaxSourceSize {
		return nil, fmt.Errorf("source of %d bytes exceeds the %d byte parse limit", len(src), MaxSourceSize)
	}
	if _, ok := p.pools[id]; !ok {
		return nil, fmt.Errorf("no grammar for language %q", id)
	}
	ps, err := p.get(id)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(DefaultParseTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	cancelled := false
	opts := &sitter.ParseOptions{ProgressCallback: func(sitter.ParseState) bool {
		if ctx.Err() != nil || time.Now().After(deadline) {
			cancelled = true
		}
		return cancelled
	}}
	n := len(src)
	tree := ps.ParseWithOptions(func(i int, _ sitter.Point) []byte {
		if i >= n {
			return nil
		}
		return src[i:min(n, i+readChunk)]
	}, nil, opts)
	if cancelled || tree == nil {
		// A cancelled parser keeps partial state; reset before reuse.
		ps.Reset()
		p.put(id, ps)
		if tree != nil {
			tree.Close()
		}
		return nil, ErrTimeout
	}
	p.put(id, ps)
	return tree, nil
}
