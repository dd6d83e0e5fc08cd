package aimodel_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/socyber/codeaudit/internal/aimodel"
	"github.com/socyber/codeaudit/internal/aimodel/internal/testmodels"
	"github.com/socyber/codeaudit/internal/analyzer"
	"github.com/socyber/codeaudit/internal/source"
)

// TestSparseFiles: 10 GB sparse files of every format finish without
// reading them whole (bounded memory and time; the test only checks that
// it completes without error or panic).
func TestSparseFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 10 GB sparse files")
	}
	a := aimodel.New(aimodel.Options{})
	dir := t.TempDir()
	for _, name := range []string{"m.pkl", "m.pt", "m.bin", "m.npy", "m.npz", "m.safetensors", "m.gguf", "m.onnx", "saved_model.pb", "m.h5", "m.keras", "tokenizer_config.json", "m.joblib"} {
		abs := filepath.Join(dir, name)
		f, err := os.Create(abs)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(10 << 30); err != nil {
			f.Close()
			t.Skipf("no sparse files here: %v", err)
		}
		f.Close()
		c := &collector{}
		err = a.AnalyzeFile(context.Background(), &analyzer.Target{File: source.File{Path: name, Abs: abs, Size: 10 << 30}}, c)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%s: %d findings, warnings %v", name, len(c.findings), c.warnings)
		os.Remove(abs)
	}
}

// BenchmarkTorchZip measures a PyTorch checkpoint of 10,000 tensors with
// 64 MiB of storage, read from disk the way the streaming engine will.
func BenchmarkTorchZip(b *testing.B) {
	one := testmodels.StateDict()
	body := one[2 : len(one)-2]
	pkl := append([]byte{}, one[:2]...)
	for range 5000 {
		pkl = append(pkl, body...)
		pkl = append(pkl, '0')
	}
	pkl = append(pkl, '.')
	content := testmodels.Zip(
		testmodels.ZipEntry{Name: "archive/data.pkl", Data: pkl},
		testmodels.ZipEntry{Name: "archive/data/0", Data: make([]byte, 64<<20)},
	)
	abs := filepath.Join(b.TempDir(), "model.pt")
	if err := os.WriteFile(abs, content, 0o644); err != nil {
		b.Fatal(err)
	}
	a := aimodel.New(aimodel.Options{})
	t := &analyzer.Target{File: source.File{Path: "model.pt", Abs: abs}}
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for b.Loop() {
		c := &collector{}
		if err := a.AnalyzeFile(context.Background(), t, c); err != nil || len(c.findings) != 0 {
			b.Fatal(err, c.findings)
		}
	}
}
