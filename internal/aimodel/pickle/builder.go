package pickle

import (
	"encoding/binary"
	"strconv"
)

// Builder writes pickle opcodes for tests and fixture generators: it lets
// tests build malicious and benign pickles byte by byte without Python and
// without ever unpickling anything.
type Builder struct{ b []byte }

// Bytes returns the stream written so far.
func (b *Builder) Bytes() []byte { return b.b }

// Raw appends bytes as they are.
func (b *Builder) Raw(p ...byte) *Builder { b.b = append(b.b, p...); return b }

// Proto writes PROTO v (protocol 2 and later).
func (b *Builder) Proto(v byte) *Builder { return b.Raw(opPROTO, v) }

// Global writes GLOBAL module name (all protocols).
func (b *Builder) Global(module, name string) *Builder {
	b.b = append(b.b, opGLOBAL)
	b.b = append(b.b, module+"\n"+name+"\n"...)
	return b
}

// Inst writes INST module name, which pops to the last MARK and calls.
func (b *Builder) Inst(module, name string) *Builder {
	b.b = append(b.b, opINST)
	b.b = append(b.b, module+"\n"+name+"\n"...)
	return b
}

// StackGlobal writes STACK_GLOBAL (protocol 4 and later).
func (b *Builder) StackGlobal() *Builder { return b.Raw(opSTACK_GLOBAL) }

// String0 writes a protocol 0 STRING.
func (b *Builder) String0(s string) *Builder {
	b.b = append(b.b, opSTRING)
	b.b = append(b.b, strconv.Quote(s)+"\n"...)
	return b
}

// Unicode writes the shortest binary unicode string opcode.
func (b *Builder) Unicode(s string) *Builder {
	if len(s) < 256 {
		b.b = append(b.b, opSHORT_BINUNICODE, byte(len(s)))
	} else {
		b.b = append(b.b, opBINUNICODE)
		b.b = binary.LittleEndian.AppendUint32(b.b, uint32(len(s)))
	}
	b.b = append(b.b, s...)
	return b
}

// BinUnicode writes BINUNICODE (protocol 1 to 3 style).
func (b *Builder) BinUnicode(s string) *Builder {
	b.b = append(b.b, opBINUNICODE)
	b.b = binary.LittleEndian.AppendUint32(b.b, uint32(len(s)))
	b.b = append(b.b, s...)
	return b
}

// Int writes BININT1 or BININT.
func (b *Builder) Int(v int) *Builder {
	if v >= 0 && v < 256 {
		return b.Raw(opBININT1, byte(v))
	}
	b.b = append(b.b, opBININT)
	b.b = binary.LittleEndian.AppendUint32(b.b, uint32(v))
	return b
}

// Mark, Tuple, Tuple1, Reduce, Build, NewObj, Obj, Stop, EmptyDict,
// SetItems, Memoize, BinPut and BinGet write the opcode of that name.
func (b *Builder) Mark() *Builder         { return b.Raw(opMARK) }
func (b *Builder) Tuple() *Builder        { return b.Raw(opTUPLE) }
func (b *Builder) Tuple1() *Builder       { return b.Raw(opTUPLE1) }
func (b *Builder) Tuple2() *Builder       { return b.Raw(opTUPLE2) }
func (b *Builder) EmptyTuple() *Builder   { return b.Raw(opEMPTY_TUPLE) }
func (b *Builder) Reduce() *Builder       { return b.Raw(opREDUCE) }
func (b *Builder) Build() *Builder        { return b.Raw(opBUILD) }
func (b *Builder) NewObj() *Builder       { return b.Raw(opNEWOBJ) }
func (b *Builder) Obj() *Builder          { return b.Raw(opOBJ) }
func (b *Builder) Stop() *Builder         { return b.Raw(opSTOP) }
func (b *Builder) EmptyDict() *Builder    { return b.Raw(opEMPTY_DICT) }
func (b *Builder) SetItems() *Builder     { return b.Raw(opSETITEMS) }
func (b *Builder) SetItem() *Builder      { return b.Raw(opSETITEM) }
func (b *Builder) Memoize() *Builder      { return b.Raw(opMEMOIZE) }
func (b *Builder) BinPut(k byte) *Builder { return b.Raw(opBINPUT, k) }
func (b *Builder) BinGet(k byte) *Builder { return b.Raw(opBINGET, k) }
func (b *Builder) BinPersID() *Builder    { return b.Raw(opBINPERSID) }
func (b *Builder) NewFalse() *Builder     { return b.Raw(opNEWFALSE) }

// Frame writes a FRAME header of length n (protocol 4 and later).
func (b *Builder) Frame(n uint64) *Builder {
	b.b = append(b.b, opFRAME)
	b.b = binary.LittleEndian.AppendUint64(b.b, n)
	return b
}

// Pop writes POP.
func (b *Builder) Pop() *Builder { return b.Raw(opPOP) }
