package pickle

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits bound the work done on one stream. The zero value of a field means
// the default below.
type Limits struct {
	// MaxOpcodes stops the walk after this many opcodes.
	MaxOpcodes int
	// MaxStack bounds the simulated stack (all mark levels together).
	MaxStack int
	// MaxMarks bounds the nesting of MARK.
	MaxMarks int
	// MaxMemo bounds the number of memo entries kept.
	MaxMemo int
	// MaxPickles bounds how many pickles written back to back are walked
	// (legacy PyTorch files hold five).
	MaxPickles int
}

// Defaults for Limits.
const (
	DefaultMaxOpcodes = 50_000_000
	DefaultMaxStack   = 1 << 20
	DefaultMaxMarks   = 1 << 16
	DefaultMaxMemo    = 1 << 20
	DefaultMaxPickles = 8

	// maxLine bounds a newline-terminated argument (GLOBAL module, INT...).
	maxLine = 64 << 10
	// maxKeptString is how much of a string value is kept for resolving
	// STACK_GLOBAL operands; module and attribute names are short.
	maxKeptString = 512
	// maxImports bounds the distinct imports recorded.
	maxImports = 4096
	// ctxEvery is how many opcodes run between context checks.
	ctxEvery = 1 << 14
	// maxTrackedItems bounds the tuples and dicts whose contents are
	// tracked (what joblib's array wrapper state needs).
	maxTrackedItems = 32
	// maxTrackedDicts bounds how many dicts are tracked per stream.
	maxTrackedDicts = 1 << 16
)

func (l Limits) withDefaults() Limits {
	if l.MaxOpcodes <= 0 {
		l.MaxOpcodes = DefaultMaxOpcodes
	}
	if l.MaxStack <= 0 {
		l.MaxStack = DefaultMaxStack
	}
	if l.MaxMarks <= 0 {
		l.MaxMarks = DefaultMaxMarks
	}
	if l.MaxMemo <= 0 {
		l.MaxMemo = DefaultMaxMemo
	}
	if l.MaxPickles <= 0 {
		l.MaxPickles = DefaultMaxPickles
	}
	return l
}

// Import is one callable the stream imports.
type Import struct {
	// Module is the Python 3 module name (Python 2 names such as
	// __builtin__ are mapped as pickle's fix_imports does).
	Module string
	Name   string
	// Opcode is the opcode that imported it: GLOBAL, INST or STACK_GLOBAL.
	Opcode string
	// Offset is the byte offset of the importing opcode in the stream.
	Offset int64
	// Uses lists how the imported object is used (REDUCE, NEWOBJ, OBJ,
	// INST, BUILD), in order of first use, without repeats.
	Uses []string
}

// Callable is "module.name".
func (i Import) Callable() string { return i.Module + "." + i.Name }

// NonLiteral is an import whose target the walker cannot name statically:
// STACK_GLOBAL operands that are not strings, or EXT1/EXT2/EXT4 extension
// codes.
type NonLiteral struct {
	Opcode string
	Offset int64
	// Detail says what was on the stack, e.g. "module is the result of a call".
	Detail string
}

// Report is what a walk found.
type Report struct {
	// Protocol is the highest PROTO seen (0 when absent).
	Protocol int
	// Pickles is the number of complete pickles (ending in STOP) walked.
	Pickles int
	// Opcodes is the number of opcodes read.
	Opcodes int
	Imports []Import
	// NonLiteral lists imports whose target is not a literal.
	NonLiteral []NonLiteral
	// Malformed is the first inconsistency met (stack underflow, unknown
	// memo key...). The walk goes on after such problems; a real
	// unpickler would have stopped there.
	Malformed string
	// Stopped is set when the walk ended before the end of the stream: the
	// reason (truncated, invalid opcode, a limit reached). Imports found
	// before that point are kept.
	Stopped string
}

// ErrNotPickle is returned when the stream does not start with a pickle
// opcode.
var ErrNotPickle = errors.New("not a pickle stream")

type valueKind uint8

const (
	kindOther valueKind = iota
	kindString
	kindCallable // an imported object
	kindCall     // the result of calling an imported object
	kindMark     // placeholder, never stored
	kindInt      // an integer that fits in int64
	kindTuple    // a tuple of at most maxTrackedItems items
	kindDict     // a dict, tracked while it has at most maxTrackedItems keys
	kindDtype    // a numpy.dtype built by REDUCE
)

type value struct {
	kind valueKind
	s    string // string content (truncated) for kindString, descr for kindDtype
	imp  int    // index in Report.Imports for kindCallable/kindCall, -1 if none
	// n is the value of kindInt, the item size of kindDtype (0: from s).
	n int64
	// elems are a kindTuple's items (small tuples only).
	elems []value
	// dict is a kindDict's entries with string keys (small dicts only);
	// shared, like the Python object, by every copy of the value.
	dict map[string]value
}

var otherValue = value{kind: kindOther, imp: -1}

type importKey struct{ module, name string }

type walker struct {
	ctx     context.Context
	nested  bool // inside a joblib object array's pickle
	r       *bufio.Reader
	off     int64
	lim     Limits
	rep     *Report
	stack   []value
	marks   []int // stack lengths at each MARK
	memo    map[uint64]value
	byName  map[importKey]int
	dicts   int  // dicts tracked so far
	track   bool // track small values: the stream uses joblib's array wrapper
	scratch []byte
}

// Walk reads pickle opcodes from r until the end of the stream, or until a
// non-pickle byte follows a complete pickle. It never returns a partial
// report together with a nil error unless Report.Stopped says why the walk
// ended early. The error is non-nil only for ErrNotPickle, a context error
// or a read error other than io.EOF.
func Walk(ctx context.Context, r io.Reader, lim Limits) (*Report, error) {
	w := &walker{
		ctx:    ctx,
		r:      bufio.NewReaderSize(r, 64<<10),
		lim:    lim.withDefaults(),
		rep:    &Report{},
		memo:   make(map[uint64]value),
		byName: make(map[importKey]int),
	}
	first, err := w.r.Peek(1)
	if err != nil || !isOpcode(first[0]) {
		return nil, ErrNotPickle
	}
	for {
		err := w.one(ctx)
		if err == nil {
			w.rep.Pickles++
			if w.rep.Pickles >= w.lim.MaxPickles {
				return w.rep, nil
			}
			// Another pickle may follow (legacy PyTorch); only a PROTO
			// opcode is taken as the start of one.
			b, perr := w.r.Peek(2)
			if perr != nil || b[0] != opPROTO || b[1] > 5 {
				return w.rep, nil
			}
			w.stack, w.marks = w.stack[:0], w.marks[:0]
			clear(w.memo)
			continue
		}
		var stop *stopError
		switch {
		case errors.As(err, &stop):
			w.rep.Stopped = stop.msg
			return w.rep, nil
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			w.rep.Stopped = fmt.Sprintf("truncated at offset %d", w.off)
			return w.rep, nil
		default:
			return w.rep, err
		}
	}
}

type stopError struct{ msg string }

func (e *stopError) Error() string { return e.msg }

func (w *walker) stop(format string, args ...any) error {
	return &stopError{msg: fmt.Sprintf(format, args...)}
}

func (w *walker) malformed(format string, args ...any) {
	if w.rep.Malformed == "" {
		w.rep.Malformed = fmt.Sprintf(format, args...)
	}
}

// one walks a single pickle up to and including STOP.
func (w *walker) one(ctx context.Context) error {
	for {
		if w.rep.Opcodes%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if w.rep.Opcodes >= w.lim.MaxOpcodes {
			return w.stop("opcode limit %d reached", w.lim.MaxOpcodes)
		}
		at := w.off
		op, err := w.byte()
		if err != nil {
			return err
		}
		w.rep.Opcodes++
		done, err := w.exec(op, at)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

func (w *walker) byte() (byte, error) {
	b, err := w.r.ReadByte()
	if err == nil {
		w.off++
	}
	return b, err
}

func (w *walker) bytes(n int) ([]byte, error) {
	if cap(w.scratch) < n {
		w.scratch = make([]byte, n)
	}
	b := w.scratch[:n]
	m, err := io.ReadFull(w.r, b)
	w.off += int64(m)
	return b, err
}

func (w *walker) uint(n int) (uint64, error) {
	b, err := w.bytes(n)
	if err != nil {
		return 0, err
	}
	var v uint64
	for i := n - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v, nil
}

// line reads a newline-terminated argument without the newline.
func (w *walker) line() (string, error) {
	chunk, err := w.r.ReadSlice('\n')
	if err == nil {
		// The common case: the whole line is in the buffer.
		w.off += int64(len(chunk))
		return strings.TrimSuffix(string(chunk[:len(chunk)-1]), "\r"), nil
	}
	var sb strings.Builder
	for first := true; ; first = false {
		if !first {
			chunk, err = w.r.ReadSlice('\n')
		}
		w.off += int64(len(chunk))
		if sb.Len()+len(chunk) > maxLine {
			return "", w.stop("argument line longer than %d bytes at offset %d", maxLine, w.off)
		}
		sb.Write(chunk)
		if err == nil {
			s := sb.String()
			return strings.TrimSuffix(s[:len(s)-1], "\r"), nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return "", err
		}
	}
}

// data reads a length-prefixed argument, keeping at most maxKeptString
// bytes and skipping the rest without buffering it.
func (w *walker) data(n uint64) (string, error) {
	keep := n
	if keep > maxKeptString {
		keep = maxKeptString
	}
	b, err := w.bytes(int(keep))
	if err != nil {
		return "", err
	}
	s := string(b)
	if rest := n - keep; rest > 0 {
		m, err := w.r.Discard(int(min(rest, uint64(1<<62))))
		w.off += int64(m)
		if err != nil {
			return "", err
		}
	}
	return s, nil
}

func (w *walker) push(v value) error {
	if len(w.stack) >= w.lim.MaxStack {
		return w.stop("stack limit %d reached at offset %d", w.lim.MaxStack, w.off)
	}
	w.stack = append(w.stack, v)
	return nil
}

func (w *walker) base() int {
	if len(w.marks) == 0 {
		return 0
	}
	return w.marks[len(w.marks)-1]
}

func (w *walker) pop(op string) value {
	if len(w.stack) <= w.base() {
		w.malformed("%s on an empty stack at offset %d", op, w.off)
		return otherValue
	}
	v := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	return v
}

func (w *walker) top(op string) value {
	if len(w.stack) <= w.base() {
		w.malformed("%s on an empty stack at offset %d", op, w.off)
		return otherValue
	}
	return w.stack[len(w.stack)-1]
}

// popMark removes the items above the last MARK and returns the first of
// them (or otherValue when there is none).
func (w *walker) popMark(op string) (first value, n int) {
	first, n, _ = w.popMarkItems(op, false)
	return first, n
}

// popMarkItems is popMark that also returns a copy of the items when
// there are at most maxTrackedItems of them and keep is set.
func (w *walker) popMarkItems(op string, keep bool) (first value, n int, items []value) {
	if len(w.marks) == 0 {
		w.malformed("%s without MARK at offset %d", op, w.off)
		return otherValue, 0, nil
	}
	b := w.marks[len(w.marks)-1]
	w.marks = w.marks[:len(w.marks)-1]
	first = otherValue
	if len(w.stack) > b {
		first = w.stack[b]
	}
	n = len(w.stack) - b
	if keep && n <= maxTrackedItems {
		items = append([]value(nil), w.stack[b:]...)
	}
	w.stack = w.stack[:b]
	return first, n, items
}

func (w *walker) addImport(module, name, opcode string, at int64) value {
	module = py2Module(module)
	key := importKey{module, name}
	if i, ok := w.byName[key]; ok {
		return value{kind: kindCallable, imp: i}
	}
	if len(w.rep.Imports) >= maxImports {
		return value{kind: kindCallable, imp: -1}
	}
	if name == "NumpyArrayWrapper" && strings.HasSuffix(module, "joblib.numpy_pickle") {
		w.track = true
	}
	w.rep.Imports = append(w.rep.Imports, Import{Module: module, Name: name, Opcode: opcode, Offset: at})
	w.byName[key] = len(w.rep.Imports) - 1
	return value{kind: kindCallable, imp: len(w.rep.Imports) - 1}
}

func (w *walker) use(v value, how string) value {
	if v.kind != kindCallable && v.kind != kindCall || v.imp < 0 {
		return otherValue
	}
	imp := &w.rep.Imports[v.imp]
	seen := false
	for _, u := range imp.Uses {
		if u == how {
			seen = true
			break
		}
	}
	if !seen {
		imp.Uses = append(imp.Uses, how)
	}
	return value{kind: kindCall, imp: v.imp}
}

func (w *walker) nonLiteral(op string, at int64, detail string) {
	if len(w.rep.NonLiteral) < maxImports {
		w.rep.NonLiteral = append(w.rep.NonLiteral, NonLiteral{Opcode: op, Offset: at, Detail: detail})
	}
}

func describe(v value) string {
	switch v.kind {
	case kindString:
		return "a string"
	case kindCallable:
		return "an imported object"
	case kindCall:
		return "the result of a call"
	default:
		return "not a string"
	}
}

func (w *walker) memoPut(k uint64, at int64, op string) {
	v := w.top(op)
	if _, ok := w.memo[k]; !ok && len(w.memo) >= w.lim.MaxMemo {
		w.malformed("memo limit %d reached at offset %d", w.lim.MaxMemo, at)
		return
	}
	w.memo[k] = v
}

func (w *walker) memoGet(k uint64, at int64) error {
	v, ok := w.memo[k]
	if !ok {
		w.malformed("memo key %d read before it was written at offset %d", k, at)
		v = otherValue
	}
	return w.push(v)
}

func parseDecimal(s string) (uint64, bool) {
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	return n, err == nil
}

// unquote decodes the argument of the protocol 0 STRING opcode as far as
// needed to name modules: the surrounding quotes are removed, escapes are
// kept as written.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

func keep(s string) string {
	if len(s) > maxKeptString {
		return s[:maxKeptString]
	}
	return s
}
