package lang

/*
#include <stddef.h>
// Declared by the tree-sitter runtime that go-tree-sitter compiles in.
extern void ts_set_allocator(void *(*new_malloc)(size_t), void *(*new_calloc)(size_t, size_t), void *(*new_realloc)(void *, size_t), void (*new_free)(void *));
static void codeaudit_ts_default_allocator(void) { ts_set_allocator(NULL, NULL, NULL, NULL); }
*/
import "C"

import "sync"

// useCAllocator makes tree-sitter allocate with the C library directly.
//
// go-tree-sitter routes every allocation of the tree-sitter runtime
// through exported Go functions that call C.malloc again, so each malloc
// and free during a parse crosses cgo twice; that alone made parsing about
// three times slower. Resetting the runtime to its default allocator
// (plain malloc/free, which is what go-tree-sitter's defaults end up
// calling anyway, so memory allocated before the switch is still freed
// correctly) removes the round trips. No library offers this, hence the
// few lines of cgo. It is a process-wide setting applied once.
var useCAllocator = sync.OnceFunc(func() { C.codeaudit_ts_default_allocator() })
