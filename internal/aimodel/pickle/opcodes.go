package pickle

import (
	"strconv"
	"strings"
)

// Opcodes of protocols 0 to 5, as defined by CPython's Lib/pickle.py.
const (
	opMARK            = '('
	opSTOP            = '.'
	opPOP             = '0'
	opPOP_MARK        = '1'
	opDUP             = '2'
	opFLOAT           = 'F'
	opINT             = 'I'
	opBININT          = 'J'
	opBININT1         = 'K'
	opLONG            = 'L'
	opBININT2         = 'M'
	opNONE            = 'N'
	opPERSID          = 'P'
	opBINPERSID       = 'Q'
	opREDUCE          = 'R'
	opSTRING          = 'S'
	opBINSTRING       = 'T'
	opSHORT_BINSTRING = 'U'
	opUNICODE         = 'V'
	opBINUNICODE      = 'X'
	opAPPEND          = 'a'
	opBUILD           = 'b'
	opGLOBAL          = 'c'
	opDICT            = 'd'
	opEMPTY_DICT      = '}'
	opAPPENDS         = 'e'
	opGET             = 'g'
	opBINGET          = 'h'
	opINST            = 'i'
	opLONG_BINGET     = 'j'
	opLIST            = 'l'
	opEMPTY_LIST      = ']'
	opOBJ             = 'o'
	opPUT             = 'p'
	opBINPUT          = 'q'
	opLONG_BINPUT     = 'r'
	opSETITEM         = 's'
	opTUPLE           = 't'
	opEMPTY_TUPLE     = ')'
	opSETITEMS        = 'u'
	opBINFLOAT        = 'G'

	opPROTO    = 0x80
	opNEWOBJ   = 0x81
	opEXT1     = 0x82
	opEXT2     = 0x83
	opEXT4     = 0x84
	opTUPLE1   = 0x85
	opTUPLE2   = 0x86
	opTUPLE3   = 0x87
	opNEWTRUE  = 0x88
	opNEWFALSE = 0x89
	opLONG1    = 0x8a
	opLONG4    = 0x8b

	opBINBYTES       = 'B'
	opSHORT_BINBYTES = 'C'

	opSHORT_BINUNICODE = 0x8c
	opBINUNICODE8      = 0x8d
	opBINBYTES8        = 0x8e
	opEMPTY_SET        = 0x8f
	opADDITEMS         = 0x90
	opFROZENSET        = 0x91
	opNEWOBJ_EX        = 0x92
	opSTACK_GLOBAL     = 0x93
	opMEMOIZE          = 0x94
	opFRAME            = 0x95

	opBYTEARRAY8      = 0x96
	opNEXT_BUFFER     = 0x97
	opREADONLY_BUFFER = 0x98
)

// isOpcode reports whether b is a valid opcode of some protocol.
func isOpcode(b byte) bool {
	switch b {
	case opMARK, opSTOP, opPOP, opPOP_MARK, opDUP, opFLOAT, opINT, opBININT,
		opBININT1, opLONG, opBININT2, opNONE, opPERSID, opBINPERSID, opREDUCE,
		opSTRING, opBINSTRING, opSHORT_BINSTRING, opUNICODE, opBINUNICODE,
		opAPPEND, opBUILD, opGLOBAL, opDICT, opEMPTY_DICT, opAPPENDS, opGET,
		opBINGET, opINST, opLONG_BINGET, opLIST, opEMPTY_LIST, opOBJ, opPUT,
		opBINPUT, opLONG_BINPUT, opSETITEM, opTUPLE, opEMPTY_TUPLE, opSETITEMS,
		opBINFLOAT, opBINBYTES, opSHORT_BINBYTES:
		return true
	}
	return b >= opPROTO && b <= opREADONLY_BUFFER
}

// exec simulates one opcode. It reports done at STOP.
func (w *walker) exec(op byte, at int64) (done bool, err error) {
	switch op {
	case opSTOP:
		return true, nil
	case opMARK:
		if len(w.marks) >= w.lim.MaxMarks {
			return false, w.stop("MARK nesting limit %d reached at offset %d", w.lim.MaxMarks, at)
		}
		w.marks = append(w.marks, len(w.stack))
	case opPOP:
		if len(w.stack) > w.base() {
			w.stack = w.stack[:len(w.stack)-1]
		} else {
			w.popMark("POP")
		}
	case opPOP_MARK:
		w.popMark("POP_MARK")
	case opDUP:
		return false, w.push(w.top("DUP"))

	// Scalars.
	case opNONE, opNEWTRUE, opNEWFALSE, opEMPTY_LIST, opEMPTY_SET, opNEXT_BUFFER:
		return false, w.push(otherValue)
	case opEMPTY_TUPLE:
		if !w.track {
			return false, w.push(otherValue)
		}
		return false, w.push(value{kind: kindTuple, imp: -1})
	case opEMPTY_DICT:
		return false, w.push(w.newDict(nil))
	case opREADONLY_BUFFER:
		w.top("READONLY_BUFFER")
	case opINT, opLONG, opFLOAT:
		s, err := w.line()
		if err != nil {
			return false, err
		}
		if n, err := strconv.ParseInt(strings.TrimSuffix(s, "L"), 10, 64); err == nil && op != opFLOAT {
			return false, w.push(value{kind: kindInt, n: n, imp: -1})
		}
		return false, w.push(otherValue)
	case opBININT1, opBININT2:
		size := 1
		if op == opBININT2 {
			size = 2
		}
		n, err := w.uint(size)
		if err != nil {
			return false, err
		}
		return false, w.push(value{kind: kindInt, n: int64(n), imp: -1})
	case opBININT:
		n, err := w.uint(4)
		if err != nil {
			return false, err
		}
		return false, w.push(value{kind: kindInt, n: int64(int32(uint32(n))), imp: -1})
	case opBINFLOAT:
		return false, w.skipPush(8)
	case opLONG1:
		n, err := w.uint(1)
		if err != nil {
			return false, err
		}
		return false, w.dataPush(n, kindOther)
	case opLONG4:
		n, err := w.uint(4)
		if err != nil {
			return false, err
		}
		return false, w.dataPush(n, kindOther)

	// Strings and bytes.
	case opSTRING:
		s, err := w.line()
		if err != nil {
			return false, err
		}
		return false, w.push(value{kind: kindString, s: keep(unquote(s)), imp: -1})
	case opUNICODE:
		s, err := w.line()
		if err != nil {
			return false, err
		}
		return false, w.push(value{kind: kindString, s: keep(s), imp: -1})
	case opSHORT_BINSTRING, opSHORT_BINUNICODE:
		n, err := w.uint(1)
		if err != nil {
			return false, err
		}
		return false, w.dataPush(n, kindString)
	case opBINSTRING, opBINUNICODE:
		n, err := w.uint(4)
		if err != nil {
			return false, err
		}
		return false, w.dataPush(n, kindString)
	case opBINUNICODE8:
		n, err := w.uint(8)
		if err != nil {
			return false, err
		}
		return false, w.dataPush(n, kindString)
	case opSHORT_BINBYTES:
		n, err := w.uint(1)
		if err != nil {
			return false, err
		}
		return false, w.dataPush(n, kindOther)
	case opBINBYTES:
		n, err := w.uint(4)
		if err != nil {
			return false, err
		}
		return false, w.dataPush(n, kindOther)
	case opBINBYTES8, opBYTEARRAY8:
		n, err := w.uint(8)
		if err != nil {
			return false, err
		}
		return false, w.dataPush(n, kindOther)

	// Containers.
	case opAPPEND:
		w.pop("APPEND")
		w.top("APPEND")
	case opAPPENDS, opADDITEMS:
		w.popMark(opName(op))
		w.top(opName(op))
	case opSETITEMS:
		_, _, items := w.popMarkItems("SETITEMS", w.track)
		w.setItems(w.top("SETITEMS"), items)
	case opSETITEM:
		v := w.pop("SETITEM")
		k := w.pop("SETITEM")
		w.setItems(w.top("SETITEM"), []value{k, v})
	case opLIST, opFROZENSET:
		w.popMark(opName(op))
		return false, w.push(otherValue)
	case opDICT:
		_, _, items := w.popMarkItems("DICT", w.track)
		return false, w.push(w.newDict(items))
	case opTUPLE:
		_, n, items := w.popMarkItems("TUPLE", w.track)
		if !w.track || items == nil && n > 0 {
			return false, w.push(otherValue)
		}
		return false, w.push(value{kind: kindTuple, elems: items, imp: -1})
	case opTUPLE1, opTUPLE2, opTUPLE3:
		n := int(op-opTUPLE1) + 1
		if !w.track {
			for range n {
				w.pop("TUPLE")
			}
			return false, w.push(otherValue)
		}
		items := make([]value, n)
		for i := n - 1; i >= 0; i-- {
			items[i] = w.pop("TUPLE")
		}
		return false, w.push(value{kind: kindTuple, elems: items, imp: -1})

	// Memo.
	case opPUT:
		s, err := w.line()
		if err != nil {
			return false, err
		}
		k, ok := parseDecimal(s)
		if !ok {
			w.malformed("PUT with a non-numeric key at offset %d", at)
			return false, nil
		}
		w.memoPut(k, at, "PUT")
	case opBINPUT:
		k, err := w.uint(1)
		if err != nil {
			return false, err
		}
		w.memoPut(k, at, "BINPUT")
	case opLONG_BINPUT:
		k, err := w.uint(4)
		if err != nil {
			return false, err
		}
		w.memoPut(k, at, "LONG_BINPUT")
	case opMEMOIZE:
		w.memoPut(uint64(len(w.memo)), at, "MEMOIZE")
	case opGET:
		s, err := w.line()
		if err != nil {
			return false, err
		}
		k, ok := parseDecimal(s)
		if !ok {
			w.malformed("GET with a non-numeric key at offset %d", at)
			return false, w.push(otherValue)
		}
		return false, w.memoGet(k, at)
	case opBINGET:
		k, err := w.uint(1)
		if err != nil {
			return false, err
		}
		return false, w.memoGet(k, at)
	case opLONG_BINGET:
		k, err := w.uint(4)
		if err != nil {
			return false, err
		}
		return false, w.memoGet(k, at)

	// Imports and calls.
	case opGLOBAL, opINST:
		module, err := w.line()
		if err != nil {
			return false, err
		}
		name, err := w.line()
		if err != nil {
			return false, err
		}
		v := w.addImport(keep(module), keep(name), opName(op), at)
		if op == opINST {
			w.popMark("INST")
			v = w.use(v, "INST")
		}
		return false, w.push(v)
	case opSTACK_GLOBAL:
		name := w.pop("STACK_GLOBAL")
		module := w.pop("STACK_GLOBAL")
		if module.kind != kindString || name.kind != kindString {
			detail := "module is " + describe(module) + ", name is " + describe(name)
			w.nonLiteral("STACK_GLOBAL", at, detail)
			return false, w.push(otherValue)
		}
		return false, w.push(w.addImport(module.s, name.s, "STACK_GLOBAL", at))
	case opEXT1, opEXT2, opEXT4:
		n := 1
		if op == opEXT2 {
			n = 2
		} else if op == opEXT4 {
			n = 4
		}
		code, err := w.uint(n)
		if err != nil {
			return false, err
		}
		w.nonLiteral(opName(op), at, "copyreg extension code "+strconv.FormatUint(code, 10))
		return false, w.push(otherValue)
	case opREDUCE:
		args := w.pop("REDUCE")
		fn := w.pop("REDUCE")
		res := w.use(fn, "REDUCE")
		if d, ok := w.dtype(fn, args); ok {
			res = d
		}
		return false, w.push(res)
	case opNEWOBJ:
		w.pop("NEWOBJ")
		return false, w.push(w.use(w.pop("NEWOBJ"), "NEWOBJ"))
	case opNEWOBJ_EX:
		w.pop("NEWOBJ_EX")
		w.pop("NEWOBJ_EX")
		return false, w.push(w.use(w.pop("NEWOBJ_EX"), "NEWOBJ_EX"))
	case opOBJ:
		cls, n := w.popMark("OBJ")
		if n == 0 {
			w.malformed("OBJ without a class at offset %d", at)
		}
		return false, w.push(w.use(cls, "OBJ"))
	case opBUILD:
		state := w.pop("BUILD")
		v := w.top("BUILD")
		w.use(v, "BUILD")
		if v.kind == kindDtype && len(w.stack) > 0 {
			w.stack[len(w.stack)-1] = dtypeState(v, state)
		}
		if w.isJoblibWrapper(v) {
			return false, w.joblibArray(state)
		}
	case opPERSID:
		if _, err := w.line(); err != nil {
			return false, err
		}
		return false, w.push(otherValue)
	case opBINPERSID:
		w.pop("BINPERSID")
		return false, w.push(otherValue)

	// Framing.
	case opPROTO:
		v, err := w.uint(1)
		if err != nil {
			return false, err
		}
		if v > 5 {
			w.malformed("unsupported protocol %d at offset %d", v, at)
		}
		if int(v) > w.rep.Protocol {
			w.rep.Protocol = int(v)
		}
	case opFRAME:
		if _, err := w.uint(8); err != nil {
			return false, err
		}
	default:
		return false, w.stop("invalid opcode 0x%02x at offset %d", op, at)
	}
	return false, nil
}

func (w *walker) skipPush(n int) error {
	if _, err := w.bytes(n); err != nil {
		return err
	}
	return w.push(otherValue)
}

func (w *walker) dataPush(n uint64, k valueKind) error {
	s, err := w.data(n)
	if err != nil {
		return err
	}
	if k == kindString {
		return w.push(value{kind: kindString, s: s, imp: -1})
	}
	return w.push(otherValue)
}

func opName(op byte) string {
	switch op {
	case opGLOBAL:
		return "GLOBAL"
	case opINST:
		return "INST"
	case opAPPENDS:
		return "APPENDS"
	case opSETITEMS:
		return "SETITEMS"
	case opADDITEMS:
		return "ADDITEMS"
	case opLIST:
		return "LIST"
	case opTUPLE:
		return "TUPLE"
	case opDICT:
		return "DICT"
	case opFROZENSET:
		return "FROZENSET"
	case opEXT1:
		return "EXT1"
	case opEXT2:
		return "EXT2"
	case opEXT4:
		return "EXT4"
	}
	return "opcode"
}
