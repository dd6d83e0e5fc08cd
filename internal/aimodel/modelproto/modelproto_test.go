package modelproto_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/aimodel/modelproto"
)

func reader(b []byte) *modelproto.Reader {
	return modelproto.NewReader(bytes.NewReader(b), int64(len(b)))
}

func TestONNX(t *testing.T) {
	info, err := modelproto.ONNX(context.Background(), reader(testmodels.ONNX("com.evil", "../x.bin")))
	if err != nil {
		t.Fatal(err)
	}
	want := &modelproto.ONNXInfo{
		Domains:  []string{"", "com.evil"},
		Ops:      map[string][]string{"com.evil": {"Inject"}},
		External: []modelproto.ExternalData{{Tensor: "weight", Location: "../x.bin"}},
	}
	if diff := cmp.Diff(want, info); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestSavedModel(t *testing.T) {
	ops, err := modelproto.SavedModelOps(context.Background(), reader(testmodels.SavedModel("ReadFile", "MatMul", "PyFunc")),
		func(op string) bool { return op != "MatMul" })
	if err != nil {
		t.Fatal(err)
	}
	want := []modelproto.Op{{Op: "PyFunc", Nodes: []string{"node_2"}}, {Op: "ReadFile", Nodes: []string{"node_0"}}}
	if diff := cmp.Diff(want, ops); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMalformed(t *testing.T) {
	for name, b := range map[string][]byte{
		"length past end": {0x3a, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"bad varint":      {0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		"group":           {0x0b},
		"truncated":       testmodels.ONNX("", "a")[:20],
	} {
		_, err := modelproto.ONNX(context.Background(), reader(b))
		if !errors.Is(err, modelproto.ErrMalformed) {
			t.Errorf("%s: got %v", name, err)
		}
	}
	// Deep nesting: graph -> node -> attribute -> graph ... is bounded.
	deep := []byte{}
	for range 200 {
		inner := append([]byte{0x32}, byte(len(deep)))
		if len(deep) > 120 {
			break
		}
		deep = append(inner, deep...)
	}
	_, _ = modelproto.ONNX(context.Background(), reader(deep))
}

func FuzzONNX(f *testing.F) {
	f.Add(testmodels.ONNX("com.evil", "../x"))
	f.Add(testmodels.ONNX("", ""))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = modelproto.ONNX(context.Background(), reader(b))
	})
}

func FuzzSavedModel(f *testing.F) {
	f.Add(testmodels.SavedModel("ReadFile", "PyFunc"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = modelproto.SavedModelOps(context.Background(), reader(b), func(string) bool { return true })
	})
}

func TestONNXSubgraph(t *testing.T) {
	// An If node whose then_branch graph holds an initializer stored at
	// an escaping external location: the walker descends into subgraphs.
	tag := func(n protowire.Number, v []byte) []byte {
		b := protowire.AppendTag(nil, n, protowire.BytesType)
		return protowire.AppendBytes(b, v)
	}
	entry := append(tag(1, []byte("location")), tag(2, []byte("/etc/shadow"))...)
	tensor := append(tag(8, []byte("hidden")), tag(13, entry)...)
	sub := tag(5, tensor)
	attr := append(tag(1, []byte("then_branch")), tag(6, sub)...)
	node := append(tag(4, []byte("If")), tag(5, attr)...)
	graph := tag(1, node)
	model := tag(7, graph)
	info, err := modelproto.ONNX(context.Background(), reader(model))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]modelproto.ExternalData{{Tensor: "hidden", Location: "/etc/shadow"}}, info.External); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
