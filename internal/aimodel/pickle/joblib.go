package pickle

import (
	"strconv"
	"strings"
)

// joblib writes NumPy arrays into the pickle stream itself: right after
// the BUILD of a joblib.numpy_pickle.NumpyArrayWrapper come the array's
// bytes. Object arrays are a nested pickle; other arrays are raw data,
// preceded (when the state has numpy_array_alignment_bytes) by one byte
// giving a padding length and that many padding bytes. The data length is
// shape x item size, read from the wrapper's state dict:
// {'subclass', 'shape': (3, 4), 'order', 'dtype': numpy.dtype('f8', ...),
// 'allow_mmap', 'numpy_array_alignment_bytes': 16}. The walker tracks just
// enough values (small ints, tuples and dicts, numpy dtypes) to compute it.

// Tracking starts when the stream imports the wrapper (w.track): pickles
// without joblib arrays pay nothing for it.

// maxJoblibArray bounds the array bytes skipped at once.
const maxJoblibArray = 1 << 40

func (w *walker) newDict(items []value) value {
	if !w.track || w.dicts >= maxTrackedDicts {
		return otherValue
	}
	w.dicts++
	v := value{kind: kindDict, dict: map[string]value{}, imp: -1}
	w.setItems(v, items)
	return v
}

// setItems stores key/value pairs with string keys in a tracked dict.
func (w *walker) setItems(d value, items []value) {
	if d.kind != kindDict {
		return
	}
	for i := 0; i+1 < len(items); i += 2 {
		if items[i].kind == kindString && len(d.dict) < maxTrackedItems {
			d.dict[items[i].s] = items[i+1]
		}
	}
}

// dtype recognises numpy.dtype(descr, align, copy) built by REDUCE.
func (w *walker) dtype(fn, args value) (value, bool) {
	if fn.kind != kindCallable || fn.imp < 0 || args.kind != kindTuple || len(args.elems) == 0 || args.elems[0].kind != kindString {
		return value{}, false
	}
	imp := w.rep.Imports[fn.imp]
	switch {
	case imp.Name == "dtype" && (imp.Module == "numpy" || strings.HasSuffix(imp.Module, "core.multiarray")):
	case imp.Module == "numpy.dtypes":
	default:
		return value{}, false
	}
	return value{kind: kindDtype, s: args.elems[0].s, imp: fn.imp}, true
}

// dtypeState takes the item size from a dtype's BUILD state tuple
// (version, byte order, subarray, names, fields, elsize, alignment,
// flags) when it is set (structured and void types).
func dtypeState(d, state value) value {
	if state.kind == kindTuple && len(state.elems) >= 6 && state.elems[5].kind == kindInt && state.elems[5].n > 0 {
		d.n = state.elems[5].n
	}
	return d
}

// itemSize is the size in bytes of one element of a dtype.
func itemSize(d value) (int64, bool) {
	if d.n > 0 {
		return d.n, true
	}
	s := strings.TrimLeft(d.s, "<>|=")
	if i := strings.IndexByte(s, '['); i >= 0 {
		s = s[:i] // datetime units: M8[ns]
	}
	if s == "?" || s == "b" || s == "B" {
		return 1, true
	}
	j := 0
	for j < len(s) && (s[j] < '0' || s[j] > '9') {
		j++
	}
	if j == 0 || j == len(s) {
		return 0, false
	}
	n, err := strconv.ParseInt(s[j:], 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	switch s[:j] {
	case "U":
		return 4 * n, true
	case "O":
		return 0, false
	}
	return n, true
}

// arrayBytes computes shape x item size from a wrapper state dict.
func arrayBytes(state value) (size int64, align bool, ok bool) {
	if state.kind != kindDict {
		return 0, false, false
	}
	shape, dt := state.dict["shape"], state.dict["dtype"]
	if shape.kind != kindTuple || dt.kind != kindDtype {
		return 0, false, false
	}
	size, ok = itemSize(dt)
	if !ok {
		return 0, false, false
	}
	for _, d := range shape.elems {
		if d.kind != kindInt || d.n < 0 {
			return 0, false, false
		}
		if d.n != 0 && size > maxJoblibArray/d.n {
			return 0, false, false
		}
		size *= d.n
	}
	a := state.dict["numpy_array_alignment_bytes"]
	return size, a.kind == kindInt && a.n > 0, true
}

func (w *walker) isJoblibWrapper(v value) bool {
	if v.kind != kindCall || v.imp < 0 {
		return false
	}
	imp := w.rep.Imports[v.imp]
	return imp.Name == "NumpyArrayWrapper" && strings.HasSuffix(imp.Module, "joblib.numpy_pickle")
}

// joblibArray walks (object arrays) or skips (other arrays) what joblib
// wrote after a NumpyArrayWrapper, then lets the outer walk resume. When
// the length cannot be computed the walk stops.
func (w *walker) joblibArray(state value) error {
	b, err := w.r.Peek(2)
	if err == nil && b[0] == opPROTO && b[1] >= 2 && b[1] <= 5 && !w.nested {
		stack, marks, memo := w.stack, w.marks, w.memo
		w.stack, w.marks, w.memo = nil, nil, make(map[uint64]value)
		w.nested = true
		err = w.one(w.ctx)
		w.nested = false
		w.stack, w.marks, w.memo = stack, marks, memo
		return err
	}
	size, align, ok := arrayBytes(state)
	if !ok {
		return w.stop("joblib array data follows at offset %d with a size the walker cannot compute; the rest of the stream was not walked", w.off)
	}
	if align {
		pad, err := w.uint(1)
		if err != nil {
			return err
		}
		if _, err := w.skip(int64(pad)); err != nil {
			return err
		}
	}
	_, err = w.skip(size)
	return err
}

func (w *walker) skip(n int64) (int64, error) {
	m, err := w.r.Discard(int(n))
	w.off += int64(m)
	return int64(m), err
}
