package modelproto

import (
	"context"
	"sort"
)

// ONNX field numbers (onnx/onnx.proto3):
//
//	ModelProto:        graph = 7, opset_import = 8, functions = 25
//	OperatorSetIdProto: domain = 1
//	FunctionProto:     node = 7, opset_import = 9
//	GraphProto:        node = 1, initializer = 5, sparse_initializer = 15
//	NodeProto:         op_type = 4, attribute = 5, domain = 7
//	AttributeProto:    t = 5, g = 6, tensors = 10, graphs = 11,
//	                   sparse_tensor = 22, sparse_tensors = 23
//	SparseTensorProto: values = 1, indices = 2
//	TensorProto:       name = 8, external_data = 13
//	StringStringEntryProto: key = 1, value = 2
const (
	onnxModelGraph     = 7
	onnxModelOpset     = 8
	onnxModelFunctions = 25
	onnxOpsetDomain    = 1
	onnxFuncNode       = 7
	onnxFuncOpset      = 9
	onnxGraphNode      = 1
	onnxGraphInit      = 5
	onnxGraphSparse    = 15
	onnxNodeOpType     = 4
	onnxNodeAttr       = 5
	onnxNodeDomain     = 7
	onnxAttrT          = 5
	onnxAttrG          = 6
	onnxAttrTensors    = 10
	onnxAttrGraphs     = 11
	onnxAttrSparse     = 22
	onnxAttrSparses    = 23
	onnxSparseValues   = 1
	onnxSparseIndices  = 2
	onnxTensorName     = 8
	onnxTensorExt      = 13
	onnxEntryKey       = 1
	onnxEntryValue     = 2

	// maxCollected bounds the names collected per kind.
	maxCollected = 1000
)

// ExternalData is a tensor stored outside the model file.
type ExternalData struct {
	Tensor   string
	Location string
}

// ONNXInfo is what the ONNX walker collected.
type ONNXInfo struct {
	// Domains are the operator-set domains imported or used by nodes,
	// sorted, each once ("" is the default ONNX domain).
	Domains []string
	// CustomOps maps a domain to op types used with it.
	Ops      map[string][]string
	External []ExternalData
}

// ONNX walks an ONNX ModelProto.
func ONNX(ctx context.Context, p *Reader) (*ONNXInfo, error) {
	w := &onnxWalk{p: p, info: &ONNXInfo{Ops: map[string][]string{}}, domains: map[string]bool{}, ops: map[string]bool{}}
	err := p.Fields(ctx, 0, p.size, func(f Field) error {
		switch f.Num {
		case onnxModelOpset:
			return w.opset(ctx, f)
		case onnxModelGraph:
			return w.graph(ctx, f, 1)
		case onnxModelFunctions:
			return p.sub(ctx, f, 1, func(g Field) error {
				switch g.Num {
				case onnxFuncNode:
					return w.node(ctx, g, 2)
				case onnxFuncOpset:
					return w.opset(ctx, g)
				}
				return nil
			})
		}
		return nil
	})
	for d := range w.domains {
		w.info.Domains = append(w.info.Domains, d)
	}
	sort.Strings(w.info.Domains)
	return w.info, err
}

type onnxWalk struct {
	p       *Reader
	info    *ONNXInfo
	domains map[string]bool
	ops     map[string]bool
}

func (w *onnxWalk) opset(ctx context.Context, f Field) error {
	return w.p.sub(ctx, f, 1, func(g Field) error {
		if g.Num == onnxOpsetDomain {
			d, err := w.p.String(g)
			if err == nil && len(w.domains) < maxCollected {
				w.domains[d] = true
			}
			return err
		}
		return nil
	})
}

func (w *onnxWalk) graph(ctx context.Context, f Field, depth int) error {
	return w.p.sub(ctx, f, depth, func(g Field) error {
		switch g.Num {
		case onnxGraphNode:
			return w.node(ctx, g, depth+1)
		case onnxGraphInit:
			return w.tensor(ctx, g, depth+1)
		case onnxGraphSparse:
			return w.sparse(ctx, g, depth+1)
		}
		return nil
	})
}

func (w *onnxWalk) node(ctx context.Context, f Field, depth int) error {
	var domain, op string
	err := w.p.sub(ctx, f, depth, func(g Field) error {
		var err error
		switch g.Num {
		case onnxNodeOpType:
			op, err = w.p.String(g)
		case onnxNodeDomain:
			domain, err = w.p.String(g)
		case onnxNodeAttr:
			err = w.attr(ctx, g, depth+1)
		}
		return err
	})
	if domain != "" && len(w.ops) < maxCollected && !w.ops[domain+"\x00"+op] {
		w.ops[domain+"\x00"+op] = true
		w.domains[domain] = true
		w.info.Ops[domain] = append(w.info.Ops[domain], op)
	}
	return err
}

func (w *onnxWalk) attr(ctx context.Context, f Field, depth int) error {
	return w.p.sub(ctx, f, depth, func(g Field) error {
		switch g.Num {
		case onnxAttrT, onnxAttrTensors:
			return w.tensor(ctx, g, depth+1)
		case onnxAttrG, onnxAttrGraphs:
			return w.graph(ctx, g, depth+1)
		case onnxAttrSparse, onnxAttrSparses:
			return w.sparse(ctx, g, depth+1)
		}
		return nil
	})
}

func (w *onnxWalk) sparse(ctx context.Context, f Field, depth int) error {
	return w.p.sub(ctx, f, depth, func(g Field) error {
		if g.Num == onnxSparseValues || g.Num == onnxSparseIndices {
			return w.tensor(ctx, g, depth+1)
		}
		return nil
	})
}

func (w *onnxWalk) tensor(ctx context.Context, f Field, depth int) error {
	var name, location string
	err := w.p.sub(ctx, f, depth, func(g Field) error {
		switch g.Num {
		case onnxTensorName:
			var err error
			name, err = w.p.String(g)
			return err
		case onnxTensorExt:
			var key, value string
			err := w.p.sub(ctx, g, depth+1, func(h Field) error {
				var err error
				switch h.Num {
				case onnxEntryKey:
					key, err = w.p.String(h)
				case onnxEntryValue:
					value, err = w.p.String(h)
				}
				return err
			})
			if key == "location" {
				location = value
			}
			return err
		}
		return nil
	})
	if location != "" && len(w.info.External) < maxCollected {
		w.info.External = append(w.info.External, ExternalData{Tensor: name, Location: location})
	}
	return err
}
