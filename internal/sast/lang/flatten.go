package lang

/*
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

// The few tree-sitter declarations flattening needs, as in
// tree_sitter/api.h of the runtime go-tree-sitter v0.25 compiles in.
typedef struct { uint32_t context[4]; const void *id; const void *tree; } ca_ts_node;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } ca_ts_cursor;
extern ca_ts_cursor ts_tree_cursor_new(ca_ts_node);
extern void ts_tree_cursor_delete(ca_ts_cursor *);
extern ca_ts_node ts_tree_cursor_current_node(const ca_ts_cursor *);
extern uint16_t ts_tree_cursor_current_field_id(const ca_ts_cursor *);
extern bool ts_tree_cursor_goto_first_child(ca_ts_cursor *);
extern bool ts_tree_cursor_goto_next_sibling(ca_ts_cursor *);
extern bool ts_tree_cursor_goto_parent(ca_ts_cursor *);
extern uint16_t ts_node_symbol(ca_ts_node);
extern uint32_t ts_node_start_byte(ca_ts_node);
extern uint32_t ts_node_end_byte(ca_ts_node);
extern bool ts_node_is_missing(ca_ts_node);
extern uint32_t ts_node_child_count(ca_ts_node);
extern uint32_t ts_node_descendant_count(ca_ts_node);

typedef struct { uint16_t symbol, field; uint32_t start, end; uint16_t depth, flags; } ca_entry;

// ca_flatten writes the tree below root in preorder, at most cap nodes and
// max_depth levels, and returns how many it wrote. *cut is set when
// anything was left out.
static uint32_t ca_flatten(ca_ts_node root, ca_entry *out, uint32_t cap, uint16_t max_depth, int *cut) {
	ca_ts_cursor c = ts_tree_cursor_new(root);
	uint32_t n = 0;
	uint16_t depth = 0;
	*cut = 0;
	for (;;) {
		if (n == cap) { *cut = 1; break; }
		ca_ts_node node = ts_tree_cursor_current_node(&c);
		ca_entry *e = &out[n++];
		e->symbol = ts_node_symbol(node);
		e->field = ts_tree_cursor_current_field_id(&c);
		e->start = ts_node_start_byte(node);
		e->end = ts_node_end_byte(node);
		e->depth = depth;
		e->flags = 0;
		if (e->start == e->end && ts_node_is_missing(node)) e->flags |= 1;
		if (depth < max_depth) {
			if (ts_tree_cursor_goto_first_child(&c)) { depth++; continue; }
		} else if (ts_node_child_count(node) > 0) {
			*cut = 1;
			e->flags |= 2;
		}
		for (;;) {
			if (depth > 0 && ts_tree_cursor_goto_next_sibling(&c)) break;
			if (depth == 0 || !ts_tree_cursor_goto_parent(&c)) { ts_tree_cursor_delete(&c); return n; }
			depth--;
		}
	}
	ts_tree_cursor_delete(&c);
	return n;
}

static uint32_t ca_descendants(ca_ts_node root) { return ts_node_descendant_count(root); }
*/
import "C"

import (
	"unsafe"

	sitter "github.com/tree-sitter/go-tree-sitter"
)

// Entry is one node of a flattened tree, in preorder.
type Entry struct {
	Symbol, Field uint16
	Start, End    uint32
	Depth         uint16
	Flags         uint16
}

// Entry flags.
const (
	// FlagMissing marks a node the parser inserted to recover from an
	// error.
	FlagMissing = 1
	// FlagCut marks a node whose children were left out (depth limit).
	FlagCut = 2
)

// go-tree-sitter's Node is exactly a C TSNode; flattening reads it as one.
// These fail to compile if either layout changes.
var (
	_ [unsafe.Sizeof(sitter.Node{}) - unsafe.Sizeof(C.ca_ts_node{})]byte
	_ [unsafe.Sizeof(C.ca_ts_node{}) - unsafe.Sizeof(sitter.Node{})]byte
	_ [unsafe.Sizeof(Entry{}) - unsafe.Sizeof(C.ca_entry{})]byte
	_ [unsafe.Sizeof(C.ca_entry{}) - unsafe.Sizeof(Entry{})]byte
)

// Flatten copies a tree into Go memory in one cgo call: every node in
// preorder with its kind id, field id, byte span and depth, at most
// maxNodes nodes and maxDepth levels (cut reports whether anything was
// left out). Walking the tree from Go instead costs several cgo calls per
// node, more than the parse itself.
func Flatten(tree *sitter.Tree, maxNodes int, maxDepth uint16) (entries []Entry, cut bool) {
	return FlattenInto(nil, tree, maxNodes, maxDepth)
}

// FlattenInto is Flatten writing into buf when it is large enough, so
// that a caller can reuse one buffer across files.
func FlattenInto(buf []Entry, tree *sitter.Tree, maxNodes int, maxDepth uint16) (entries []Entry, cut bool) {
	root := tree.RootNode()
	// codeaudit:ignore go.lang.unsafe-package -- reads go-tree-sitter's node as the C struct it wraps; a compile-time size check guards the layout
	croot := *(*C.ca_ts_node)(unsafe.Pointer(root))
	n := int(C.ca_descendants(croot))
	capped := false
	if n > maxNodes {
		n, capped = maxNodes, true
	}
	if n == 0 {
		return nil, false
	}
	if cap(buf) >= n {
		entries = buf[:n]
	} else {
		entries = make([]Entry, n)
	}
	var ccut C.int
	// codeaudit:ignore go.lang.unsafe-package -- hands C the Go slice backing array to fill; Entry mirrors ca_entry
	got := C.ca_flatten(croot, (*C.ca_entry)(unsafe.Pointer(&entries[0])), C.uint32_t(n), C.uint16_t(maxDepth), &ccut)
	return entries[:got], capped || ccut != 0
}
