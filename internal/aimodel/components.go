package aimodel

import (
	"context"
	"path"
	"strings"

	"github.com/socyber/codeaudit/internal/source"
)

// ModelComponent is a model file for the AI-BOM: the deps SBOM writer adds
// each as a CycloneDX component of type "machine-learning-model".
type ModelComponent struct {
	// Name is the file name ("model.safetensors").
	Name string
	// Path is the relative path in the scan.
	Path string
	// Format is "safetensors", "pytorch", "pickle", "numpy", "keras",
	// "hdf5", "tensorflow-savedmodel", "onnx" or "gguf".
	Format string
	Size   int64
	// SHA256 is the lower-case hex digest of the file.
	SHA256 string
}

// modelFormatName names the model format of a path, "" for files that are
// not model weights (archives, templates).
func modelFormatName(p string) string {
	name := strings.ToLower(path.Base(p))
	if name == "saved_model.pb" {
		return "tensorflow-savedmodel"
	}
	switch path.Ext(name) {
	case ".safetensors":
		return "safetensors"
	case ".pt", ".pth", ".ckpt", ".pt2", ".mar":
		return "pytorch"
	case ".bin":
		if strings.Contains(name, "pytorch_model") {
			return "pytorch"
		}
		return ""
	case ".pkl", ".pickle", ".joblib", ".jbl", ".dill":
		return "pickle"
	case ".npy", ".npz":
		return "numpy"
	case ".keras":
		return "keras"
	case ".h5", ".hdf5":
		return "hdf5"
	case ".onnx":
		return "onnx"
	case ".gguf":
		return "gguf"
	}
	return ""
}

func isWeightFile(p string) bool { return modelFormatName(p) != "" }

// Components lists the model files among files with their SHA-256, for the
// AI-BOM. Files are hashed by streaming them from File.Abs; ctx bounds the
// time spent.
func Components(ctx context.Context, files []source.File) ([]ModelComponent, error) {
	var out []ModelComponent
	for _, f := range files {
		format := modelFormatName(f.Path)
		if format == "" {
			continue
		}
		sum, n, err := hashFile(ctx, f.Abs, 0, false)
		if err != nil {
			if ctx.Err() != nil {
				return out, ctx.Err()
			}
			continue
		}
		out = append(out, ModelComponent{Name: path.Base(f.Path), Path: f.Path, Format: format, Size: n, SHA256: sum})
	}
	return out, nil
}
