package aimodel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/socyber/codeaudit/internal/aimodel/gguf"
	"github.com/socyber/codeaudit/internal/aimodel/modelproto"
	"github.com/socyber/codeaudit/internal/aimodel/safetensors"
)

func (s *scan) safetensors(ctx context.Context, r io.ReaderAt, size int64, inner string) error {
	_, problems, err := safetensors.Check(r, size)
	if err != nil {
		return fmt.Errorf("%s: %w", where(s.path, inner), err)
	}
	if len(problems) > 0 {
		s.emit(RuleSafetensorsBad, s.loc(),
			fmt.Sprintf("%s has an invalid safetensors header: %s.", where(s.path, inner), strings.Join(problems, "; ")),
			props(inner, "problems", fmt.Sprint(len(problems))))
	}
	return nil
}

func isChatTemplateKey(k string) bool {
	return k == "tokenizer.chat_template" || strings.HasPrefix(k, "tokenizer.chat_template.")
}

func (s *scan) gguf(ctx context.Context, r io.Reader, inner string) error {
	sz := int64(1 << 62)
	if sr, ok := r.(*io.SectionReader); ok {
		sz = sr.Size()
	}
	h, err := gguf.Read(ctx, r, sz, isChatTemplateKey)
	var fe *gguf.FormatError
	switch {
	case errors.As(err, &fe):
		s.warn(inner, "%v; metadata after this point was not checked", err)
	case errors.Is(err, gguf.ErrNotGGUF):
		s.warn(inner, "not a GGUF file")
		return nil
	case err != nil:
		return fmt.Errorf("%s: %w", where(s.path, inner), err)
	}
	if h == nil {
		return nil
	}
	keys := make([]string, 0, len(h.Strings))
	for k := range h.Strings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s.reportTemplate(RuleGGUFTemplate, h.Strings[k], nil, k, inner)
	}
	return nil
}

// Standard ONNX operator domains and the ONNX Runtime contrib domains,
// whose operators ship with the runtime.
func standardONNXDomain(d string) bool {
	switch d {
	case "", "ai.onnx", "ai.onnx.ml", "ai.onnx.training", "ai.onnx.preview.training",
		"com.microsoft", "com.microsoft.nchwc", "com.microsoft.experimental", "com.ms.internal.nhwc",
		"org.pytorch.aten", "com.microsoft.dml", "ai.onnx.contrib":
		return true
	}
	return false
}

func (s *scan) onnx(ctx context.Context, r io.ReaderAt, size int64, inner string) error {
	info, err := modelproto.ONNX(ctx, modelproto.NewReader(r, size))
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		s.warn(inner, "ONNX model only partly read: %v", err)
	}
	w := where(s.path, inner)
	var escapes []string
	for _, e := range info.External {
		if escapesDir(e.Location) {
			escapes = append(escapes, fmt.Sprintf("%s -> %q", e.Tensor, e.Location))
		}
	}
	if len(escapes) > 0 {
		s.emit(RuleONNXTraversal, s.loc(),
			fmt.Sprintf("%s loads tensor data from outside the model directory: %s.", w, list(escapes)),
			props(inner, "locations", strings.Join(escapes, ",")))
	}
	var custom []string
	for _, d := range info.Domains {
		if standardONNXDomain(d) {
			continue
		}
		desc := d
		if ops := info.Ops[d]; len(ops) > 0 {
			desc += " (" + list(ops) + ")"
		}
		custom = append(custom, desc)
	}
	if len(custom) > 0 {
		s.emit(RuleONNXCustomOp, s.loc(),
			fmt.Sprintf("%s uses operators from custom domain %s; running it needs a native operator library.", w, list(custom)),
			props(inner, "domains", strings.Join(custom, ",")))
	}
	return nil
}

// escapesDir reports an external-data location that is absolute, has a
// drive letter or URL scheme, or climbs above the model directory.
func escapesDir(loc string) bool {
	l := strings.ReplaceAll(loc, "\\", "/")
	if strings.HasPrefix(l, "/") || strings.Contains(l, "://") || strings.Contains(l, "\x00") {
		return true
	}
	if len(l) >= 2 && l[1] == ':' {
		return true
	}
	c := path.Clean(l)
	return c == ".." || strings.HasPrefix(c, "../")
}

// TensorFlow operations that run Python or touch files.
func tfPythonOp(op string) bool {
	switch op {
	case "PyFunc", "PyFuncStateless", "EagerPyFunc":
		return true
	}
	return false
}

func tfFileOp(op string) bool {
	switch op {
	case "ReadFile", "WriteFile", "MatchingFiles", "ImmutableConst":
		return true
	}
	return false
}

func (s *scan) savedModel(ctx context.Context, r io.ReaderAt, size int64, inner string) error {
	ops, err := modelproto.SavedModelOps(ctx, modelproto.NewReader(r, size), func(op string) bool { return tfPythonOp(op) || tfFileOp(op) })
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		s.warn(inner, "SavedModel only partly read: %v", err)
	}
	var py, file []string
	for _, op := range ops {
		desc := fmt.Sprintf("%s (node %s)", op.Op, list(op.Nodes))
		if tfPythonOp(op.Op) {
			py = append(py, desc)
		} else {
			file = append(file, desc)
		}
	}
	w := where(s.path, inner)
	if len(py) > 0 {
		s.emit(RuleTFPythonOp, s.loc(), fmt.Sprintf("%s contains %s, which call Python functions when the graph runs.", w, list(py)), props(inner))
	}
	if len(file) > 0 {
		s.emit(RuleTFFileOp, s.loc(), fmt.Sprintf("%s contains %s, which read or write files when the graph runs.", w, list(file)), props(inner))
	}
	return nil
}
