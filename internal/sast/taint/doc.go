// Package taint tracks untrusted data from sources to sinks for the
// taint-mode rules of package rule.
//
// Each function (and each file's top-level code) is interpreted
// abstractly over the normalised syntax tree of package syntax, which
// serves as the dataflow IR: statements are visited in control-flow order,
// branches fork the state and join it again, loops are visited twice, and
// code after return is dead. The state maps access paths (x, x.f,
// this.f, m[a], list[0]) to taint and to constant values, so that
// branches with constant conditions (if, switch, ternaries) are pruned,
// collections are tracked by constant key and index, and fields of
// objects and receivers are kept apart.
//
// Taint carries the source's label and a trace of steps. Functions get
// summaries (which parameters reach the return value, which reach a sink,
// which sources are returned), computed over all files of a language with
// a worklist until nothing changes; calls resolve across files by name,
// arity and receiver (class, module, package or import). Limits on steps,
// rounds, fan-out and trace length are named constants.
package taint
