package aimodel_test

import (
	"context"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel"
	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/source"
)

// FuzzAnalyzeFile feeds arbitrary bytes under every model file name.
func FuzzAnalyzeFile(f *testing.F) {
	f.Add(testmodels.TorchZip(testmodels.Malicious()[0].Bytes))
	f.Add(testmodels.Keras(testmodels.KerasConfig(true, "x.y")))
	f.Add(testmodels.H5(true))
	f.Add(testmodels.Tar("pickle", testmodels.StateDict()))
	f.Add(testmodels.Gzip(testmodels.StateDict()))
	f.Add(testmodels.SevenZip(true, true, testmodels.ZipEntry{Name: "model.pt", Data: testmodels.TorchZip(testmodels.StateDict())}))
	f.Add(testmodels.XZ(testmodels.StateDict(), 0))
	a := aimodel.New(aimodel.Options{})
	names := []string{"m.pt", "m.pkl", "m.npy", "m.keras", "m.h5", "m.safetensors", "m.gguf", "m.onnx", "saved_model.pb", "tokenizer_config.json", "m.joblib", "m.7z", "m.pkl.xz"}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, n := range names {
			c := &collector{}
			_ = a.AnalyzeFile(context.Background(), &analyzer.Target{File: source.File{Path: n}, Content: b}, c)
		}
	})
}
