// Package gitdiff reads the patch stream of `git log -p` and `git diff`
// and hands over, per commit and file, the lines the file gained with their
// line numbers in the new version. It reads the stream once, line by line,
// with bounded memory: long lines are cut, large files split into chunks.
package gitdiff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Bounds on untrusted input.
const (
	// MaxLine is the longest diff line kept; the rest of a longer line is
	// dropped (minified files).
	MaxLine = 64 << 10
	// MaxChunk is the most added text handed over at once; a file that
	// gains more is handed over in several chunks.
	MaxChunk = 4 << 20
	// maxPath caps a file path.
	maxPath = 4096
)

// HeaderMarker starts the commit header line the caller asks git to print
// with Format. Diff lines never start with it: every diff body line starts
// with '+', '-', ' ', '\\' or a header word.
const HeaderMarker = "\x1ecommit "

// Format is the --format argument that prints the header Parse expects:
// hash, author name, author e-mail and strict ISO 8601 author date.
const Format = "--format=%x1ecommit %H%x1f%an%x1f%ae%x1f%aI"

// Commit identifies the commit a change belongs to.
type Commit struct {
	Hash   string
	Author string
	Email  string
	// Date is the author date in strict ISO 8601 (RFC 3339).
	Date string
}

// Chunk is (part of) the text one file gained in one commit.
type Chunk struct {
	// Commit is nil for `git diff` output.
	Commit *Commit
	// Seq numbers commits in stream order, from 0.
	Seq  int
	Path string
	// Text is the added lines joined with '\n'.
	Text []byte
	// Lines holds, for each line of Text, its 1-based line number in the
	// file's new version.
	Lines []int
}

// Parse reads a patch stream and calls fn for every chunk of added lines.
// The chunk and its slices are only valid during the call. Parse stops at
// the first error fn returns, or when ctx is done.
func Parse(ctx context.Context, r io.Reader, fn func(*Chunk) error) error {
	p := parser{fn: fn, br: bufio.NewReaderSize(r, MaxLine), seq: -1}
	return p.run(ctx)
}

type parser struct {
	fn     func(*Chunk) error
	br     *bufio.Reader
	commit *Commit
	seq    int
	chunk  Chunk
	// file state
	path    string
	skip    bool // binary or deleted file
	inHunk  bool
	newLine int
	n       int
}

func (p *parser) run(ctx context.Context) error {
	for {
		line, err := p.readLine()
		if len(line) > 0 || err == nil {
			if p.n++; p.n%4096 == 0 {
				if cerr := ctx.Err(); cerr != nil {
					return cerr
				}
			}
			if perr := p.handle(line); perr != nil {
				return perr
			}
		}
		if err == io.EOF {
			return p.flush()
		}
		if err != nil {
			return fmt.Errorf("gitdiff: reading patch: %w", err)
		}
	}
}

// readLine returns the next line without its terminator, cut at MaxLine.
func (p *parser) readLine() ([]byte, error) {
	line, err := p.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		kept := append([]byte(nil), line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = p.br.ReadSlice('\n')
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		return kept, err
	}
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	return line, err
}

func (p *parser) handle(line []byte) error {
	switch {
	case bytes.HasPrefix(line, []byte(HeaderMarker)):
		if err := p.flush(); err != nil {
			return err
		}
		p.commit = parseHeader(line[len(HeaderMarker):])
		p.seq++
		p.path, p.skip, p.inHunk = "", true, false
		return nil
	case bytes.HasPrefix(line, []byte("diff --git ")), bytes.HasPrefix(line, []byte("diff --cc ")), bytes.HasPrefix(line, []byte("diff --combined ")):
		if err := p.flush(); err != nil {
			return err
		}
		p.path, p.skip, p.inHunk = "", false, false
		return nil
	}
	if p.inHunk {
		switch {
		case len(line) > 0 && line[0] == '+':
			if !p.skip && p.path != "" {
				return p.add(line[1:])
			}
			p.newLine++
		case len(line) > 0 && line[0] == ' ':
			p.newLine++
		case bytes.HasPrefix(line, []byte("@@")):
			p.hunk(line)
		case len(line) > 0 && (line[0] == '-' || line[0] == '\\'):
		default:
			// Anything else ends the hunk (the next file's header).
			p.inHunk = false
		}
		return nil
	}
	switch {
	case bytes.HasPrefix(line, []byte("+++ ")):
		name := string(line[4:])
		if name == "/dev/null" {
			p.skip = true
			return nil
		}
		path, ok := unquotePath(name)
		if !ok {
			p.skip = true
			return nil
		}
		p.path = path
	case bytes.HasPrefix(line, []byte("Binary files ")), bytes.HasPrefix(line, []byte("deleted file mode")):
		p.skip = true
	case bytes.HasPrefix(line, []byte("@@")):
		p.hunk(line)
	}
	return nil
}

// hunk reads "@@ -a,b +c,d @@" (or the combined "@@@ … +c,d @@@").
func (p *parser) hunk(line []byte) {
	p.inHunk = true
	i := bytes.IndexByte(line, '+')
	if i < 0 {
		p.newLine = 1
		return
	}
	j := i + 1
	for j < len(line) && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(string(line[i+1 : j]))
	if err != nil || n < 0 {
		n = 1
	}
	p.newLine = max(n, 1)
}

func (p *parser) add(text []byte) error {
	c := &p.chunk
	if len(c.Text)+len(text)+1 > MaxChunk && len(c.Lines) > 0 {
		if err := p.flush(); err != nil {
			return err
		}
	}
	if len(c.Lines) == 0 {
		c.Commit, c.Seq, c.Path = p.commit, max(p.seq, 0), p.path
	} else {
		c.Text = append(c.Text, '\n')
	}
	c.Text = append(c.Text, text...)
	c.Lines = append(c.Lines, p.newLine)
	p.newLine++
	return nil
}

func (p *parser) flush() error {
	c := &p.chunk
	if len(c.Lines) == 0 {
		return nil
	}
	err := p.fn(c)
	c.Text, c.Lines = c.Text[:0], c.Lines[:0]
	return err
}

func parseHeader(b []byte) *Commit {
	f := strings.SplitN(string(b), "\x1f", 4)
	for len(f) < 4 {
		f = append(f, "")
	}
	return &Commit{Hash: f[0], Author: f[1], Email: f[2], Date: f[3]}
}

// unquotePath turns "b/dir/file" or "\"b/dir/t\\tab\"" into "dir/file".
func unquotePath(name string) (string, bool) {
	if strings.HasPrefix(name, `"`) {
		u, err := strconv.Unquote(name)
		if err != nil {
			return "", false
		}
		name = u
	}
	// git appends a tab after names with spaces in some versions.
	name = strings.TrimSuffix(name, "\t")
	name = strings.TrimPrefix(name, "b/")
	if name == "" || len(name) > maxPath {
		return "", false
	}
	return name, true
}
