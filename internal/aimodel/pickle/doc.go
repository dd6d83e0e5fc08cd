// Package pickle reads Python pickle streams (protocols 0 to 5) statically:
// it walks the opcodes with a simulated stack and memo, never constructs a
// Python object and never executes anything, and reports every callable the
// stream imports (GLOBAL, INST, STACK_GLOBAL, extension codes) together with
// how it is used (REDUCE, NEWOBJ, NEWOBJ_EX, OBJ, INST, BUILD).
//
// Written by hand: no Go library performs static, non-executing analysis of
// pickle opcodes, and decoding pickles into Go values (what existing Go
// pickle libraries do) is exactly what a scanner must not do.
//
// A Policy grades the imported callables: an allow-list of what model
// formats legitimately need (tensor rebuild helpers, NumPy reconstruction,
// collections, plain builtin containers) and a deny-list graded by danger.
// Everything else is unknown, which the caller reports as suspicious.
package pickle
