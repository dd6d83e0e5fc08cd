package aimodel

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

const (
	// h5Chunk is the read size when searching an HDF5 file.
	h5Chunk = 4 << 20
	// maxH5Configs bounds the JSON configs decoded from one HDF5 file.
	maxH5Configs = 8
	// maxMetadataObjects bounds the layer records of a keras_metadata.pb.
	maxMetadataObjects = 100_000
	// maxJSONDepth bounds recursion over a decoded config.
	maxJSONDepth = 256
	// MaxH5Scan is how much of an HDF5 file is searched for the model
	// config. Keras writes the config attribute when it creates the file,
	// before the weights, so it sits near the start.
	MaxH5Scan = 512 << 20
)

// h5Needle starts the JSON that Keras stores in the model_config (and
// training_config) attribute of an HDF5 model.
var h5Needle = []byte(`{"class_name"`)

// kerasMetadataNeedle starts each layer's JSON metadata in the
// keras_metadata.pb of a Keras 2 SavedModel.
var kerasMetadataNeedle = []byte(`{"name": `)

// h5 finds Keras configs in an HDF5 file without an HDF5 parser: Keras
// writes the model config as a JSON string attribute, which HDF5 stores
// contiguously, so the file is searched for the JSON's opening bytes and
// each candidate decoded. Attributes split across dense storage blocks
// would be missed (see docs/models.md).
func (s *scan) h5(ctx context.Context, r io.ReaderAt, size int64, inner string) error {
	objs, err := s.searchJSON(ctx, r, size, inner, h5Needle, maxH5Configs)
	if len(objs) > 0 {
		s.kerasTree(objs, inner, false)
	}
	return err
}

// kerasMetadata checks the keras_metadata.pb of a Keras 2 SavedModel: a
// protobuf whose strings are per-layer JSON metadata, searched the same
// way.
func (s *scan) kerasMetadata(ctx context.Context, r io.ReaderAt, size int64, inner string) error {
	objs, err := s.searchJSON(ctx, r, size, inner, kerasMetadataNeedle, maxMetadataObjects)
	if len(objs) > 0 {
		s.kerasTree(objs, inner, false)
	}
	return err
}

// searchJSON decodes up to max JSON objects starting with needle in the
// first MaxH5Scan bytes of r. Objects nested in a decoded one are skipped.
func (s *scan) searchJSON(ctx context.Context, r io.ReaderAt, size int64, inner string, needle []byte, max int) ([]any, error) {
	var objs []any
	buf := make([]byte, h5Chunk+len(needle))
	if size > MaxH5Scan {
		s.warn(inner, "only the first %d bytes of %d were searched for a Keras config", int64(MaxH5Scan), size)
		size = MaxH5Scan
	}
	for off := int64(0); off < size; off += h5Chunk {
		if err := ctx.Err(); err != nil {
			return objs, err
		}
		n, err := r.ReadAt(buf, off)
		if n == 0 && err != nil {
			break
		}
		chunk := buf[:n]
		for i := 0; i < len(chunk); {
			j := bytes.Index(chunk[i:], needle)
			if j < 0 || i+j >= h5Chunk {
				break // matches in the overlap belong to the next chunk
			}
			at := off + int64(i+j)
			i += j + 1
			var v any
			dec := json.NewDecoder(io.NewSectionReader(r, at, min(MaxConfigJSON, size-at)))
			if dec.Decode(&v) != nil {
				continue
			}
			i += int(min(dec.InputOffset(), int64(len(chunk)))) - 1
			objs = append(objs, v)
			if len(objs) == max {
				return objs, nil
			}
		}
	}
	return objs, nil
}

// kerasConfig checks a .keras config.json.
func (s *scan) kerasConfig(b []byte, inner string, modules bool) {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		s.warn(inner, "Keras config is not valid JSON: %v", err)
		return
	}
	s.kerasTree(v, inner, modules)
}

// kerasTree reports Lambda layers and, when modules is set (Keras 3
// configs record the module of every object), objects imported from
// modules outside Keras and TensorFlow.
func (s *scan) kerasTree(v any, inner string, modules bool) {
	var lambdas []string
	custom := map[string]bool{}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > maxJSONDepth {
			return
		}
		switch t := v.(type) {
		case map[string]any:
			if cn, _ := t["class_name"].(string); cn == "Lambda" {
				lambdas = append(lambdas, lambdaDesc(t))
			}
			if m, ok := t["module"].(string); ok && modules && m != "" && !kerasModule(m) {
				name, _ := t["class_name"].(string)
				custom[m+"."+name] = true
			}
			for _, c := range t {
				walk(c, depth+1)
			}
		case []any:
			for _, c := range t {
				walk(c, depth+1)
			}
		}
	}
	walk(v, 0)
	w := where(s.path, inner)
	if len(lambdas) > 0 {
		s.emit(RuleKerasLambda, s.loc(),
			fmt.Sprintf("%s defines %s %s; loading the model with safe_mode=False (or with Keras 2) runs the serialized code.",
				w, plural(len(lambdas), "a Lambda layer", "Lambda layers"), list(lambdas)),
			props(inner, "layers", strings.Join(lambdas, ",")))
	}
	if len(custom) > 0 {
		var names []string
		for n := range custom {
			names = append(names, n)
		}
		sort.Strings(names)
		s.emit(RuleKerasCustomObject, s.loc(),
			fmt.Sprintf("%s makes Keras import %s when the model is loaded.", w, list(names)),
			props(inner, "objects", strings.Join(names, ",")))
	}
}

func lambdaDesc(layer map[string]any) string {
	cfg, _ := layer["config"].(map[string]any)
	name, _ := cfg["name"].(string)
	if name == "" {
		name = "(unnamed)"
	}
	kind := "code"
	if ft, ok := cfg["function_type"].(string); ok && ft != "" {
		kind = ft
	}
	return fmt.Sprintf("%q (%s)", name, kind)
}

// kerasModule reports modules Keras configs legitimately name.
func kerasModule(m string) bool {
	for _, p := range []string{"keras", "tf_keras", "tensorflow", "builtins"} {
		if m == p || strings.HasPrefix(m, p+".") {
			return true
		}
	}
	return false
}

func list(items []string) string {
	if len(items) > maxListed {
		return strings.Join(items[:maxListed], ", ") + fmt.Sprintf(" and %d more", len(items)-maxListed)
	}
	return strings.Join(items, ", ")
}
