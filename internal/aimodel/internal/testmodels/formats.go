package testmodels

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"google.golang.org/protobuf/encoding/protowire"
)

// Gzip compresses b (joblib's compress=("gzip", 3)).
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}

// Tar builds a tar archive of name/content pairs (legacy PyTorch format).
func Tar(pairs ...any) []byte {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for i := 0; i+1 < len(pairs); i += 2 {
		name, data := pairs[i].(string), pairs[i+1].([]byte)
		_ = tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg})
		_, _ = tw.Write(data)
	}
	_ = tw.Close()
	return buf.Bytes()
}

// KerasConfig returns a Keras 3 config.json for a small Sequential model;
// with lambda it has a Lambda layer, with module a layer from that module.
func KerasConfig(lambda bool, module string) []byte {
	layers := []any{
		map[string]any{"module": "keras.layers", "class_name": "InputLayer", "config": map[string]any{"name": "input", "batch_shape": []any{nil, 4}}},
		map[string]any{"module": "keras.layers", "class_name": "Dense", "config": map[string]any{"name": "dense", "units": 2}},
	}
	if lambda {
		layers = append(layers, map[string]any{"module": "keras.layers", "class_name": "Lambda", "config": map[string]any{
			"name": "exfil",
			"function": map[string]any{"class_name": "__lambda__", "config": map[string]any{
				"code": base64.StdEncoding.EncodeToString([]byte("\xe3\x00\x00\x00 marshalled code")), "defaults": nil, "closure": nil,
			}},
		}})
	}
	if module != "" {
		layers = append(layers, map[string]any{"module": module, "class_name": "Backdoor", "registered_name": "Custom>Backdoor", "config": map[string]any{"name": "bd"}})
	}
	b, _ := json.Marshal(map[string]any{"module": "keras", "class_name": "Sequential", "config": map[string]any{"name": "seq", "layers": layers}})
	return b
}

// Keras builds a .keras archive.
func Keras(config []byte) []byte {
	return Zip(
		ZipEntry{Name: "metadata.json", Data: []byte(`{"keras_version": "3.3.3", "date_saved": "2024-05-01@10:00:00"}`), Deflate: true},
		ZipEntry{Name: "config.json", Data: config, Deflate: true},
		ZipEntry{Name: "model.weights.h5", Data: append([]byte("\x89HDF\r\n\x1a\n"), make([]byte, 64)...)},
	)
}

// H5 builds bytes that look like a Keras 2 HDF5 model: an HDF5 signature,
// binary noise and the model_config attribute's JSON text.
func H5(lambda bool) []byte {
	layer := `{"class_name": "Dense", "config": {"name": "dense", "units": 2}}`
	if lambda {
		layer += `, {"class_name": "Lambda", "config": {"name": "lambda_1", "function": ["4wEAAAAAAAAA", null, null], "function_type": "lambda"}}`
	}
	cfg := `{"class_name": "Sequential", "config": {"name": "sequential", "layers": [` + layer + `]}}`
	var b bytes.Buffer
	b.WriteString("\x89HDF\r\n\x1a\n")
	b.Write(bytes.Repeat([]byte{0, 1, 2, 0xff}, 300))
	b.WriteString("model_config\x00\x00\x00")
	b.WriteString(cfg)
	b.Write(bytes.Repeat([]byte{0}, 100))
	return b.Bytes()
}

// Safetensors builds a safetensors file from a header and data length.
func Safetensors(header string, data int) []byte {
	var b bytes.Buffer
	_ = binary.Write(&b, binary.LittleEndian, uint64(len(header)))
	b.WriteString(header)
	b.Write(make([]byte, data))
	return b.Bytes()
}

// GGUF builds a version 3 GGUF file with a chat template.
func GGUF(template string) []byte {
	var b bytes.Buffer
	u32 := func(v uint32) { _ = binary.Write(&b, binary.LittleEndian, v) }
	u64 := func(v uint64) { _ = binary.Write(&b, binary.LittleEndian, v) }
	str := func(s string) { u64(uint64(len(s))); b.WriteString(s) }
	b.WriteString("GGUF")
	u32(3)
	u64(0)
	u64(2)
	str("general.architecture")
	u32(8)
	str("llama")
	str("tokenizer.chat_template")
	u32(8)
	str(template)
	return b.Bytes()
}

func msg(fields ...func([]byte) []byte) []byte {
	var b []byte
	for _, f := range fields {
		b = f(b)
	}
	return b
}

func bytesField(n protowire.Number, v []byte) func([]byte) []byte {
	return func(b []byte) []byte {
		b = protowire.AppendTag(b, n, protowire.BytesType)
		return protowire.AppendBytes(b, v)
	}
}

func varintField(n protowire.Number, v uint64) func([]byte) []byte {
	return func(b []byte) []byte {
		b = protowire.AppendTag(b, n, protowire.VarintType)
		return protowire.AppendVarint(b, v)
	}
}

// ONNX builds a ModelProto with one node of the given domain (empty for
// standard ops) and one initializer stored at the external location (none
// when empty).
func ONNX(domain, location string) []byte {
	tensor := msg(bytesField(8, []byte("weight")), varintField(2, 1), bytesField(9, make([]byte, 8)))
	if location != "" {
		tensor = msg(bytesField(8, []byte("weight")), varintField(2, 1),
			bytesField(13, msg(bytesField(1, []byte("location")), bytesField(2, []byte(location)))),
			bytesField(13, msg(bytesField(1, []byte("offset")), bytesField(2, []byte("0")))),
			varintField(14, 1))
	}
	node := msg(bytesField(1, []byte("x")), bytesField(2, []byte("y")), bytesField(4, []byte("Relu")))
	if domain != "" {
		node = msg(bytesField(1, []byte("x")), bytesField(2, []byte("y")), bytesField(4, []byte("Inject")), bytesField(7, []byte(domain)))
	}
	graph := msg(bytesField(1, node), bytesField(2, []byte("g")), bytesField(5, tensor))
	opsets := []func([]byte) []byte{bytesField(8, msg(bytesField(1, nil), varintField(2, 17)))}
	if domain != "" {
		opsets = append(opsets, bytesField(8, msg(bytesField(1, []byte(domain)), varintField(2, 1))))
	}
	return msg(append([]func([]byte) []byte{varintField(1, 8), bytesField(2, []byte("pytorch")), bytesField(7, graph)}, opsets...)...)
}

// SavedModel builds a saved_model.pb whose graph has nodes with the given
// ops, the last one inside a library function.
func SavedModel(ops ...string) []byte {
	var graph []func([]byte) []byte
	for i, op := range ops {
		node := msg(bytesField(1, []byte(fmt.Sprintf("node_%d", i))), bytesField(2, []byte(op)))
		if i == len(ops)-1 {
			fn := msg(bytesField(1, msg(bytesField(1, []byte("fn")))), bytesField(3, node))
			graph = append(graph, bytesField(2, msg(bytesField(1, fn))))
			continue
		}
		graph = append(graph, bytesField(1, node))
	}
	meta := msg(bytesField(1, msg(bytesField(1, []byte("serve")))), bytesField(2, msg(graph...)))
	return msg(varintField(1, 1), bytesField(2, meta))
}

// KerasMetadata builds a keras_metadata.pb-like file: protobuf framing
// around per-layer JSON metadata.
func KerasMetadata(lambda bool) []byte {
	layers := []string{`{"name": "dense", "trainable": true, "class_name": "Dense", "config": {"name": "dense", "units": 2}}`}
	if lambda {
		layers = append(layers, `{"name": "lambda", "trainable": true, "class_name": "Lambda", "config": {"name": "lambda", "function": {"class_name": "__lambda__", "config": {"code": "4wEAAAAA"}}}}`)
	}
	var b []byte
	for i, l := range layers {
		node := msg(varintField(1, uint64(i)), bytesField(3, []byte("_tf_keras_layer")), bytesField(5, []byte(l)))
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendBytes(b, node)
	}
	return b
}
