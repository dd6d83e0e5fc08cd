package modelproto

import (
	"context"
	"sort"
)

// TensorFlow field numbers (tensorflow/core/protobuf/saved_model.proto,
// meta_graph.proto, framework/graph.proto, node_def.proto, function.proto):
//
//	SavedModel:         meta_graphs = 2
//	MetaGraphDef:       graph_def = 2
//	GraphDef:           node = 1, library = 2
//	FunctionDefLibrary: function = 1
//	FunctionDef:        node_def = 3
//	NodeDef:            name = 1, op = 2
const (
	tfSavedModelMetaGraphs = 2
	tfMetaGraphGraphDef    = 2
	tfGraphNode            = 1
	tfGraphLibrary         = 2
	tfLibraryFunction      = 1
	tfFunctionNodeDef      = 3
	tfNodeName             = 1
	tfNodeOp               = 2
)

// Op is an operation type used by a graph and the nodes using it.
type Op struct {
	Op    string
	Nodes []string
}

// SavedModelOps returns the operations of every graph and function in a
// saved_model.pb for which want returns true, sorted by name.
func SavedModelOps(ctx context.Context, p *Reader, want func(op string) bool) ([]Op, error) {
	found := map[string][]string{}
	node := func(f Field) error {
		var name, op string
		err := p.sub(ctx, f, 5, func(g Field) error {
			var err error
			switch g.Num {
			case tfNodeName:
				name, err = p.String(g)
			case tfNodeOp:
				op, err = p.String(g)
			}
			return err
		})
		if op != "" && want(op) && len(found[op]) < maxCollected {
			found[op] = append(found[op], name)
		}
		return err
	}
	err := p.Fields(ctx, 0, p.size, func(f Field) error {
		if f.Num != tfSavedModelMetaGraphs {
			return nil
		}
		return p.sub(ctx, f, 1, func(f Field) error {
			if f.Num != tfMetaGraphGraphDef {
				return nil
			}
			return p.sub(ctx, f, 2, func(f Field) error {
				switch f.Num {
				case tfGraphNode:
					return node(f)
				case tfGraphLibrary:
					return p.sub(ctx, f, 3, func(f Field) error {
						if f.Num != tfLibraryFunction {
							return nil
						}
						return p.sub(ctx, f, 4, func(f Field) error {
							if f.Num == tfFunctionNodeDef {
								return node(f)
							}
							return nil
						})
					})
				}
				return nil
			})
		})
	})
	var ops []Op
	for op, nodes := range found {
		ops = append(ops, Op{Op: op, Nodes: nodes})
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Op < ops[j].Op })
	return ops, err
}
